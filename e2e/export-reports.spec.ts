import { expect, test } from './fixtures/workbench';
import { harbourTalks } from './fixtures/articles';

test.describe('reports and exports', () => {
  test.beforeEach(async ({ workbench }) => {
    const ui = workbench.ui;
    await ui.addArticle(harbourTalks);
    await ui.markActor('Petra Alm', { create: 'Petra Alm', description: 'Foreign Minister of Nordmark' });
    const form = await ui.startClaim('is a first step, not a settlement');
    await form.getByLabel('Reliability').selectOption({ label: 'B — Usually reliable' });
    await form.getByLabel('Credibility').selectOption({ label: '3 — Possibly true' });
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeHidden();
    await ui.highlight('turned away at gunpoint');
  });

  test('exports a Markdown report with the chosen sections, and copies it as Markdown', async ({ workbench }) => {
    const ui = workbench.ui;
    await ui.page.getByRole('button', { name: 'Export' }).click();
    await ui.page.getByRole('menuitem', { name: 'Markdown report' }).click();
    const dialog = ui.page.getByRole('dialog', { name: 'Markdown report' });
    for (const section of ['Actors', 'Claims', 'Highlights', 'Sources', 'Notes']) await expect(dialog.getByRole('checkbox', { name: section, exact: true })).toBeChecked();
    await dialog.getByRole('checkbox', { name: 'Highlights', exact: true }).uncheck();
    await dialog.getByLabel('Report title').fill('Harbour talks: claims');
    const saved = await workbench.captureSave(() => dialog.getByRole('button', { name: 'Export', exact: true }).click());
    expect(saved.content).toMatch(/^# Harbour talks: claims\n/);
    expect(saved.content).toContain('## Claims');
    expect(saved.content).toContain('### Petra Alm');
    expect(saved.content).toContain('> is a first step, not a settlement');
    expect(saved.content).toContain('B3 (usually reliable; possibly true)');
    expect(saved.content).toContain('paragraph 2');
    expect(saved.content).not.toContain('## Highlights');
    expect(saved.content).not.toContain('turned away at gunpoint');

    if (workbench.ui.page.context().browser()) {
      await ui.page.getByRole('button', { name: 'Export' }).click();
      await ui.page.getByRole('menuitem', { name: 'Markdown report' }).click();
      await ui.page.getByRole('dialog', { name: 'Markdown report' }).getByRole('button', { name: 'Copy as Markdown' }).click();
      await ui.expectStatus(/Report copied as Markdown/);
      const copied = await ui.page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain('## Highlights by tag');
      expect(copied).toContain('> turned away at gunpoint');
    }
  });

  test('exports W3C annotations, CSV and the project file', async ({ workbench }) => {
    const ui = workbench.ui;
    const openMenu = async (item: string) => {
      await ui.page.getByRole('button', { name: 'Export' }).click();
      await ui.page.getByRole('menuitem', { name: item }).click();
    };

    const w3c = await workbench.captureSave(() => openMenu('W3C annotations'));
    const collection = JSON.parse(w3c.content);
    expect(collection.type).toBe('AnnotationCollection');
    const items = collection.first.items as { motivation: string; target: { selector: { type: string }[] } }[];
    expect(items.map((i) => i.motivation).sort()).toEqual(['assessing', 'highlighting', 'identifying']);
    expect(items[0]!.target.selector.map((s) => s.type).sort()).toEqual(['TextPositionSelector', 'TextQuoteSelector']);

    await openMenu('CSV');
    const csvDialog = ui.page.getByRole('dialog', { name: 'CSV' });
    const csv = await workbench.captureSave(() => csvDialog.getByRole('button', { name: 'Export' }).click());
    expect(csv.content.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.content.slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^claim_id,quote,speaker,/);
    expect(lines[1]).toContain('"is a first step, not a settlement",Petra Alm,Direct quote,,B,3,B3,Unverified');

    const project = await workbench.captureSave(() => openMenu('Project file'));
    const file = JSON.parse(project.content);
    expect(file.kind).toBe('analyst-workbench-project');
    expect(file.articles[0].annotations).toHaveLength(3);
    expect(file.project.actors[0].name).toBe('Petra Alm');
  });
});
