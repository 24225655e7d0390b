import { expect, test } from './fixtures/workbench';
import { harbourTalks } from './fixtures/articles';

test('marks actors from a selection, adds aliases, finds the remaining mentions, and keeps them after a restart', async ({ workbench }) => {
  let ui = workbench.ui;
  await ui.addArticle(harbourTalks);

  await ui.markActor('Petra Alm', { create: 'Petra Alm', description: 'Foreign Minister of Nordmark' });
  const actors = ui.panel('Actors');
  await expect(actors.getByRole('button', { name: /Petra Alm/ })).toContainText('Foreign Minister of Nordmark');
  await expect(actors.getByLabel('1 mentions')).toBeVisible();

  // The same person under another name: pick the existing actor; the words become an alias.
  await ui.markActor('Nordmark\'s foreign minister', { pick: 'Petra Alm' });
  await expect(actors.getByLabel('2 mentions')).toBeVisible();

  await ui.markActor('Joren Vask', { create: 'Joren Vask' });
  await actors.getByRole('button', { name: /Joren Vask/ }).click();
  await actors.getByLabel('Aliases').fill('Vask');
  await actors.getByRole('button', { name: 'Update actor' }).click();
  await expect(ui.page.getByRole('status')).toHaveText('Saved Joren Vask.');

  ui = await workbench.restart();
  await ui.openArticle(/harbour talks/);
  const afterRestart = ui.panel('Actors');
  await expect(afterRestart.getByRole('button', { name: /Petra Alm/ })).toBeVisible();
  await afterRestart.getByRole('button', { name: /Petra Alm/ }).click();
  await expect(afterRestart.getByLabel('Aliases')).toHaveValue("Nordmark's foreign minister");
  await expect.poll(() => ui.highlightedTexts()).toEqual(expect.arrayContaining(['Petra Alm', "Nordmark's foreign minister", 'Joren Vask']));
});

test('finds unmarked mentions of an actor in the article and accepts them all, kept after a restart', async ({ workbench }) => {
  const ui = workbench.ui;
  await ui.addArticle({
    title: 'Sellany rejects quota plan',
    source: 'Test Wire',
    text: 'Sellany rejected the quota plan on Friday.\nOfficials in Sellany said the plan ignored the harbour.\nA spokesman for SELLANY declined to comment. Sellanyans were not asked.',
  });
  await ui.markActor('Sellany', { create: 'Sellany' });
  const actors = ui.panel('Actors');
  await actors.getByRole('button', { name: /^Sellany/ }).click();
  await actors.getByRole('button', { name: 'Find mentions in this article' }).click();
  const found = actors.getByRole('group', { name: 'Unmarked mentions' });
  // Whole words only: "Sellanyans" is not a mention; case does not matter.
  await expect(found.getByRole('checkbox')).toHaveCount(2);
  await found.getByRole('button', { name: 'Accept all' }).click();
  await expect(actors.getByLabel('3 mentions')).toBeVisible();

  const after = await workbench.restart();
  await after.openArticle(/Sellany rejects quota plan/);
  await expect(after.panel('Actors').getByLabel('3 mentions')).toBeVisible();
  await expect.poll(async () => (await after.highlightedTexts()).sort()).toEqual(['SELLANY', 'Sellany', 'Sellany']);
});

test('merges two actors and deletes one while keeping its mentions as highlights', async ({ workbench }) => {
  const ui = workbench.ui;
  await ui.addArticle(harbourTalks);
  await ui.markActor('Petra Alm', { create: 'Petra Alm' });
  await ui.markActor('Joren Vask', { create: 'J. Vask' });
  await ui.markActor('Sellany\'s minister', { create: 'Joren Vask' });
  const actors = ui.panel('Actors');

  await actors.getByRole('button', { name: /J\. Vask/ }).click();
  await actors.getByRole('combobox', { name: 'Merge J. Vask into' }).selectOption({ label: 'Joren Vask' });
  await actors.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(actors.getByRole('button', { name: /J\. Vask/ })).toHaveCount(0);
  await expect(actors.getByRole('button', { name: /Joren Vask/ }).getByLabel('2 mentions')).toBeVisible();

  await actors.getByRole('button', { name: /Petra Alm/ }).click();
  await actors.getByRole('button', { name: 'Remove actor…' }).click();
  await actors.getByRole('button', { name: 'Keep mentions as highlights' }).click();
  await expect(actors.getByRole('button', { name: /Petra Alm/ })).toHaveCount(0);
  // The passage is still marked, now as a plain highlight.
  await ui.selectAnnotation(/Petra Alm/);
  await expect(ui.selectedAnnotation).toContainText('Highlight');

  const ui2 = await workbench.restart();
  await ui2.openArticle(/harbour talks/);
  await expect(ui2.panel('Actors').getByRole('button', { name: /Joren Vask/ })).toBeVisible();
  await expect(ui2.panel('Actors').getByRole('button', { name: /Petra Alm/ })).toHaveCount(0);
});
