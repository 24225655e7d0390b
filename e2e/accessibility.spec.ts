import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { startTestGitServer } from '../src-main/services/sync/test-git-server';
import { ROOT } from './fixtures/environment';
import { harbourTalks } from './fixtures/articles';
import { withCodedArticle } from './fixtures/coded-article';
import { networkProjectFiles } from './fixtures/network-project';
import { expect, test } from './fixtures/workbench';
import type { WorkbenchPage } from './models/workbench-page';

// axe-core on every screen a user reaches, in both themes. With SCREENSHOTS=1 each screen is
// also saved to test-results/screens/<screen>-<theme>.png (gitignored), to be looked at.
const SCREENS_DIR = join(ROOT, 'test-results/screens');
const fixture = (name: string) => join(ROOT, 'e2e/fixtures/import', name);

type Theme = 'light' | 'dark';

/** Runs axe on the page as it is now; every violation is reported with where it is. */
async function audit(page: Page, screen: string, theme: Theme): Promise<void> {
  // Let transitions and the deferred redraw of marks settle before judging colours.
  await page.waitForTimeout(150);
  if (process.env.SCREENSHOTS) {
    await mkdir(SCREENS_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENS_DIR, `${screen}-${theme}.png`) });
  }
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`).join(' | ')}`);
  expect.soft(found, `axe violations on "${screen}" (${theme})`).toEqual([]);
}

