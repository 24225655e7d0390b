import { expect, test } from './fixtures/workbench';
import { harbourTalks } from './fixtures/articles';

test('after the text is corrected, highlights follow their passages and a lost one is listed to re-attach', async ({ workbench }) => {
  let ui = workbench.ui;
  await ui.addArticle(harbourTalks);
  await ui.highlight('turned away at gunpoint');
  await ui.highlight('#1 on the agenda would be the fishing quotas');

  await ui.page.getByRole('button', { name: 'Edit text' }).click();
  const editor = ui.page.getByRole('dialog', { name: 'Edit article text' });
  const text = await editor.getByRole('textbox', { name: 'Article text' }).inputValue();
  const corrected = `Updated at 14:00 with comment from Sellany.\n\n${text}`
    .replace('turned away at gunpoint', 'turned away at gun point')
    .replace(/Officials in Sellany said #1 on the agenda would be the fishing quotas\./, 'Officials in Sellany declined to comment.');
  await editor.getByRole('textbox', { name: 'Article text' }).fill(corrected);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(ui.page.getByRole('status')).toContainText('1 annotation could not be placed');

  await expect.poll(() => ui.highlightedTexts()).toEqual(['turned away at gun point']);
  const orphans = ui.panel('Annotations').getByRole('group', { name: 'Orphaned annotations' });
  await expect(orphans).toContainText('#1 on the agenda would be the fishing quotas');

  ui = await workbench.restart();
  await ui.openArticle(/harbour talks/);
  await expect(ui.article).toContainText('Updated at 14:00');
  await expect.poll(() => ui.highlightedTexts()).toEqual(['turned away at gun point']);

  // Re-attach the lost annotation to a new passage.
  await ui.panel('Annotations').getByRole('group', { name: 'Orphaned annotations' }).getByRole('button').first().click();
  await ui.selectText('declined to comment');
  await ui.selectionToolbar.getByRole('button', { name: 'Re-attach' }).click();
  await expect.poll(() => ui.highlightedTexts()).toEqual(['turned away at gun point', 'declined to comment']);
  await expect(ui.panel('Annotations').getByRole('group', { name: 'Orphaned annotations' })).toHaveCount(0);
});
