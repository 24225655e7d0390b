import { join } from 'node:path';
import { expect, test } from './fixtures/workbench';
import { ROOT } from './fixtures/environment';

const fixture = (name: string) => join(ROOT, 'e2e/fixtures/languages', name);

test('an Arabic page in an undeclared legacy encoding and a GBK Chinese file import with their text, read right to left and left to right, and are found by search', async ({ workbench }) => {
  const ui = workbench.ui;
  await ui.page.getByLabel('Files to import').setInputFiles([fixture('ar.windows-1256.undeclared.html'), fixture('zh.gbk.txt')]);
  const dialog = ui.page.getByRole('dialog', { name: 'Import files' });
  const table = dialog.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(3);
  // The review table says how each file was read.
  const arabic = table.getByRole('row', { name: /ar\.windows-1256\.undeclared\.html/ });
  await expect(arabic).toContainText(/read as windows-1256/i);
  await expect(arabic).toContainText('Language: ar, right to left');
  await expect(table.getByRole('row', { name: /zh\.gbk\.txt/ })).toContainText(/read as (gbk|gb18030)/i);
  await ui.page.screenshot({ path: 'test-results/e2e-artifacts/languages-review.png' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('region', { name: 'Import results' })).toContainText('2 imported, 0 skipped, 0 failed');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await ui.openArticle(/فيلدريا/);
  await expect(ui.article).toContainText('أعلن المصرف المركزي في فيلدريا');
  await expect(ui.article).toHaveAttribute('dir', 'rtl');
  await expect(ui.article).toHaveAttribute('lang', 'ar');
  expect(await ui.article.locator('p').first().evaluate((p) => getComputedStyle(p).direction)).toBe('rtl');
  await ui.page.screenshot({ path: 'test-results/e2e-artifacts/languages-arabic.png' });

  await ui.openArticle(/存款准备金率/);
  expect(await ui.article.evaluate((a) => getComputedStyle(a).direction)).toBe('ltr');

  // A word inside a Chinese run, and an Arabic word, are found.
  const search = ui.page.getByRole('searchbox', { name: 'Search' });
  const results = ui.page.getByRole('region', { name: 'Search results' });
  await search.fill('流动性');
  await expect(results.getByRole('button', { name: /存款准备金率/ })).toBeVisible();
  await search.fill('السيولة');
  await expect(results.getByRole('button', { name: /فيلدريا/ })).toBeVisible();
});
