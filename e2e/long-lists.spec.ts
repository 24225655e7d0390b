import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/workbench';
import { bulletinTitle, crowdedProjectFiles, envoyName } from './fixtures/crowded-project';

// 200 articles: Vera Holm's dossier holds 400 entries under 200 dates, the review queue 600
// drafts (500 listed), the actor list 201 actors, the Network 200 links.
const ARTICLES = 200;
test.use({ projectFiles: crowdedProjectFiles(ARTICLES) });
test.slow();

/** Scrolls `scroller` to its end until `last` shows: measured rows change the height as they come in. */
async function scrollUntilVisible(scroller: Locator, last: Locator): Promise<void> {
  await expect(async () => {
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(last).toBeInViewport({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
}

/** axe-core on the page as it is: rows far apart in the page, set sizes and row indices included. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect.soft(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`), `axe violations on ${screen}`).toEqual([]);
}

test('long lists keep only the rows in view in the page, and reach their last row', async ({ workbench }) => {
  const page = workbench.ui.page;

  // The actor list: 201 actors, a few dozen rows in the page, the last reached by scrolling.
  await page.getByRole('tab', { name: 'Actors' }).click();
  const actorList = page.getByRole('navigation', { name: 'Actor list' });
  await expect(actorList.getByRole('button', { name: /^Vera Holm/ })).toHaveAttribute('aria-current', 'true');
  await expect(actorList.getByRole('listitem').first()).toHaveAttribute('aria-setsize', String(ARTICLES + 1));
  expect(await actorList.getByRole('listitem').count()).toBeLessThan(40);
  await scrollUntilVisible(actorList, actorList.getByRole('button', { name: new RegExp(`^${envoyName(ARTICLES)}`) }));

  // Holm's dossier: 600 items (dates and entries), a few in the page; the last date's claim at the end.
  const dossier = page.getByRole('main', { name: 'Actor dossier' });
  await expect(dossier).toContainText(`${ARTICLES} mentions and ${ARTICLES} claims in ${ARTICLES} articles`);
  const timeline = dossier.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem').first()).toHaveAttribute('aria-setsize', String(ARTICLES * 3));
  expect(await timeline.getByRole('article').count()).toBeLessThan(30);
  // Tab order survives scrolling: the focused entry stays in the page, and Tab goes on from it.
  const firstOpen = timeline.getByRole('article').first().getByRole('button', { name: 'Open in article' });
  await firstOpen.focus();
  await scrollUntilVisible(dossier, timeline.getByRole('article', { name: new RegExp(`^Claim.*${envoyName(ARTICLES)} will attend`) }));
  await expect(timeline.getByRole('heading', { level: 2, name: '2025-07-19' })).toBeVisible();
  expect(await timeline.getByRole('article').count()).toBeLessThan(30);
  await expect(firstOpen).toBeFocused();
  await expectAccessible(page, 'the dossier scrolled to its end');
  await page.keyboard.press('Tab');
  await expect(timeline.getByRole('article').nth(1).getByRole('button', { name: 'Open in article' })).toBeFocused();
  await expect(timeline.getByRole('article').nth(1)).toContainText(bulletinTitle(1));

  // The review queue: 500 of 600 listed, a few dozen in the page; End shows the last, Next wraps to the first.
  await page.getByRole('tab', { name: 'Review' }).click();
  const review = page.getByRole('main', { name: 'Review queue' });
  await expect(review).toContainText(`${ARTICLES * 3} left to review`);
  const queue = page.getByRole('listbox', { name: 'Annotations to review' });
  await expect(queue.getByRole('option').first()).toHaveAttribute('aria-setsize', '500');
  expect(await queue.getByRole('option').count()).toBeLessThan(40);
  await queue.getByRole('option', { selected: true }).focus();
  await page.keyboard.press('End');
  const lastOption = queue.locator('[aria-posinset="500"]');
  await expect(lastOption).toBeFocused();
  await expect(lastOption).toHaveAttribute('aria-selected', 'true');
  await expect(review).toContainText('Showing 500 of 500.');
  await expectAccessible(page, 'the review queue at its end');
  await page.keyboard.press('ArrowUp');
  await expect(review).toContainText('Showing 499 of 500.');
  await review.getByRole('button', { name: 'Next' }).click();
  await review.getByRole('button', { name: 'Next' }).click();
  await expect(review).toContainText('Showing 1 of 500.');
  await expect(queue.locator('[aria-posinset="1"]')).toBeInViewport();
  await expect(queue.locator('[aria-posinset="1"]')).toHaveAttribute('aria-selected', 'true');
  // Quick presses each move on from the last.
  await queue.locator('[aria-posinset="1"]').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(review).toContainText('Showing 4 of 500.');
  await expect(queue.locator('[aria-posinset="4"]')).toBeFocused();

  // The Network's links: all 200 in the table's row count, a few dozen drawn, the last reached by scrolling.
  await page.getByRole('tab', { name: 'Network' }).click();
  const links = page.getByRole('table', { name: 'Links between actors' });
  await expect(links).toHaveAttribute('aria-rowcount', String(ARTICLES + 1));
  await expect(links.getByRole('row').nth(1)).toHaveAttribute('aria-rowindex', '2');
  expect(await links.getByRole('row').count()).toBeLessThan(60);
  await scrollUntilVisible(page.getByRole('complementary', { name: 'Links and claims' }), links.locator(`tr[aria-rowindex="${ARTICLES + 1}"]`));
  await expectAccessible(page, 'the links table at its end');
  await page.getByRole('searchbox', { name: 'Filter links by actor or kind' }).fill(envoyName(137));
  await expect(links.getByRole('row')).toHaveCount(2);
  await expect(links.getByRole('row').nth(1)).toContainText(new RegExp(`Vera Holm\\s*mentions\\s*${envoyName(137)}`));

  // Back to the dossier, now read from the cache: it mounts with its view and still draws its rows.
  await page.getByRole('tab', { name: 'Actors' }).click();
  await expect(timeline.getByRole('article').first()).toBeVisible();
});
