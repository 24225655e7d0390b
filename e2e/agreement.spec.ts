import type { WorkbenchPage } from './models/workbench-page';
import { expect, test } from './fixtures/workbench';

const TEXT = 'Foreign Minister Arno Veldt said the ceasefire would hold until spring.\nThe ministry of Ostrava later denied that any ceasefire had been agreed.';

/** Switches who is working, as an analyst sharing the machine would, in Settings. */
async function becomeAnalyst(ui: WorkbenchPage, name: string): Promise<void> {
  await ui.page.getByRole('button', { name: 'Settings' }).click();
  const dialog = ui.page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Your name').fill(name);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

async function codeClaim(ui: WorkbenchPage, passage: string, reliability: string): Promise<void> {
  const form = await ui.startClaim(passage);
  await form.getByLabel('Reliability').selectOption(reliability);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
}

test('two analysts code one article independently, compare their agreement and curate a disagreement', async ({ workbench }, testInfo) => {
  // A long journey (two analysts' coding, figures, curation) on a shared, busy machine.
  test.setTimeout(240_000);
  const ui = workbench.ui;
  await ui.addAndOpenArticle({ title: 'Truce in the valley', text: TEXT });
  const assigned = ui.page.getByRole('textbox', { name: 'Assigned analysts' });
  await assigned.fill('Ana Ruiz, Ben Okafor');
  await assigned.press('Enter');
  await ui.expectStatus(/Assigned to Ana Ruiz, Ben Okafor/);

  await becomeAnalyst(ui, 'Ana Ruiz');
  await ui.markActor('Arno Veldt', { create: 'Arno Veldt' });
  await codeClaim(ui, 'the ceasefire would hold until spring', 'B');

  await becomeAnalyst(ui, 'Ben Okafor');
  // Coding independently: Ana's annotations are hidden from Ben.
  await ui.page.getByRole('combobox', { name: 'Show annotations' }).selectOption('mine');
  await expect(ui.article.locator('mark')).toHaveCount(0);
  await ui.markActor('Arno Veldt', { pick: 'Arno Veldt' });
  await codeClaim(ui, 'the ceasefire would hold', 'D');
  await expect(ui.article.locator('mark')).not.toHaveCount(0);
  await ui.page.getByRole('combobox', { name: 'Show annotations' }).selectOption('all');

  await ui.page.getByRole('tab', { name: 'Agreement' }).click();
  const view = ui.page.getByRole('main', { name: 'Agreement' });
  // The article assigned to both is chosen, and both analysts with it.
  await expect(ui.page.getByRole('checkbox', { name: /Truce in the valley/ })).toBeChecked();
  await expect(view.getByRole('checkbox', { name: /Ana Ruiz/ })).toBeChecked();
  await expect(view.getByRole('checkbox', { name: /Ben Okafor/ })).toBeChecked();
  const overall = view.getByRole('table', { name: 'Agreement over all chosen articles' });
  await expect(overall.getByRole('row', { name: /Where: actor mentions unitizing \(uα\) 1\.000 2 Reliable/ })).toBeVisible();
  // Ben's claim is a shorter passage than Ana's: less than perfect agreement on where claims are.
  await expect(overall.getByRole('row', { name: /Where: claims unitizing \(uα\) 0\.\d{3} 2 / })).toBeVisible();
  // One matched claim graded B by Ana and D by Ben: n.. = 2, Do = 2δ/2 = δ, De = 2δ/(2·1) = δ, α = 0.
  await expect(overall.getByRole('row', { name: /Reliability \(A–F\)/ })).toContainText('ordinal0.0001Below 0.667: do not rely on these codes');
  // Both left the speaker empty: nothing to compare.
  await expect(overall.getByRole('row', { name: /Speaker of a claim/ })).toContainText('Not enough data to judge');
  await ui.page.screenshot({ path: testInfo.outputPath('agreement-view.png') });

  const csv = await workbench.captureSave(() => view.getByRole('button', { name: 'Export CSV' }).click());
  expect(csv.content).toContain('Overall,,Where: actor mentions,unitizing (uα),1,2,Reliable (α ≥ 0.800),Ana Ruiz; Ben Okafor');

  await view.getByRole('button', { name: 'Curate Truce in the valley' }).click();
  const curation = ui.page.getByRole('main', { name: 'Curation' });
  const units = curation.getByRole('list', { name: 'Units, disagreements first' }).getByRole('listitem');
  await expect(units.first()).toContainText('differs: Passage, Reliability');
  await expect(units.last()).toContainText('all agree');
  await ui.page.screenshot({ path: testInfo.outputPath('curation-view-before.png') });
  await units.first().getByRole('button', { name: 'Accept Ben Okafor’s version' }).click();
  await ui.expectStatus(/Ben Okafor’s version accepted/);
  await expect(units.first()).toContainText('settled');
  await curation.getByRole('button', { name: 'Accept the 1 agreed unit' }).click();
  const agreed = curation.getByRole('list', { name: 'Agreed set' }).getByRole('listitem');
  await expect(agreed).toHaveCount(2);
  await ui.page.screenshot({ path: testInfo.outputPath('curation-view.png') });

  // In the reader the agreed set is shown apart, and alone when asked.
  await agreed.first().getByRole('button', { name: 'Edit in reader' }).click();
  await expect(ui.article.locator('mark.hl-curated')).not.toHaveCount(0);
  await ui.page.getByRole('combobox', { name: 'Show annotations' }).selectOption('agreed');
  await expect(ui.panel('Annotations').getByText('Agreed')).toHaveCount(2);
  await ui.page.screenshot({ path: testInfo.outputPath('reader-agreed.png') });
});