async function openDialog(page: Page, open: () => Promise<void>, name: string): Promise<Locator> {
  await open();
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function closeDialog(dialog: Locator): Promise<void> {
  await dialog.press('Escape');
  await expect(dialog).toBeHidden();
}

/** An article with a tagged highlight, an actor mention and a claim by that actor. */
async function prepareArticle(ui: WorkbenchPage): Promise<void> {
  await ui.addAndOpenArticle(harbourTalks);
  await ui.addTag('Sovereignty');
  await ui.highlight('agreed on Thursday to resume talks');
  await ui.selectedAnnotation.getByRole('button', { name: 'Sovereignty' }).click();
  await ui.markActor('Petra Alm', { create: 'Petra Alm', description: 'Foreign minister of Nordmark' });
  const claim = await ui.startClaim('is a first step, not a settlement');
  await claim.getByRole('button', { name: 'Save' }).click();
  await expect(claim).toBeHidden();
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`every screen passes axe-core in the ${theme} theme`, () => {
    // Each screen is audited in turn; slow on a busy machine.
    test.describe.configure({ timeout: 360_000 });
    test.beforeEach(async ({ workbench }) => {
      // The app follows the system theme until the user chooses one.
      await workbench.ui.page.emulateMedia({ colorScheme: theme });
      await expect(workbench.ui.page.locator('html')).toHaveAttribute('data-theme', theme);
    });

    test('the first start, the reader, its selection toolbar, menus and dialogs', async ({ workbench }) => {
      const ui = workbench.ui;
      const page = ui.page;
      await expect(page.getByRole('button', { name: 'New article' })).toBeVisible();
      await audit(page, 'empty-library', theme);

      await prepareArticle(ui);
      await audit(page, 'reader', theme);
      // The engine proposes the other minister and his quote (its worker may take a while to start).
      const suggestions = page.getByRole('region', { name: 'Suggestions' });
      await expect(suggestions.getByRole('listitem').first()).toBeVisible({ timeout: 30_000 });
      await audit(page, 'suggestions-panel', theme);
      const claim = await ui.startClaim('long overdue');
      await audit(page, 'new-claim-dialog', theme);
      await closeDialog(claim);

      await ui.selectText('fishing boats from both sides');
      await audit(page, 'selection-toolbar', theme);
      const actorDialog = await openDialog(page, () => ui.selectionToolbar.getByRole('button', { name: 'Actor' }).click(), 'Mark actor');
      await audit(page, 'mark-actor-dialog', theme);
      await closeDialog(actorDialog);
      await ui.selectionToolbar.getByRole('button', { name: 'Tag' }).click();
      await audit(page, 'tag-menu', theme);
      await page.keyboard.press('Escape');

      await page.getByRole('heading', { level: 1, name: harbourTalks.title }).click();
      await audit(page, 'reader-note', theme);
      const editText = await openDialog(page, () => page.getByRole('button', { name: 'Edit text' }).click(), 'Edit article text');
      await audit(page, 'edit-text-dialog', theme);
      await closeDialog(editText);

      await page.getByRole('searchbox', { name: 'Search' }).fill('harbour');
      await expect(page.getByRole('region', { name: 'Search results' })).toBeVisible();
      await audit(page, 'search', theme);
    });

    test('the actors, claims and review views', async ({ workbench }) => {
      const ui = workbench.ui;
      const page = ui.page;
      await prepareArticle(ui);
      await page.getByRole('tab', { name: 'Actors' }).click();
      await page.getByRole('navigation', { name: 'Actor list' }).getByRole('button', { name: /Petra Alm/ }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Petra Alm' })).toBeVisible();
      await audit(page, 'dossier', theme);

      await page.getByRole('tab', { name: 'Claims' }).click();
      await expect(page.getByRole('main', { name: 'Claims' }).getByRole('table')).toBeVisible();
      await audit(page, 'claims', theme);

      await page.getByRole('tab', { name: 'Review' }).click();
      await expect(page.getByRole('button', { name: 'Mark reviewed' })).toBeVisible();
      await audit(page, 'review', theme);
      await page.getByRole('group', { name: 'What to review' }).getByRole('button', { name: 'Suggestions' }).click();
      await expect(page.getByRole('button', { name: 'Mark reviewed' })).toBeHidden();
      await audit(page, 'review-suggestions', theme);
    });

    test.describe('in a project of three dated articles and one coded by two analysts', () => {
      test.use({ projectFiles: withCodedArticle(networkProjectFiles()) });

      test('the network view, the claims timelines, the agreement view and curation', async ({ workbench }) => {
        const page = workbench.ui.page;
        await page.getByRole('tab', { name: 'Network' }).click();
        const network = page.getByRole('tabpanel');
        await expect(network.locator('.network-canvas[data-drawn]')).toBeVisible();
        await audit(page, 'network', theme);
        await network.getByRole('button', { name: /^Show the 1 claim: Davor Kesić contradicts Ilse Marnow$/ }).click();
        await expect(network.getByRole('region', { name: 'Davor Kesić contradicts Ilse Marnow' }).getByRole('article')).toHaveCount(1);
        await audit(page, 'network-edge-claims', theme);

        await page.getByRole('tab', { name: 'Claims' }).click();
        await expect(page.getByRole('group', { name: 'Claims timeline' }).getByRole('button', { name: /Open in article$/ })).not.toHaveCount(0);
        await audit(page, 'claims-timeline', theme);
        await page.getByRole('tab', { name: 'Actors' }).click();
        await page.getByRole('navigation', { name: 'Actor list' }).getByRole('button', { name: /Davor Kesić/ }).click();
        await expect(page.getByRole('group', { name: 'Claims timeline of Davor Kesić' }).getByRole('button', { name: /Open in article$/ })).toHaveCount(3);
        await audit(page, 'dossier-timeline', theme);

        await page.getByRole('tab', { name: 'Agreement' }).click();
        const agreement = page.getByRole('main', { name: 'Agreement' });
        await expect(agreement.getByRole('table', { name: 'Agreement over all chosen articles' })).toBeVisible();
        await audit(page, 'agreement', theme);
        await agreement.getByRole('button', { name: /^Curate / }).click();
        const curation = page.getByRole('main', { name: 'Curation' });
        await expect(curation.getByRole('list', { name: 'Units, disagreements first' }).getByRole('listitem').first()).toContainText('differs');
        await audit(page, 'curation', theme);
        await curation.getByRole('button', { name: 'Accept the 1 agreed unit' }).click();
        await expect(curation.getByRole('list', { name: 'Agreed set' }).getByRole('listitem')).toHaveCount(1);
        await audit(page, 'curation-settled', theme);
      });
    });

    test('the share project, sync, conflicts and article history dialogs, with a Git server', async ({ workbench }) => {
      const ui = workbench.ui;
      const page = ui.page;
      const server = await startTestGitServer();
      const clone = await mkdtemp(join(tmpdir(), 'workbench-e2e-colleague-'));
      try {
        await ui.addAndOpenArticle(harbourTalks);
        const syncBar = page.getByRole('region', { name: 'Sync' });
        const share = await openDialog(page, () => syncBar.getByRole('button', { name: 'Share project' }).click(), 'Share project');
        await audit(page, 'share-dialog', theme);
        await share.getByLabel('Remote URL').fill(server.url);
        await share.getByLabel('Username').fill(server.username);
        await share.getByLabel('Token').fill(server.password);
        await share.getByLabel('Your name').fill('Ana');
        await share.getByRole('button', { name: 'Share', exact: true }).click();
        await expect(share).toBeHidden({ timeout: 30_000 });
        await expect(syncBar).toContainText('Synced just now');
        await audit(page, 'shared', theme);

        // A colleague changes the article's note through Git itself while Ana changes it here.
        const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Ben', '-c', 'user.email=ben@example.org', ...args], { cwd: clone }).toString();
        execFileSync('git', ['clone', '--quiet', server.bareDir, clone]);
        const file = join(clone, git('ls-files', 'articles').split('\n').find((name) => name.endsWith('.json'))!);
        const stored = JSON.parse(await readFile(file, 'utf8')) as { article: { note: string; updatedAt: string } };
        stored.article.note = 'Source not yet confirmed.';
        stored.article.updatedAt = new Date().toISOString();
        await writeFile(file, JSON.stringify(stored, null, 2));
        git('commit', '--quiet', '-am', 'Note on the harbour talks');
        git('push', '--quiet', 'origin', 'HEAD:main');
        await page.getByRole('button', { name: 'Article note' }).click();
        await page.getByLabel('Article note', { exact: true }).fill('Checked against the ministry statement.');
        await page.getByLabel('Article note', { exact: true }).blur();
        await ui.expectStatus(/Article note saved/);
        await syncBar.getByRole('button', { name: 'Sync', exact: true }).click();
        const conflicts = await openDialog(page, () => syncBar.getByRole('button', { name: /Conflicts \(1\)/ }).click({ timeout: 60_000 }), 'Conflicts');
        await expect(conflicts.getByRole('list', { name: 'Conflicts' }).getByRole('listitem')).toHaveCount(1);
        await audit(page, 'conflicts-dialog', theme);
        await closeDialog(conflicts);

        const history = await openDialog(page, () => page.getByRole('button', { name: 'History', exact: true }).click(), 'Article history');
        await expect(history.getByRole('list', { name: 'Versions' }).getByRole('listitem')).not.toHaveCount(0);
        await audit(page, 'history-dialog', theme);
        await closeDialog(history);
      } finally {
        await server.close();
        await rm(clone, { recursive: true, force: true });
      }
    });

    test('the export menu, the dialogs of the toolbar and the import review', async ({ workbench }) => {
      const ui = workbench.ui;
      const page = ui.page;
      await ui.addAndOpenArticle(harbourTalks);
      await audit(page, 'library', theme);

      await page.getByRole('button', { name: 'Export' }).click();
      await audit(page, 'export-menu', theme);
      await page.getByRole('menuitem', { name: 'Markdown report' }).click();
      const report = page.getByRole('dialog', { name: 'Markdown report' });
      await audit(page, 'report-dialog', theme);
      await closeDialog(report);
      await page.getByRole('button', { name: 'Export' }).click();
      await page.getByRole('menuitem', { name: /CSV/ }).first().click();
      const csv = page.getByRole('dialog', { name: 'CSV' });
      await audit(page, 'csv-dialog', theme);
      await closeDialog(csv);

      for (const [button, name, screen] of [
        ['Keyboard shortcuts', 'Keyboard shortcuts', 'shortcuts-dialog'],
        ['Project notes', 'Project notes', 'project-notes-dialog'],
        ['New article', 'New article', 'new-article-dialog'],
        ['Settings', 'Settings', 'settings-dialog'],
      ] as const) {
        const dialog = await openDialog(page, () => page.getByRole('button', { name: button, exact: true }).click(), name);
        await audit(page, screen, theme);
        await closeDialog(dialog);
      }
      const suggestFor = await openDialog(page, () => page.getByRole('button', { name: 'Suggest for…' }).click(), 'Suggest for…');
      await audit(page, 'suggest-dialog', theme);
      await closeDialog(suggestFor);

      await page.getByLabel('Files to import').setInputFiles([fixture('wire-story.html'), fixture('statement-cp1252.txt'), fixture('memo.docx'), fixture('broken.docx')]);
      const importDialog = page.getByRole('dialog', { name: 'Import files' });
      await expect(importDialog.getByRole('table').getByRole('row')).toHaveCount(4);
      await audit(page, 'import-review', theme);
      // The opening of each file is one line; opened, it shows all of it.
      const opening = importDialog.locator('.opening summary').first();
      const closedHeight = (await opening.boundingBox())!.height;
      await opening.click();
      expect((await opening.boundingBox())!.height).toBeGreaterThan(closedHeight);
      await audit(page, 'import-review-opened', theme);
      await closeDialog(importDialog);
    });
  });
}

test('the theme follows the system until chosen; the choice is kept when the window loads again', async ({ workbench }) => {
  test.setTimeout(120_000);
  const ui = workbench.ui;
  const html = () => ui.page.locator('html');
  await ui.page.emulateMedia({ colorScheme: 'dark' });
  await expect(html()).toHaveAttribute('data-theme', 'dark');
  const theme = ui.page.getByRole('combobox', { name: 'Theme' });
  await expect(theme).toHaveValue('system');
  await theme.selectOption({ label: 'Light' });
  await expect(html()).toHaveAttribute('data-theme', 'light');
  // The page's colours come from the tokens of the chosen theme.
  const background = () => ui.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(await background()).toBe('rgb(247, 247, 245)');

  // Kept per origin in localStorage: the desktop app's origin is fixed; the web host's changes
  // with its port, so a reload (not a restart on a new port) is what keeps it there.
  await ui.page.reload();
  await expect(ui.page.getByRole('combobox', { name: 'Theme' })).toHaveValue('light');
  await expect(html()).toHaveAttribute('data-theme', 'light');
  // Ctrl+Shift+L: Light → Dark → System (which is dark here).
  await ui.page.locator('body').press('Control+Shift+L');
  await expect(html()).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe('rgb(21, 24, 28)');
  await ui.page.locator('body').press('Control+Shift+L');
  await expect(ui.page.getByRole('combobox', { name: 'Theme' })).toHaveValue('system');
  await ui.page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(ui.page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Switch the theme');
});

test('the selection toolbar is not drawn over a modal dialog', async ({ workbench }) => {
  test.setTimeout(120_000);
  const ui = workbench.ui;
  const page = ui.page;
  await ui.addAndOpenArticle(harbourTalks);
  for (const [button, name] of [
    ['Actor', 'Mark actor'],
    ['Claim', 'New claim'],
  ] as const) {
    await ui.selectText('foreign ministers of Nordmark');
    const box = (await ui.selectionToolbar.boundingBox())!;
    await ui.selectionToolbar.getByRole('button', { name: button }).click();
    const dialog = page.getByRole('dialog', { name });
    await expect(dialog).toBeVisible();
    await expect(ui.selectionToolbar).toBeHidden();
    // What a pointer at the toolbar's old place would hit: the dialog or its backdrop, not the toolbar.
    const hit = await page.evaluate(({ x, y }) => {
      const element = document.elementFromPoint(x, y);
      return element?.closest('[role="toolbar"]') ? 'toolbar' : element?.closest('dialog') ? 'dialog' : element?.tagName ?? 'nothing';
    }, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    expect(hit).toBe('dialog');
    await closeDialog(dialog);
    // Cancelling the dialog gives the selection back its toolbar.
    await expect(ui.selectionToolbar).toBeVisible();
  }
  // A click elsewhere drops the selection and its toolbar (it floated on over the moved text).
  await page.getByRole('heading', { level: 1, name: harbourTalks.title }).click();
  await expect(ui.selectionToolbar).toBeHidden();
});
