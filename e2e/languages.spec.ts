import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
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

/** The Arabic fixture page with a byline, a site name and a date, as a newspaper's page has them. */
async function arabicPageWithByline(): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const page = (await readFile(fixture('ar.utf8.html'), 'utf8')).replace(
    '<meta charset="utf-8">',
    '<meta charset="utf-8">\n<meta name="author" content="ليلى حداد">\n<meta property="og:site_name" content="وكالة أنباء فيلدريا">\n<meta property="article:published_time" content="2024-05-14">',
  );
  return { name: 'ar-byline.html', mimeType: 'text/html', buffer: Buffer.from(page) };
}

/** Where the date's first and last characters are drawn: 2024 must be left of 14. */
async function dateOrder(date: Locator): Promise<{ year: number; day: number }> {
  return date.evaluate((element) => {
    const text = element.firstChild as Text;
    const at = (start: number, end: number) => {
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, end);
      return range.getBoundingClientRect().left;
    };
    return { year: at(0, 4), day: at(8, 10) };
  });
}

test('the reader shows the byline, keeps the date left to right, and changes language and direction at once, undoably', async ({ workbench }) => {
  const ui = workbench.ui;
  const page = ui.page;
  await page.getByLabel('Files to import').setInputFiles([await arabicPageWithByline()]);
  const dialog = page.getByRole('dialog', { name: 'Import files' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('region', { name: 'Import results' })).toContainText('1 imported, 0 skipped, 0 failed');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await ui.openArticle(/فيلدريا/);

  const header = page.locator('.reader-header');
  // The direction the text is read in: its paragraphs' (the article's own under a fixed direction).
  const direction = () => ui.article.locator('p').first().evaluate((p) => getComputedStyle(p).direction);
  await expect(header.getByText('ليلى حداد')).toBeVisible();
  expect(await direction()).toBe('rtl');

  // The date follows an Arabic source in the meta line: still 2024-05-14, read left to right.
  const date = header.locator('time[datetime="2024-05-14"]');
  await expect(date).toHaveText('2024-05-14');
  const order = await dateOrder(date);
  expect(order.year).toBeLessThan(order.day);

  // The details, by keyboard: open them, then the fields in order.
  const details = page.getByRole('button', { name: 'Details', exact: true });
  await details.focus();
  await page.keyboard.press('Enter');
  await expect(details).toHaveAttribute('aria-expanded', 'true');
  const group = page.getByRole('group', { name: 'Article details' });
  const language = group.getByLabel('Language');
  const dir = group.getByLabel('Direction');
  await expect(language).toHaveValue('ar');
  await expect(dir).toHaveValue('rtl');
  await page.emulateMedia({ colorScheme: 'light' });
  await header.screenshot({ path: 'test-results/e2e-artifacts/languages-details-light.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await header.screenshot({ path: 'test-results/e2e-artifacts/languages-details-dark.png' });
  await page.screenshot({ path: 'test-results/e2e-artifacts/languages-reader-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });

  // Left to right: the text follows at once.
  await dir.selectOption('ltr');
  await expect.poll(direction).toBe('ltr');
  expect(await ui.article.evaluate((a) => getComputedStyle(a).direction)).toBe('ltr');
  await ui.expectStatus(/runs left to right/);

  // A language that is not a tag is refused in place and nothing is saved; Escape puts it back.
  await language.fill('Arabic');
  await language.press('Enter');
  await expect(language).toHaveAttribute('aria-invalid', 'true');
  await expect(group.getByRole('alert')).toContainText('is not a language tag');
  await language.press('Escape');
  await expect(language).toHaveValue('ar');
  await expect(group.getByRole('alert')).toHaveCount(0);

  // Hebrew is written right to left: the fixed direction follows the new language.
  await language.fill('he');
  await language.press('Enter');
  await expect.poll(direction).toBe('rtl');
  await expect(ui.article).toHaveAttribute('lang', 'he');
  await expect(dir).toHaveValue('rtl');

  // Undo (outside the field) puts back the language and the direction in one step.
  await ui.article.focus();
  await page.keyboard.press('Control+z');
  await expect(ui.article).toHaveAttribute('lang', 'ar');
  await expect.poll(direction).toBe('ltr');
  await expect(language).toHaveValue('ar');

  // Auto: each paragraph by its own letters, so the Arabic runs right to left again.
  await dir.selectOption('auto');
  await expect(ui.article).toHaveAttribute('dir', 'auto');
  await expect.poll(direction).toBe('rtl');

  // The byline is edited like the other details, and shown at once.
  const byline = group.getByLabel('Byline');
  await expect(byline).toHaveValue('ليلى حداد');
  await byline.fill('ليلى حداد، فيلدريا');
  await byline.press('Enter');
  await expect(header.getByText('ليلى حداد، فيلدريا')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e-artifacts/languages-details-edited.png' });
});
