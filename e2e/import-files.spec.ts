import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures/workbench';
import { ROOT } from './fixtures/environment';

const fixture = (name: string) => join(ROOT, 'e2e/fixtures/import', name);

test('imports a saved web page: the review table shows its metadata, the article lands in the library and survives a restart', async ({ workbench }) => {
  let ui = workbench.ui;
  await ui.page.getByLabel('Files to import').setInputFiles(fixture('wire-story.html'));
  const dialog = ui.page.getByRole('dialog', { name: 'Import files' });
  const table = dialog.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(2);
  const title = table.getByRole('textbox', { name: 'Title of wire-story.html' });
  await expect(title).not.toHaveValue('');
  const extractedTitle = await title.inputValue();
  await title.fill(`${extractedTitle} (checked)`);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('region', { name: 'Import results' })).toContainText('1 imported, 0 skipped, 0 failed');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(ui.libraryItem(`${extractedTitle} (checked)`)).toBeVisible();

  ui = await workbench.restart();
  await ui.openArticle(`${extractedTitle} (checked)`);
  // The page's navigation and adverts did not come along.
  await expect(ui.article).not.toContainText(/cookie|subscribe|advert/i);
});

test('imports several files at once; a bad file gets its reason and the rest go on', async ({ workbench }) => {
  const ui = workbench.ui;
  await ui.page.getByLabel('Files to import').setInputFiles([fixture('statement.txt'), fixture('memo.docx'), fixture('report.pdf'), fixture('broken.docx'), fixture('empty.txt'), fixture('scanned.pdf')]);
  const dialog = ui.page.getByRole('dialog', { name: 'Import files' });
  await expect(dialog.getByRole('table').getByRole('row')).toHaveCount(4);
  const results = dialog.getByRole('region', { name: 'Import results' });
  await expect(results).toContainText('broken.docx');
  await expect(results).toContainText('empty.txt');
  await expect(results).toContainText('scanned.pdf');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(results).toContainText('3 imported, 0 skipped, 3 failed');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(ui.library.getByRole('option')).toHaveCount(3);
});

test('offers to skip a text that is already in the library', async ({ workbench }) => {
  const ui = workbench.ui;
  const dialog = ui.page.getByRole('dialog', { name: 'Import files' });
  await ui.page.getByLabel('Files to import').setInputFiles(fixture('statement.txt'));
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The same statement in another encoding is the same text.
  await ui.page.getByLabel('Files to import').setInputFiles(fixture('statement-utf16.txt'));
  const choice = dialog.getByRole('combobox', { name: 'Duplicate statement-utf16.txt' });
  await expect(choice).toHaveValue('skip');
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await choice.selectOption('keep');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('region', { name: 'Import results' })).toContainText('1 imported, 0 skipped');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(ui.library.getByRole('option')).toHaveCount(2);
});

test('imports a whole folder; its one bad file is reported and the rest are imported', async ({ workbench }) => {
  const ui = workbench.ui;
  const folder = join(await mkdtemp(join(tmpdir(), 'import-folder-')), 'press-clippings');
  await mkdir(join(folder, 'older'), { recursive: true });
  await copyFile(fixture('wire-story.html'), join(folder, 'wire-story.html'));
  await copyFile(fixture('briefing.md'), join(folder, 'older', 'briefing.md'));
  await copyFile(fixture('report.pdf'), join(folder, 'report.pdf'));
  await writeFile(join(folder, 'corrupt.pdf'), 'this is not a PDF at all');
  await ui.page.getByLabel('Folder to import').setInputFiles(folder);
  const dialog = ui.page.getByRole('dialog', { name: 'Import files' });
  await expect(dialog.getByRole('table').getByRole('row')).toHaveCount(4);
  await expect(dialog.getByRole('region', { name: 'Import results' })).toContainText('corrupt.pdf');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('region', { name: 'Import results' })).toContainText('3 imported, 0 skipped, 1 failed');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(ui.library.getByRole('option')).toHaveCount(3);
});
