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
  await expect(arabic.getByLabel('Encoding of ar.windows-1256.undeclared.html')).toHaveValue('windows-1256');
  await expect(arabic).toContainText('Language: ar, right to left');
  await expect(table.getByLabel('Encoding of zh.gbk.txt')).toHaveValue(/^(gbk|gb18030)$/);
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

test('the review table reads a file again at once in the encoding chosen, and imports what was chosen', async ({ workbench }) => {
  const ui = workbench.ui;
  const name = 'ru.koi8-r.undeclared.html';
  await ui.page.getByLabel('Files to import').setInputFiles([fixture(name)]);
  const dialog = ui.page.getByRole('dialog', { name: 'Import files' });
  const row = dialog.getByRole('table').getByRole('row', { name: new RegExp(name.replace(/\./g, '\\.')) });
  const encoding = row.getByLabel(`Encoding of ${name}`);
  const opening = row.locator('td.opening');
  const title = row.getByLabel(`Title of ${name}`);
  const right = 'Центральный банк Вельдрии';

  // Detected right: the opening is Russian, with the detector's confidence.
  await expect(encoding).toHaveValue('koi8-r');
  await expect(row).toContainText(/% sure/);
  await expect(opening).toContainText(right);
  const rightTitle = await title.inputValue();

  // A wrong choice reads the same bytes as other letters: the opening, title and count change.
  await encoding.selectOption('windows-1251');
  await expect(encoding).toHaveValue('windows-1251');
  await expect(encoding).toBeEnabled();
  await expect(opening).not.toContainText(right);
  await expect(title).not.toHaveValue(rightTitle);
  await expect(row).toContainText('Read as windows-1251, as chosen in the review.');
  await ui.page.screenshot({ path: 'test-results/e2e-artifacts/languages-redecode-wrong.png' });

  // The source is edited: choosing again keeps that edit, and brings back the right text.
  await row.getByLabel(`Source of ${name}`).fill('Vestnik');
  await encoding.selectOption('koi8-r');
  await expect(opening).toContainText(right);
  await expect(title).toHaveValue(rightTitle);
  await expect(row.getByLabel(`Source of ${name}`)).toHaveValue('Vestnik');
  await ui.page.screenshot({ path: 'test-results/e2e-artifacts/languages-redecode-right.png' });

  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('region', { name: 'Import results' })).toContainText('1 imported, 0 skipped, 0 failed');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await ui.openArticle(new RegExp(rightTitle.slice(0, 20)));
  await expect(ui.article).toContainText(right);
});
