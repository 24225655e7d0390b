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

test('on the drawing, a link names itself on hover and lists its claims when chosen; an actor opens their dossier', async ({ workbench }) => {
  const { page } = workbench.ui;
  await page.getByRole('tab', { name: 'Network' }).click();
  const view = page.getByRole('tabpanel');
  const canvas = view.locator('.network-canvas[data-drawn="4"]');
  await expect(canvas).toBeVisible();
  // Where the pointer finds a link (the tooltip shows) and where it finds an actor (a pointer
  // without a tooltip): the canvas is swept with pointer moves, as a hand would, on a 6-pixel grid.
  const found = await canvas.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    const tip = element.parentElement!.querySelector<HTMLElement>('.network-tip')!;
    let link: { x: number; y: number; label: string } | null = null;
    let actor: { x: number; y: number } | null = null;
    for (let y = 3; y < rect.height && !(link && actor); y += 6) {
      for (let x = 3; x < rect.width && !(link && actor); x += 6) {
        element.dispatchEvent(new PointerEvent('pointermove', { clientX: rect.left + x, clientY: rect.top + y, bubbles: true }));
        if ((element as HTMLElement).style.cursor !== 'pointer') continue;
        if (!tip.hidden) link ??= { x, y, label: tip.textContent ?? '' };
        else actor ??= { x, y };
      }
    }
    element.dispatchEvent(new PointerEvent('pointerleave'));
    return { link, actor };
  });
  expect(found.link, 'a link under the pointer somewhere on the drawing').not.toBeNull();
  expect(found.actor, 'an actor under the pointer somewhere on the drawing').not.toBeNull();
  const box = (await canvas.boundingBox())!;

  // The real mouse: hover names the link, a click lists its claims under the same label.
  await page.mouse.move(box.x + found.link!.x, box.y + found.link!.y);
  const tip = view.getByRole('tooltip');
  await expect(tip).toHaveText(found.link!.label);
  await page.mouse.down();
  await page.mouse.up();
  const label = found.link!.label.replace(/ \(\d+ claims\)$/, '');
  const claims = view.getByRole('region', { name: label });
  await expect(claims.getByRole('article').first()).toBeVisible();

  // Dragging the background pans without choosing anything; a click on an actor opens their dossier.
  await page.mouse.move(box.x + 4, box.y + box.height - 4);
  await page.mouse.down();
  await page.mouse.move(box.x + 60, box.y + box.height - 40, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByRole('tab', { name: 'Network' })).toHaveAttribute('aria-selected', 'true');
  await view.getByRole('button', { name: 'Fit' }).click();
  await page.mouse.click(box.x + found.actor!.x, box.y + found.actor!.y);
  await expect(page.getByRole('tab', { name: 'Actors' })).toHaveAttribute('aria-selected', 'true');
});
