import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { startTestGitServer, type TestGitServer } from '../src-main/services/sync/test-git-server';
import { harbourTalks } from './fixtures/articles';
import { launchWeb } from './fixtures/launch';
import { expect, test } from './fixtures/workbench';
import { WorkbenchPage } from './models/workbench-page';

let server: TestGitServer;
test.beforeEach(async () => {
  server = await startTestGitServer();
});
test.afterEach(async () => {
  await server.close();
});

/** Where screenshots of the new screens go, to be looked at (not compared). */
const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`) });

async function share(page: Page, name: string): Promise<void> {
  await page.getByRole('region', { name: 'Sync' }).getByRole('button', { name: 'Share project' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share project' });
  await dialog.getByLabel('Remote URL').fill(server.url);
  await dialog.getByLabel('Username').fill(server.username);
  await dialog.getByLabel('Token').fill(server.password);
  await dialog.getByLabel('Your name').fill(name);
  await expect(dialog.getByText('in memory for this session only')).toBeVisible();
  if (name === 'Ana') await shot(page, 'share-dialog');
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
}

const syncRegion = (page: Page) => page.getByRole('region', { name: 'Sync' });

async function sync(page: Page): Promise<void> {
  const answered = page.waitForResponse((response) => response.url().endsWith('/api/sync:run'), { timeout: 60_000 });
  await syncRegion(page).getByRole('button', { name: 'Sync', exact: true }).click();
  expect((await answered).ok()).toBe(true);
  await expect(syncRegion(page)).toContainText('Synced just now', { timeout: 30_000 });
}

test('two analysts share a project through a Git server, sync, and resolve a conflict in the Conflicts list', async ({ workbench }, testInfo) => {
  testInfo.skip(testInfo.project.name !== 'web', 'Two web hosts side by side; the desktop build runs the same UI.');
  // Two hosts, two browsers and a Git server on a shared machine.
  test.setTimeout(240_000);
  const ana = workbench.ui;
  await ana.addAndOpenArticle(harbourTalks);
  await ana.highlight('Petra Alm');
  await share(ana.page, 'Ana');
  await expect(syncRegion(ana.page)).toContainText('Synced just now');
  await expect(syncRegion(ana.page)).toContainText('sent Share the project (1 article)');

  // Ben starts from an empty project and the address: Share brings Ana's project in.
  const scratch = await mkdtemp(join(tmpdir(), 'workbench-e2e-ben-'));
  const holder: { browser?: Browser } = {};
  const running = await launchWeb({ projectDir: join(scratch, 'project'), env: { ...process.env, XDG_CONFIG_HOME: join(scratch, 'config') } }, holder);
  try {
    const ben = new WorkbenchPage(running.page);
    await share(ben.page, 'Ben');
    await expect(syncRegion(ben.page)).toContainText('brought in 1 annotation, 1 article');
    await ben.openArticle(/harbour talks/);
    await expect.poll(() => ben.highlightedTexts()).toEqual(['Petra Alm']);
    await shot(ben.page, 'status-line');

    // Both change the same article's note: the second to sync gets a conflict to resolve.
    for (const [ui, note] of [
      [ana, 'Checked against the ministry statement.'],
      [ben, 'Source not yet confirmed.'],
    ] as const) {
      await ui.page.getByRole('button', { name: 'Article note' }).click();
      await ui.page.getByLabel('Article note', { exact: true }).fill(note);
      await ui.page.getByLabel('Article note', { exact: true }).blur();
      await ui.expectStatus(/Article note saved/);
    }
    await sync(ana.page);
    await sync(ben.page);
    await syncRegion(ben.page).getByRole('button', { name: /Conflicts \(1\)/ }).click();
    const conflicts = ben.page.getByRole('dialog', { name: 'Conflicts' });
    await expect(conflicts.getByRole('list', { name: 'Conflicts' }).getByRole('listitem')).toHaveCount(1);
    await shot(ben.page, 'conflicts');
    // Merged by identity: the later edit (Ben's) is kept for now by the stated rule; Ana's is listed beside it.
    await expect(conflicts.getByRole('listitem')).toContainText('Checked against the ministry statement.');
    await expect(conflicts.getByRole('listitem')).toContainText('(kept for now)');
    await expect(ben.page.getByLabel('Article note', { exact: true })).toHaveValue('Source not yet confirmed.');
    await conflicts.getByRole('button', { name: 'Keep Ana’s' }).click();
    await expect(conflicts.getByText('No conflicts')).toBeVisible();
    await conflicts.getByRole('button', { name: 'Close' }).click();
    await expect(ben.page.getByLabel('Article note', { exact: true })).toHaveValue('Checked against the ministry statement.');

    // Ben's choice travels back to Ana, and the annotation both saw survives the merge.
    await sync(ben.page);
    await sync(ana.page);
    await expect(ana.page.getByLabel('Article note', { exact: true })).toHaveValue('Checked against the ministry statement.');
    await expect.poll(() => ana.highlightedTexts()).toEqual(['Petra Alm']);

    // The article's history says who changed it, newest first.
    await ana.page.getByRole('button', { name: 'History' }).click();
    const history = ana.page.getByRole('dialog', { name: 'Article history' });
    const versions = history.getByRole('list', { name: 'Versions' }).getByRole('listitem');
    await expect(versions.first()).toContainText('Ben');
    await expect(versions.last()).toContainText('Ana');
    await expect(versions.last()).toContainText('Share the project (1 article)');
    await shot(ana.page, 'article-history');
    await history.getByRole('button', { name: 'Close' }).click();
  } catch (error) {
    await testInfo.attach('ben', { body: await running.page.screenshot(), contentType: 'image/png' });
    throw error;
  } finally {
    await running.stop();
    await holder.browser?.close();
    await rm(scratch, { recursive: true, force: true });
  }
});
