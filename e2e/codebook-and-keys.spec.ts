import { expect, test } from './fixtures/workbench';
import { harbourTalks } from './fixtures/articles';

test('tags from the codebook with hotkeys, edits and deletes a tag, and keeps it after a restart', async ({ workbench }) => {
  let ui = workbench.ui;
  await ui.addArticle(harbourTalks);
  await ui.addTag('Fishing');
  await ui.addTag('Sovereignty');
  const codebook = ui.panel('Codebook');
  await expect(codebook.getByRole('button', { name: /Fishing/ }).getByLabel('hotkey 1')).toBeVisible();

  // Key 1 applies "Fishing" to the selection; the Tag menu applies another.
  await ui.selectText('fishing boats from both sides');
  await ui.page.keyboard.press('1');
  await expect(ui.selectedAnnotation).toBeVisible();
  await expect(ui.selectedAnnotation.getByRole('button', { name: 'Fishing', pressed: true })).toBeVisible();
  await ui.selectText('fishing quotas');
  await ui.selectionToolbar.getByRole('button', { name: 'Tag' }).click();
  await ui.page.getByRole('menuitem', { name: /Sovereignty/ }).click();
  await expect(codebook.getByRole('button', { name: /Fishing/ }).getByLabel('used 1 times')).toBeVisible();

  await codebook.getByRole('button', { name: /Sovereignty/ }).click();
  await codebook.getByLabel('Name', { exact: true }).fill('Harbour status');
  await codebook.getByRole('button', { name: 'Update tag' }).click();
  await expect(codebook.getByRole('button', { name: /Harbour status/ })).toBeVisible();

  await codebook.getByRole('button', { name: /Fishing/ }).click();
  await codebook.getByRole('button', { name: 'Remove tag…' }).click();
  await expect(codebook.getByRole('alertdialog')).toContainText('It is used on 1 annotation');
  await codebook.getByRole('button', { name: 'Remove tag', exact: true }).click();
  await expect(codebook.getByRole('button', { name: /Fishing/ })).toHaveCount(0);

  ui = await workbench.restart();
  await ui.openArticle(/harbour talks/);
  await expect(ui.panel('Codebook').getByRole('button', { name: /Harbour status/ }).getByLabel('used 1 times')).toBeVisible();
  await ui.selectAnnotation(/fishing boats/);
  await expect(ui.selectedAnnotation.getByRole('button', { pressed: true })).toHaveCount(1); // Draft only: the tag is gone
});

test('works through annotations with the keyboard: next, mark reviewed, delete, undo and redo', async ({ workbench }) => {
  let ui = workbench.ui;
  await ui.addArticle(harbourTalks);
  await ui.highlight('Nordmark and Sellany');
  await ui.highlight('turned away at gunpoint');
  await ui.highlight('long overdue');
  await ui.page.keyboard.press('Escape');

  await ui.page.keyboard.press('j');
  await expect(ui.selectedAnnotation).toContainText('Nordmark and Sellany');
  await ui.page.keyboard.press('j');
  await expect(ui.selectedAnnotation).toContainText('turned away at gunpoint');
  await ui.page.keyboard.press('r');
  await expect(ui.selectedAnnotation.getByRole('button', { name: 'Reviewed' })).toHaveAttribute('aria-pressed', 'true');
  await ui.page.keyboard.press('k');
  await expect(ui.selectedAnnotation).toContainText('Nordmark and Sellany');
  await ui.page.keyboard.press('Delete');
  await expect.poll(() => ui.highlightedTexts()).toEqual(['turned away at gunpoint', 'long overdue']);

  await ui.page.keyboard.press('Control+z');
  await expect.poll(() => ui.highlightedTexts()).toEqual(['Nordmark and Sellany', 'turned away at gunpoint', 'long overdue']);
  await ui.page.keyboard.press('Control+Shift+z');
  await expect.poll(() => ui.highlightedTexts()).toEqual(['turned away at gunpoint', 'long overdue']);
  await ui.page.keyboard.press('Control+z');
  await expect.poll(() => ui.highlightedTexts()).toHaveLength(3);

  // Undo is a save like any other: the restored highlight and the review status survive a restart.
  ui = await workbench.restart();
  await ui.openArticle(/harbour talks/);
  await expect.poll(() => ui.highlightedTexts()).toEqual(['Nordmark and Sellany', 'turned away at gunpoint', 'long overdue']);
  await ui.selectAnnotation(/turned away/);
  await expect(ui.selectedAnnotation.getByRole('button', { name: 'Reviewed' })).toHaveAttribute('aria-pressed', 'true');

  await ui.page.keyboard.press('?');
  const help = ui.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Next / previous annotation');
  await help.getByRole('button', { name: 'Close' }).click();
});

test('sets the article status and notes, and keeps them after a restart', async ({ workbench }) => {
  let ui = workbench.ui;
  await ui.addArticle(harbourTalks);
  await ui.page.getByLabel('Article status').selectOption({ label: 'In progress' });
  await ui.page.getByRole('button', { name: 'Article note' }).click();
  await ui.page.getByRole('textbox', { name: 'Article note' }).fill('Check the quota figures against the ministry site.');
  await ui.page.getByLabel('Article status').focus();
  await expect(ui.page.getByRole('status')).toHaveText('Article note saved.');
  await ui.page.getByRole('button', { name: 'Project notes' }).click();
  await ui.page.getByRole('dialog', { name: 'Project notes' }).getByRole('textbox').fill('Scope: harbour dispute, October.');
  await ui.page.getByRole('dialog', { name: 'Project notes' }).getByRole('button', { name: 'Save' }).click();

  ui = await workbench.restart();
  await ui.openArticle(/harbour talks/);
  await expect(ui.page.getByLabel('Article status')).toHaveValue('in-progress');
  await expect(ui.page.getByRole('textbox', { name: 'Article note' })).toHaveValue('Check the quota figures against the ministry site.');
  await ui.page.getByRole('button', { name: 'Project notes' }).click();
  await expect(ui.page.getByRole('dialog', { name: 'Project notes' }).getByRole('textbox')).toHaveValue('Scope: harbour dispute, October.');
});
