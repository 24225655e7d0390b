import { expect, test } from './fixtures/workbench';

test.describe('a first-time user', () => {
  test.use({ useDefaultProject: true });

  test('finds the default project with the sample article and its highlights', async ({ workbench }) => {
    const ui = workbench.ui;
    const sample = ui.libraryItem(/foreign ministers meet at the UN/);
    await expect(sample).toBeVisible();
    await expect(sample).toContainText('4 annotations');
    await sample.click();
    await expect(ui.article).toContainText('Sovereignty is not a bargaining chip');
    await expect.poll(async () => (await ui.highlightedTexts()).length).toBe(4);
  });
});
