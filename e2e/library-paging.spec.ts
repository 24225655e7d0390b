import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/workbench';
import { dispatchTitle, libraryProjectFiles } from './fixtures/library-project';

const ARTICLES = 250;
test.use({ projectFiles: libraryProjectFiles(ARTICLES) });
test.slow();

interface Call {
  channel: string;
  /** Summaries in the answer (articles:page, articles:list). */
  items: number;
}

/** Every API call the page makes from now on, with the number of summaries each answer carried. */
function recordCalls(page: Page): Call[] {
  const calls: Call[] = [];
  page.on('response', async (response) => {
    const match = /\/api\/([^/?]+)$/.exec(new URL(response.url()).pathname);
    if (!match) return;
    const channel = decodeURIComponent(match[1]!);
    const body = (await response.json().catch(() => null)) as { value?: unknown } | null;
    const value = body?.value;
    const items = Array.isArray(value) ? value.length : Array.isArray((value as { items?: unknown } | undefined)?.items) ? (value as { items: unknown[] }).items.length : 0;
    calls.push({ channel, items });
  });
  return calls;
}

/** Leaves the app, then opens it again recording its calls: none from the first load can slip in. */
async function reopenRecording(page: Page): Promise<Call[]> {
  const url = page.url();
  await page.goto('about:blank');
  const calls = recordCalls(page);
  await page.goto(url);
  return calls;
}

test('the library reads its 250 articles a page at a time, and a highlight reads again only the page on screen', async ({ workbench }, testInfo) => {
  test.skip(testInfo.project.name !== 'web', 'Counts the web host’s HTTP requests');
  const ui = workbench.ui;
  const page = ui.page;
  // From the start: the fixture opened the app before the recording began.
  const calls = await reopenRecording(page);
  await expect(ui.libraryItem(dispatchTitle(ARTICLES))).toBeVisible();
  await expect(page.locator('.library-count')).toHaveText(`${ARTICLES} articles`);
  await expect(ui.library.getByRole('option').first()).toHaveAttribute('aria-setsize', String(ARTICLES));
  // Only the rows on screen are in the page, and only their page was read.
  expect(await ui.library.getByRole('option').count()).toBeLessThan(30);
  expect(calls.filter((c) => c.channel === 'articles:list')).toEqual([]);
  expect(calls.filter((c) => c.channel === 'articles:page').map((c) => c.items)).toEqual([100]);

  // The keyboard reaches the oldest article, on the last page, which is read when it comes on screen.
  await ui.libraryItem(dispatchTitle(ARTICLES)).focus();
  await page.keyboard.press('End');
  await expect(ui.libraryItem(dispatchTitle(1))).toBeFocused();
  await expect(ui.libraryItem(dispatchTitle(1))).toHaveAttribute('aria-posinset', String(ARTICLES));
  await page.keyboard.press('ArrowUp');
  await expect(ui.libraryItem(dispatchTitle(2))).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: dispatchTitle(2) })).toBeVisible();

  // Shift+click chooses a range across a page never read: its ids come from the main process.
  await ui.libraryItem(dispatchTitle(2)).focus();
  await page.keyboard.press('Home');
  await expect(ui.libraryItem(dispatchTitle(ARTICLES))).toBeFocused();
  await ui.libraryItem(dispatchTitle(ARTICLES)).click({ modifiers: ['ControlOrMeta'] });
  await page.keyboard.press('End');
  await ui.libraryItem(dispatchTitle(1)).click({ modifiers: ['Shift'] });
  await expect(page.locator('.library-count')).toContainText(`${ARTICLES} chosen`);

  // A highlight in the open article changes its count: the library reads the page on screen again, nothing more.
  const before = calls.length;
  await ui.libraryItem(dispatchTitle(2)).click();
  await ui.highlight('harbour council');
  await expect(ui.libraryItem(dispatchTitle(2))).toContainText('1 annotation');
  const after = calls.slice(before);
  expect(after.filter((c) => c.channel === 'articles:list')).toEqual([]);
  const pages = after.filter((c) => c.channel === 'articles:page');
  expect(pages.length).toBeGreaterThan(0);
  expect(pages.length).toBeLessThanOrEqual(2);
  expect(calls.reduce((sum, c) => sum + c.items, 0)).toBeLessThan(ARTICLES * 2);

  // Sorting and filtering are done by the main process, over every article.
  await ui.libraryPanel.selectOption('title');
  await expect(ui.library.getByRole('option').first()).toContainText(dispatchTitle(1));
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByRole('group', { name: 'Library filters' }).getByLabel('Source contains').fill('coast');
  await expect(page.locator('.library-count')).toContainText(`${ARTICLES / 2} of ${ARTICLES} articles`);
  await expect(ui.library.getByRole('option').first()).toContainText(dispatchTitle(2));
  expect(calls.filter((c) => c.channel === 'articles:list')).toEqual([]);
});

test('the Agreement view and the report dialog offer articles found by title, without reading the whole library', async ({ workbench }, testInfo) => {
  test.skip(testInfo.project.name !== 'web', 'Counts the web host’s HTTP requests');
  const ui = workbench.ui;
  const page = ui.page;
  const calls = await reopenRecording(page);
  await expect(ui.libraryItem(dispatchTitle(ARTICLES))).toBeVisible();

  await page.getByRole('tab', { name: 'Agreement' }).click();
  const chooser = page.getByRole('navigation', { name: 'Articles to compare' });
  await expect(chooser.getByRole('checkbox')).toHaveCount(ARTICLES);
  // Nobody is assigned: nothing is chosen by default.
  await expect(chooser.getByRole('checkbox', { checked: true })).toHaveCount(0);
  await chooser.getByRole('searchbox', { name: 'Filter articles' }).fill('Dispatch 24');
  await expect(chooser.getByRole('checkbox')).toHaveCount(10);
  await chooser.getByRole('button', { name: 'Choose all shown' }).click();
  await expect(chooser.getByRole('checkbox', { checked: true })).toHaveCount(10);

  await page.getByRole('tab', { name: 'Library' }).click();
  await ui.chooseExport('Markdown report');
  const dialog = page.getByRole('dialog', { name: 'Markdown report' });
  await dialog.getByRole('radio', { name: 'Chosen articles' }).check();
  const list = dialog.getByRole('group', { name: 'Articles in the report' });
  await expect(list.getByRole('checkbox')).toHaveCount(200);
  await expect(dialog).toContainText(`200 of ${ARTICLES} shown`);
  await dialog.getByRole('searchbox', { name: 'Find articles by title' }).fill('Dispatch 007');
  await expect(list.getByRole('checkbox')).toHaveCount(1);
  await list.getByRole('checkbox', { name: dispatchTitle(7) }).check();
  await dialog.getByRole('searchbox', { name: 'Find articles by title' }).fill('');
  await dialog.getByRole('checkbox', { name: /Only the chosen/ }).check();
  await expect(list.getByRole('checkbox')).toHaveCount(1);
  await expect(list.getByRole('checkbox', { name: dispatchTitle(7) })).toBeChecked();

  expect(calls.filter((c) => c.channel === 'articles:list')).toEqual([]);
  // The chooser draws at most 300 checkboxes, so asks for no more.
  expect(Math.max(...calls.map((c) => c.items))).toBeLessThanOrEqual(300);
});
