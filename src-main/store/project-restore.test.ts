import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as restoreSteps from './project-restore';
import { ARTICLE_FORMAT, type ArticleFile, type ProjectFile } from './file-schemas';
import { ProjectStore } from './project-store';
import { finishRestore, READY_DIR, STAGING_DIR, stageRestore } from './project-restore';
import { makeArticle, openStoreForTest, tempDir } from './test-helpers';

const openStore = openStoreForTest;
afterEach(() => {
  vi.restoreAllMocks();
});

const stamp = '2026-01-01T00:00:00.000Z';
function backup(count: number): { project: ProjectFile; articles: ArticleFile[] } {
  const actor = { id: 'actor-1', name: 'Minister Vale', kind: 'person' as const, aliases: [], description: '', affiliationId: null, note: '', createdAt: stamp, updatedAt: stamp };
  const project: ProjectFile = { schemaVersion: 1, id: 'restored-project', name: 'Restored', createdAt: stamp, notes: 'notes', actors: [actor], tags: [{ id: 'tag-1', name: 'Economy', color: '#ff0000', parentId: null, hotkey: null }], settings: {} };
  const articles = Array.from({ length: count }, () => {
    const article = makeArticle();
    const annotation = {
      id: `${article.id}-a`,
      articleId: article.id,
      kind: 'actor' as const,
      target: { start: 4, end: 12, exact: 'minister', prefix: 'The ', suffix: ' said' },
      tags: ['tag-1'],
      note: '',
      status: 'draft' as const,
      actorId: 'actor-1',
      claim: null,
      anchor: 'anchored' as const,
      createdAt: stamp,
      updatedAt: stamp,
    };
    return { schemaVersion: ARTICLE_FORMAT, article, annotations: [annotation] };
  });
  return { project, articles };
}

/** An empty project with a committed, not yet switched-in restore of `count` articles. */
async function committedRestore(count: number): Promise<{ dir: string; ids: string[] }> {
  const dir = await tempDir();
  const store = await ProjectStore.open(dir);
  await store.close();
  const { project, articles } = backup(count);
  await stageRestore(dir, project, articles);
  return { dir, ids: articles.map((a) => a.article.id).sort() };
}

async function expectRestored(dir: string, ids: string[]): Promise<void> {
  const store = await openStore(dir);
  expect(store.listSummaries().map((s) => s.id).sort()).toEqual(ids);
  expect(store.project.actors.map((a) => a.name)).toEqual(['Minister Vale']);
  expect(store.problems).toEqual([]);
  expect((await readdir(dir)).filter((n) => n.startsWith('.restore'))).toEqual([]);
}

describe('restore', () => {
  it('switches the whole restored project in and keeps it across a reopen', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const { project, articles } = backup(3);
    await store.restoreBackup(project, articles);
    expect(store.articleCount).toBe(3);
    expect((await store.readArticle(articles[0]!.article.id))?.annotations).toHaveLength(1);
    await store.close();
    await expectRestored(dir, articles.map((a) => a.article.id).sort());
  });

  it('a crash before the commit point leaves the old, empty project, cleans the staging folder, and accepts a retry', async () => {
    const dir = await tempDir();
    await (await ProjectStore.open(dir)).close();
    // What a crash while staging leaves: some articles written, no project.json, not committed.
    await mkdir(join(dir, STAGING_DIR, 'articles'), { recursive: true });
    await writeFile(join(dir, STAGING_DIR, 'articles', 'half.json'), '{"schemaVersion":1,"art');
    const store = await openStore(dir);
    expect(store.articleCount).toBe(0);
    expect(store.problems).toEqual([]);
    expect(await readdir(dir)).not.toContain(STAGING_DIR);
    const { project, articles } = backup(2);
    await store.restoreBackup(project, articles);
    expect(store.articleCount).toBe(2);
  });

  it('a crash right after the commit point is finished at the next open', async () => {
    const { dir, ids } = await committedRestore(3);
    expect(await readdir(dir)).toContain(READY_DIR);
    await expectRestored(dir, ids);
  });

  it('a crash after the old articles folder was moved away is finished at the next open', async () => {
    const { dir, ids } = await committedRestore(2);
    await rename(join(dir, 'articles'), join(dir, READY_DIR, 'replaced-x'));
    await expectRestored(dir, ids);
  });

  it('a crash after the articles were switched but before project.json is finished at the next open', async () => {
    const { dir, ids } = await committedRestore(2);
    await rename(join(dir, 'articles'), join(dir, READY_DIR, 'replaced-x'));
    await rename(join(dir, READY_DIR, 'articles'), join(dir, 'articles'));
    await expectRestored(dir, ids);
  });

  it('finishing is idempotent: a crash while deleting the leftovers is harmless', async () => {
    const { dir, ids } = await committedRestore(2);
    expect(await finishRestore(dir)).toBe(true);
    expect(await finishRestore(dir)).toBe(false);
    await mkdir(join(dir, READY_DIR, 'replaced-y'), { recursive: true });
    await expectRestored(dir, ids);
  });

  it('runs one restore at a time: a second one at once is refused and the first completes whole', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const first = backup(20);
    const second = backup(5);
    const results = await Promise.allSettled([store.restoreBackup(first.project, first.articles), store.restoreBackup(second.project, second.articles)]);
    expect(results[0].status).toBe('fulfilled');
    expect(results[1]).toMatchObject({ status: 'rejected', reason: { code: 'conflict', message: expect.stringMatching(/already being restored/) } });
    expect(store.listSummaries().map((s) => s.id).sort()).toEqual(first.articles.map((a) => a.article.id).sort());
  });

  it('refuses saves while a restore runs, so none is lost in the switch', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const { project, articles } = backup(10);
    const restoring = store.restoreBackup(project, articles);
    await expect(store.createArticle(makeArticle())).rejects.toMatchObject({ code: 'conflict' });
    await restoring;
    expect(store.articleCount).toBe(10);
  });

  it('refuses to restore over articles the project could not open (they would be lost)', async () => {
    const dir = await tempDir();
    await (await ProjectStore.open(dir)).close();
    await writeFile(join(dir, 'articles', 'bad-1.json'), '{"broken');
    const store = await openStore(dir);
    expect(store.articleCount).toBe(0);
    const { project, articles } = backup(1);
    await expect(store.restoreBackup(project, articles)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/bad-1\.json\.damaged/) });
    expect((await readdir(join(dir, 'articles'))).some((n) => n.startsWith('bad-1.json.damaged'))).toBe(true);
    expect(JSON.parse(await readFile(join(dir, 'project.json'), 'utf8')).actors).toEqual([]);
  });

  it('a switch that fails after the commit point refuses saves until the project is reopened, which finishes it', async () => {
    const dir = await tempDir();
    const store = await ProjectStore.open(dir);
    const { project, articles } = backup(2);
    vi.spyOn(restoreSteps, 'finishRestore').mockRejectedValueOnce(Object.assign(new Error('EACCES'), { code: 'EACCES', path: join(dir, 'articles') }));
    await expect(store.restoreBackup(project, articles)).rejects.toMatchObject({ code: 'permission-denied', message: expect.stringMatching(/could not be switched in.*open the project again/) });
    await expect(store.createArticle(makeArticle())).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/could not be switched in/) });
    await store.close();
    vi.restoreAllMocks();
    await expectRestored(dir, articles.map((a) => a.article.id).sort());
  });
});
