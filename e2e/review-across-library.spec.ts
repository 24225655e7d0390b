import type { WorkbenchPage } from './models/workbench-page';
import { expect, test } from './fixtures/workbench';

/** Three made-up articles on the same dispute, with one shared actor. */
async function buildLibrary(ui: WorkbenchPage): Promise<void> {
  await ui.addAndOpenArticle({
    title: 'Quota talks open in Lisvik',
    source: 'Test Wire',
    published: '2026-10-02',
    text: 'Petra Alm said the quota talks would take a week.\nFishing crews waited outside the harbour office.',
  });
  await ui.markActor('Petra Alm', { create: 'Petra Alm', description: 'Foreign Minister of Nordmark' });
  let form = await ui.startClaim('the quota talks would take a week');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();

  await ui.addAndOpenArticle({
    title: 'Talks stall over harbour fees',
    source: 'Harbour Gazette',
    published: '2026-10-09',
    text: 'A week later, Petra Alm said no agreement was close.\nSellany blamed the harbour fees.',
  });
  await ui.markActor('Petra Alm', { pick: 'Petra Alm' });
  form = await ui.startClaim('no agreement was close');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();

  await ui.addAndOpenArticle({ title: 'Storm closes coastal road', source: 'Test Wire', published: '2026-10-05', text: 'Heavy rain closed the coastal road for a day.' });
}

test('searches the library, filters it by actor, and opens a result at the match', async ({ workbench }) => {
  const ui = workbench.ui;
  await buildLibrary(ui);
  await ui.page.getByRole('searchbox', { name: 'Search' }).fill('harbor');
  const results = ui.page.getByRole('region', { name: 'Search results' });
  await expect(results.getByRole('button', { name: /Quota talks open in Lisvik/ })).toBeVisible();
  await expect(results.getByRole('button', { name: /Talks stall over harbour fees/ })).toBeVisible();
  await expect(results.getByRole('button', { name: /Storm closes/ })).toHaveCount(0);
  await expect(results.locator('mark').first()).toHaveText(/^harbour$/i);
  await results.getByRole('button', { name: /Talks stall over harbour fees/ }).click();
  await expect(ui.article).toContainText('Sellany blamed the harbour fees.');
  await expect.poll(() => ui.page.evaluate(() => window.getSelection()?.toString())).toBe('harbour');

  await ui.page.getByRole('button', { name: 'Filters' }).click();
  await ui.page.getByRole('group', { name: 'Library filters' }).getByLabel('Actor').selectOption({ label: 'Petra Alm' });
  await expect(ui.library.getByRole('option')).toHaveCount(2);
  await expect(ui.libraryItem(/Storm closes/)).toHaveCount(0);
  // Words and filters combine.
  await ui.page.getByRole('group', { name: 'Library filters' }).getByRole('searchbox', { name: 'Words in the article' }).fill('fees');
  await expect(ui.library.getByRole('option')).toHaveCount(1);
  await expect(ui.libraryItem(/Talks stall over harbour fees/)).toBeVisible();
});

test('shows an actor dossier in date order, edits claims in the table, and works through the review queue', async ({ workbench }) => {
  let ui = workbench.ui;
  await buildLibrary(ui);

  await ui.page.getByRole('tab', { name: 'Actors' }).click();
  await ui.page.getByRole('navigation', { name: 'Actor list' }).getByRole('button', { name: /Petra Alm/ }).click();
  const dossier = ui.page.getByRole('main', { name: 'Actor dossier' });
  await expect(dossier.getByRole('heading', { level: 1 })).toHaveText('Petra Alm');
  // The timeline of the actor's claims first, then the entries under their dates, oldest first.
  await expect(dossier.getByRole('heading', { level: 2 })).toHaveText(['Claims timeline of Petra Alm', '2026-10-02', '2026-10-09']);
  await expect(dossier).toContainText('2 mentions and 2 claims in 2 articles');
  const saved = await workbench.captureSave(() => dossier.getByRole('button', { name: 'Export dossier as Markdown' }).click());
  expect(saved.content).toMatch(/^# Dossier: Petra Alm\n/);
  expect(saved.content.indexOf('> the quota talks would take a week')).toBeLessThan(saved.content.indexOf('> no agreement was close'));

  await ui.page.getByRole('tab', { name: 'Claims' }).click();
  const claims = ui.page.getByRole('main', { name: 'Claims' });
  await expect(claims.getByRole('row')).toHaveCount(3);
  await claims.getByRole('combobox', { name: 'Verification of “no agreement was close”' }).selectOption({ label: 'Corroborated' });
  await claims.getByRole('combobox', { name: 'Reliability of “no agreement was close”' }).selectOption('A');
  await expect(ui.page.getByRole('status')).toHaveText('Claim updated.');

  await ui.page.getByRole('tab', { name: 'Review' }).click();
  const queue = ui.page.getByRole('main', { name: 'Review queue' });
  await expect(queue).toContainText('4 left to review');
  await queue.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(queue).toContainText('3 left to review');
  await queue.getByRole('button', { name: 'Next' }).click();
  await queue.getByRole('button', { name: 'Mark disputed' }).click();
  await expect(queue).toContainText('2 left to review');
  await ui.page.keyboard.press('r');
  await expect(queue).toContainText('1 left to review');

  ui = await workbench.restart();
  await ui.page.getByRole('tab', { name: 'Review' }).click();
  await expect(ui.page.getByRole('main', { name: 'Review queue' })).toContainText('1 left to review');
  await ui.page.getByRole('tab', { name: 'Claims' }).click();
  await expect(ui.page.getByRole('combobox', { name: 'Verification of “no agreement was close”' })).toHaveValue('corroborated');
});
