import { expect, test } from './fixtures/workbench';

test.describe('a first-time user', () => {
  test.use({ useDefaultProject: true });

  test('finds the default project with the sample article and its highlights', async ({ workbench }) => {
    const ui = workbench.ui;
    const sample = ui.libraryItem(/foreign ministers meet at the UN/);
    await expect(sample).toBeVisible();
    await sample.click();
    await expect(ui.article).toContainText('Sovereignty is not a bargaining chip');
    const marked = await ui.highlightedTexts();
    // Its claims, a tagged highlight and the actors' mentions are all drawn.
    expect(marked).toContain('will not trade an inch of its sovereignty for a photograph');
    expect(marked).toContain('has never refused dialogue');
    expect(marked).toContain('Ilse Marnow');
    await expect(sample).toContainText(`${marked.length} annotations`);
  });
});
