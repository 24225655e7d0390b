import { expect, test } from './fixtures/workbench';
import { harbourTalks } from './fixtures/articles';

test('an analyst sets their name in Settings, and the annotations they make say who made them', async ({ workbench }) => {
  // Two starts and two dialogs on a shared two-core machine.
  test.slow();
  let ui = workbench.ui;
  const { page } = ui;
  await expect(ui.libraryPanel).toBeVisible();

  // The first start asked nothing: the name is already filled in (the system user's).
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const name = dialog.getByLabel('Your name');
  const email = dialog.getByLabel('Email (optional)');
  await expect(name).not.toHaveValue('');

  // Clear errors, per field, and nothing is saved.
  await name.fill('   ');
  await email.fill('lena-at-example');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Your name is empty: write the name colleagues know you by')).toBeVisible();
  await expect(dialog.getByText('Email must look like name@example.org (or leave it empty)')).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await dialog.screenshot({ path: 'test-results/e2e-artifacts/settings-dialog-errors.png' });

  await name.fill('Lena Marsh');
  await email.fill('lena@example.org');
  await dialog.screenshot({ path: 'test-results/e2e-artifacts/settings-dialog.png' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await ui.expectStatus(/recorded as Lena Marsh/);

  await ui.addAndOpenArticle(harbourTalks);
  await ui.highlight('is a first step, not a settlement');
  const authorship = page.getByRole('region', { name: 'Selected annotation' }).getByLabel('Authorship');
  await expect(authorship).toHaveText(/^Created by Lena Marsh, \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
  await page.getByRole('region', { name: 'Selected annotation' }).screenshot({ path: 'test-results/e2e-artifacts/annotation-authorship.png' });

  // A change by someone else is named too (Settings also opens with Ctrl+,).
  await page.keyboard.press('Control+Comma');
  await expect(dialog).toBeVisible();
  await expect(name).toHaveValue('Lena Marsh');
  await name.fill('Omar Haddad');
  await email.fill('');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const region = page.getByRole('region', { name: 'Selected annotation' });
  await region.getByRole('group', { name: 'Review status' }).getByRole('button', { name: 'Reviewed' }).click();
  await expect(authorship).toHaveText(/^Created by Lena Marsh, .+ · changed by Omar Haddad, .+$/);

  // Kept in the app's settings, not in the page: after a restart the name is still there.
  ui = await workbench.restart();
  await ui.page.getByRole('button', { name: 'Settings' }).click();
  const again = ui.page.getByRole('dialog', { name: 'Settings' });
  await expect(again.getByLabel('Your name')).toHaveValue('Omar Haddad');
  await expect(again.getByLabel('Email (optional)')).toHaveValue('');
});
