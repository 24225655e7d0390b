import { expect, test } from './fixtures/workbench';
import { harbourTalks } from './fixtures/articles';

test('marks a claim with its pre-selected speaker, grades it, and finds it intact after a restart', async ({ workbench }) => {
  let ui = workbench.ui;
  await ui.addArticle(harbourTalks);
  await ui.markActor('Petra Alm', { create: 'Petra Alm' });
  await ui.markActor('Joren Vask', { create: 'Joren Vask' });

  // "…Petra Alm, said the agreement …": the speaker is found from the reporting verb.
  const form = await ui.startClaim('is a first step, not a settlement');
  await expect(form.getByRole('combobox', { name: 'Speaker' })).toHaveValue('Petra Alm');
  // The passage stands in quotation marks in the text, so it is offered as a direct quote.
  await expect(form.getByLabel('Form')).toHaveValue('direct-quote');
  await form.getByLabel('Medium').fill('statement');
  await form.getByLabel('Reliability').selectOption({ label: 'B — Usually reliable' });
  await form.getByLabel('Credibility').selectOption({ label: '2 — Probably true' });
  await form.getByLabel('Verification').selectOption({ label: 'Corroborated' });
  await form.getByLabel('Note').fill('Matches the ministry readout.');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(ui.selectedAnnotation).toContainText('Claim by Petra Alm · B2 · Corroborated');

  // Speaker changed by hand: the quote follows "Joren Vask, wrote".
  const second = await ui.startClaim('long overdue');
  await expect(second.getByRole('combobox', { name: 'Speaker' })).toHaveValue('Joren Vask');
  await second.getByLabel('Form').selectOption({ label: 'Paraphrase' });
  await second.getByLabel('Medium').fill('social media post');
  await second.getByLabel('Verification').selectOption({ label: 'Contested' });
  await second.getByRole('button', { name: 'Save' }).click();
  await expect(second).toBeHidden();

  ui = await workbench.restart();
  await ui.openArticle(/harbour talks/);
  await ui.selectAnnotation(/is a first step/);
  await expect(ui.selectedAnnotation).toContainText('Claim by Petra Alm · B2 · Corroborated');
  await ui.selectedAnnotation.getByRole('button', { name: 'Edit claim' }).click();
  const edit = ui.page.getByRole('dialog', { name: 'Edit claim' });
  await expect(edit.getByLabel('Medium')).toHaveValue('statement');
  await expect(edit.getByLabel('Note')).toHaveValue('Matches the ministry readout.');
  await expect(edit.getByLabel('Form')).toHaveValue('direct-quote');
});

test('links two claims as contradicting, and both ends show the link after a restart', async ({ workbench }) => {
  let ui = workbench.ui;
  await ui.addArticle(harbourTalks);
  for (const passage of ['is a first step, not a settlement', 'long overdue']) {
    const form = await ui.startClaim(passage);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeHidden();
  }
  await ui.selectAnnotation(/long overdue/);
  await ui.selectedAnnotation.getByRole('button', { name: 'Edit claim' }).click();
  const edit = ui.page.getByRole('dialog', { name: 'Edit claim' });
  await edit.getByLabel('Link type').selectOption('contradicts');
  await edit.getByRole('combobox', { name: 'Linked claim' }).fill('first step');
  await edit.getByRole('option', { name: /first step/ }).click();
  await edit.getByRole('button', { name: 'Add link' }).click();
  await expect(edit.getByRole('region', { name: 'Links to other claims' })).toContainText('This claim contradicts “is a first step, not a settlement”');
  await edit.getByRole('button', { name: 'Cancel' }).click();

  ui = await workbench.restart();
  await ui.openArticle(/harbour talks/);
  await ui.selectAnnotation(/is a first step/);
  await ui.selectedAnnotation.getByRole('button', { name: 'Edit claim' }).click();
  await expect(ui.page.getByRole('dialog', { name: 'Edit claim' }).getByRole('region', { name: 'Links to other claims' })).toContainText('Contradicts this claim: “long overdue”');
});
