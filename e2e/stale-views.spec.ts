import { expect, test } from './fixtures/workbench';
import type { WorkbenchPage } from './models/workbench-page';

const article = {
  title: 'Harbour fees debated',
  source: 'Test Wire',
  published: '2026-10-03',
  text: 'Petra Alm said the harbour fees would fall next year.\nThe council did not comment.',
};

async function addArticleWithClaim(ui: WorkbenchPage): Promise<void> {
  await ui.addAndOpenArticle(article);
  const form = await ui.startClaim('the harbour fees would fall next year');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
}

// Every view reads through one cache, and an undo or redo says what it touched: a view on
// screen follows at once, without the user navigating away and back.
test('undo and redo while the Claims view or the Review view is showing update it in place', async ({ workbench }) => {
  const ui = workbench.ui;
  await addArticleWithClaim(ui);

  await ui.page.getByRole('tab', { name: 'Claims' }).click();
  const claims = ui.page.getByRole('main', { name: 'Claims' });
  const claimRow = claims.getByRole('row', { name: /the harbour fees would fall next year/ });
  await expect(claimRow).toBeVisible();
  await ui.page.getByRole('button', { name: 'Undo' }).click();
  await expect(claimRow).toHaveCount(0);
  await expect(claims).toContainText('No claims yet');
  await ui.page.keyboard.press('Control+Shift+z');
  await expect(claimRow).toBeVisible();

  // An edit made in the table, then undone from the keyboard, goes back in the table too.
  const verification = claims.getByRole('combobox', { name: 'Verification of “the harbour fees would fall next year”' });
  await verification.selectOption({ label: 'Corroborated' });
  await expect(ui.page.getByRole('status')).toHaveText('Claim updated.');
  // Ctrl+Z in a form field belongs to the field: leave it first, as a user would.
  await verification.evaluate((element) => (element as HTMLElement).blur());
  await ui.page.keyboard.press('Control+z');
  await expect(verification).toHaveValue('unverified');

  await ui.page.getByRole('tab', { name: 'Review' }).click();
  const queue = ui.page.getByRole('main', { name: 'Review queue' });
  await expect(queue).toContainText('1 left to review');
  await ui.page.keyboard.press('Control+z');
  await expect(queue).toContainText('Nothing left to review.');
  await ui.page.getByRole('button', { name: 'Redo' }).click();
  await expect(queue).toContainText('1 left to review');
  await queue.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(queue).toContainText('Nothing left to review.');
  await ui.page.keyboard.press('Control+z');
  await expect(queue).toContainText('1 left to review');
});

test('an imported annotation file shows in the Claims view at once', async ({ workbench }) => {
  const ui = workbench.ui;
  await addArticleWithClaim(ui);
  const exported = await workbench.captureSave(() => ui.chooseExport('W3C annotations'));

  // Take the claim away, keep the Claims view open, and bring it back from the file.
  await ui.page.getByRole('tab', { name: 'Claims' }).click();
  const claims = ui.page.getByRole('main', { name: 'Claims' });
  await ui.page.getByRole('button', { name: 'Undo' }).click();
  await expect(claims).toContainText('No claims yet');

  await ui.chooseExport('Import annotation file (W3C)…');
  const dialog = ui.page.getByRole('dialog', { name: 'Import W3C annotations' });
  await dialog.getByLabel('Annotation file').setInputFiles({ name: 'annotations.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(exported.content) });
  await expect(dialog).toBeHidden();
  await expect(claims.getByRole('row', { name: /the harbour fees would fall next year/ })).toBeVisible();
});

test.describe.serial('restore', () => {
  let backup = '';

  test('a project file to restore', async ({ workbench }) => {
    await addArticleWithClaim(workbench.ui);
    backup = (await workbench.captureSave(() => workbench.ui.chooseExport('Project file'))).content;
    expect(backup).toContain('the harbour fees would fall next year');
  });

  test('a restore into an empty project shows in the open Claims view and the library at once', async ({ workbench }) => {
    const ui = workbench.ui;
    await ui.page.getByRole('tab', { name: 'Claims' }).click();
    const claims = ui.page.getByRole('main', { name: 'Claims' });
    await expect(claims).toContainText('No claims yet');
    await ui.chooseExport('Restore from backup…');
    const dialog = ui.page.getByRole('dialog', { name: 'Restore project file' });
    await dialog.getByLabel('Project file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    await expect(dialog).toBeHidden();
    await expect(claims.getByRole('row', { name: /the harbour fees would fall next year/ })).toBeVisible();
    await ui.page.getByRole('tab', { name: 'Library' }).click();
    await expect(ui.libraryItem(/Harbour fees debated/)).toBeVisible();
  });
});
