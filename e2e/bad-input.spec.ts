import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures/workbench';

test('an empty text or a bad URL is refused with a clear message and nothing is written', async ({ workbench }) => {
  const ui = workbench.ui;
  await ui.page.getByRole('button', { name: 'New article' }).click();
  const dialog = ui.page.getByRole('dialog', { name: 'New article' });
  await dialog.getByLabel('Title').fill('Nothing here');
  await dialog.getByLabel('Text').fill('   \n  ');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Text is empty');

  await dialog.getByLabel('Text').fill('Some text.');
  await dialog.getByLabel('URL').fill('javascript:alert(1)');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('URL must start with http:// or https://');

  expect(await readdir(join(workbench.projectDir, 'articles'))).toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(ui.page.getByText('No articles yet')).toBeVisible();
});

test.describe('a damaged article file', () => {
  test.use({ projectFiles: { 'articles/broken-1.json': '{"schemaVersion": 1, "article": {"id": "broken-1", "tit' } });

  test('is set aside and reported, and the project still opens', async ({ workbench }) => {
    const ui = workbench.ui;
    await expect(ui.page.getByRole('alert').filter({ hasText: 'articles/broken-1.json could not be read' })).toBeVisible();
    // The folder holds no project.json beside the articles: that loss is reported too, not hidden.
    await expect(ui.page.getByRole('alert').filter({ hasText: 'project.json was missing' })).toBeVisible();
    await expect(ui.libraryPanel).toBeVisible();
    const kept = (await readdir(join(workbench.projectDir, 'articles'))).filter((name) => name.startsWith('broken-1.json.damaged-'));
    expect(kept).toHaveLength(1);
    // The project is usable: a new article saves next to the kept file.
    await ui.addArticle({ title: 'Still works', text: 'The project opened despite the damaged file.' });
    await expect(ui.libraryItem(/Still works/)).toBeVisible();
  });
});
