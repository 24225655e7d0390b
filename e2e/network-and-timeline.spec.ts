import { expect, test } from './fixtures/workbench';
import { networkProjectFiles } from './fixtures/network-project';

test.use({ projectFiles: networkProjectFiles() });
// Several views are opened and drawn in each test: on a loaded machine a minute is short.
test.slow();

test('the Network view shows speakers, the actors they name and a contradiction; an edge lists its claims', async ({ workbench }) => {
  const { page } = workbench.ui;
  await page.getByRole('tab', { name: 'Network' }).click();
  // The open view's tab panel (unnamed: a name would make it content outside the landmarks).
  const view = page.getByRole('tabpanel');
  // All four actors drawn (the canvas says how many it drew), and the same links as a table.
  await expect(view.locator('.network-canvas[data-drawn="4"]')).toBeVisible();
  const links = view.getByRole('table', { name: 'Links between actors' });
  const rows = links.getByRole('row');
  await expect(rows.filter({ hasText: /Davor Kesić\s*contradicts\s*Ilse Marnow/ })).toHaveCount(1);
  await expect(rows.filter({ hasText: /Lena Orr\s*supports\s*Davor Kesić/ })).toHaveCount(1);
  await expect(rows.filter({ hasText: /Ilse Marnow\s*mentions\s*Caldonia/ })).toHaveCount(1);
  await expect(rows.filter({ hasText: /Davor Kesić\s*mentions\s*Ilse Marnow/ })).toHaveCount(1);

  await links.getByRole('button', { name: 'Show the 1 claim: Davor Kesić contradicts Ilse Marnow' }).click();
  const claims = view.getByRole('region', { name: 'Davor Kesić contradicts Ilse Marnow' });
  await expect(claims.getByRole('article')).toHaveCount(1);
  await expect(claims).toContainText('Caldonian ships never left the strait, whatever Marnow says');
  await expect(claims).toContainText('Contradicts: “Caldonia has withdrawn its ships from the strait”');

  // The passage behind the edge opens in its article.
  await claims.getByRole('button', { name: 'Open in article' }).click();
  await expect(page.getByRole('tab', { name: 'Library' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 1, name: 'Kesić disputes withdrawal' })).toBeVisible();

  // A filter narrows the network: only contested claims leave Marnow's alone (the link needs both ends).
  await page.getByRole('tab', { name: 'Network' }).click();
  await view.getByLabel('Filter by verification').selectOption('contested');
  await expect(rows.filter({ hasText: 'contradicts' })).toHaveCount(0);
  await expect(rows.filter({ hasText: /Ilse Marnow\s*mentions\s*Caldonia/ })).toHaveCount(1);
});

test('the claims timeline shows claims in date order, with the contradiction, and a mark opens its passage', async ({ workbench }) => {
  const { page } = workbench.ui;
  await page.getByRole('tab', { name: 'Claims' }).click();
  const timeline = page.getByRole('group', { name: 'Claims timeline' });
  const marks = timeline.getByRole('button', { name: /Open in article$/ });
  await expect(marks).toHaveCount(3);
  const dates = await marks.evaluateAll((elements) => elements.map((e) => e.getAttribute('data-date')));
  expect(dates).toEqual(['2026-03-02', '2026-03-05', '2026-03-09']);
  await expect(marks.nth(0)).toHaveAccessibleName(/^2026-03-02, Ilse Marnow: “Caldonia has withdrawn/);
  await expect(timeline.locator('path.contradiction')).toHaveCount(1);
  await expect(timeline.locator('path.support')).toHaveCount(1);

  // Zooming in from the keyboard narrows the axis; Reset brings every claim back in view.
  await timeline.focus();
  const firstTick = () => timeline.locator('.axis-label').first().textContent();
  const before = await firstTick();
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect.poll(firstTick).not.toBe(before);
  await timeline.getByRole('button', { name: 'Reset' }).click();

  await marks.nth(1).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Kesić disputes withdrawal' })).toBeVisible();

  // The dossier of Kesić draws his claim and the two linked to it, in their lanes.
  await page.getByRole('tab', { name: 'Actors' }).click();
  await page.getByRole('navigation', { name: 'Actor list' }).getByRole('button', { name: /Davor Kesić/ }).click();
  const dossierTimeline = page.getByRole('group', { name: 'Claims timeline of Davor Kesić' });
  await expect(dossierTimeline.getByRole('button', { name: /Open in article$/ })).toHaveCount(3);
});
