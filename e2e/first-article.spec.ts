import { expect, test } from './fixtures/workbench';
import { harbourTalks } from './fixtures/articles';

test('an analyst pastes an article, highlights passages that survive a restart, deletes one and exports Markdown', async ({ workbench }) => {
  let ui = workbench.ui;
  await expect(ui.libraryPanel).toBeVisible();
  await ui.addArticle(harbourTalks);

  await expect(ui.libraryItem(/Ministers agree to resume harbour talks/)).toBeVisible();
  await expect(ui.article).toContainText('The foreign ministers of Nordmark and Sellany');
  // The library counts what the store holds.
  await expect(ui.libraryItem(/harbour talks/)).toContainText('0 annotations');

  // Highlight in reverse text order: the export must still list them in text order.
  await ui.highlight('"long overdue"');
  await ui.highlight('is a first step, not a settlement');
  await expect(ui.libraryItem(/harbour talks/)).toContainText('2 annotations');

  ui = await workbench.restart();
  await ui.openArticle(/harbour talks/);
  await expect.poll(() => ui.highlightedTexts()).toEqual(['is a first step, not a settlement', '"long overdue"']);

  await ui.clickHighlight('long overdue');
  await ui.page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect.poll(() => ui.highlightedTexts()).toEqual(['is a first step, not a settlement']);

  ui = await workbench.restart();
  await ui.openArticle(/harbour talks/);
  await expect.poll(() => ui.highlightedTexts()).toEqual(['is a first step, not a settlement']);

  await ui.highlight('#1 on the agenda');
  const markdown = await workbench.exportMarkdown();
  const lines = markdown.split('\n');
  expect(lines[0]).toBe('# Ministers agree to resume harbour talks in Lisvik');
  expect(markdown).toContain('**Source:** [Test Wire](https://example.org/news/harbour-talks), published 2026-10-02');
  const first = markdown.indexOf('> is a first step, not a settlement');
  const second = markdown.indexOf('> \\#1 on the agenda');
  expect(first).toBeGreaterThan(0);
  expect(second).toBeGreaterThan(first);
});

test('a passage selected with Shift+arrow keys can be highlighted without the mouse', async ({ workbench }) => {
  const ui = workbench.ui;
  await ui.addArticle(harbourTalks);
  await expect(ui.article).toBeVisible();
  // Put the caret before "Petra Alm" and extend the selection with the keyboard.
  await ui.article.evaluate((root) => {
    const paragraph = root.querySelectorAll('p')[1]!;
    const text = paragraph.firstChild as Text;
    const at = text.data.indexOf('Petra Alm');
    (root as HTMLElement).focus();
    window.getSelection()!.collapse(text, at);
  });
  for (let i = 0; i < 'Petra Alm'.length; i++) await ui.page.keyboard.press('Shift+ArrowRight');
  await expect(ui.selectionToolbar).toBeVisible();
  await ui.page.keyboard.press('h');
  await expect.poll(() => ui.highlightedTexts()).toEqual(['Petra Alm']);
});

test('overlapping highlights stay separate and each can be selected', async ({ workbench }) => {
  const ui = workbench.ui;
  await ui.addArticle(harbourTalks);
  await ui.highlight('foreign ministers of Nordmark and Sellany');
  await ui.highlight('Nordmark and Sellany agreed on Thursday');
  await expect.poll(async () => (await ui.highlightedTexts()).sort()).toEqual(
    ['Nordmark and Sellany agreed on Thursday', 'foreign ministers of Nordmark and Sellany'].sort(),
  );
  // The shared run is covered by both annotations.
  await expect(ui.article.locator('mark[data-ids*=" "]')).toHaveText('Nordmark and Sellany');
});
