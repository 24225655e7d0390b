import { mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DurableJsonFile } from './json-file-adapter';
import { LOCK_FILE } from './project-lock';
import { ProjectStore } from './project-store';
import { SUMMARY_CACHE_FILE } from './summary-cache-file';
import { makeArticle, openStoreForTest, tempDir } from './test-helpers';

const openStore = openStoreForTest;
afterEach(() => {
  vi.restoreAllMocks();
});

const stamp = '2026-01-01T00:00:00.000Z';
const ACTOR = 'a1b2c3d4-0000-4000-8000-000000000001';
const SPEAKER = 'b1b2c3d4-0000-4000-8000-000000000002';
const TAG = 'c1b2c3d4-0000-4000-8000-000000000003';

/** A project with one article whose annotations use two actors and a tag, all registered. */
async function projectUsingActorsAndTags(): Promise<{ dir: string; articleId: string }> {
  const dir = await tempDir();
  const store = await ProjectStore.open(dir);
  await store.updateProject((p) => {
    p.actors.push(...[ACTOR, SPEAKER].map((id, i) => ({ id, name: `Actor ${i}`, kind: 'person' as const, aliases: [], description: '', affiliationId: null, note: '', createdAt: stamp, updatedAt: stamp })));
    p.tags.push({ id: TAG, name: 'Economy', color: '#00ff00', parentId: null, hotkey: null });
  });
  const article = makeArticle();
  await store.createArticle(article);
  await store.updateArticle(article.id, (file) => {
    const base = { articleId: article.id, target: { start: 4, end: 12, exact: 'minister', prefix: 'The ', suffix: ' said' }, note: '', status: 'draft' as const, anchor: 'anchored' as const, createdAt: stamp, updatedAt: stamp };
    file.annotations.push({ ...base, id: 'm1', kind: 'actor', tags: [TAG], actorId: ACTOR, claim: null });
    file.annotations.push({
      ...base,
      id: 'c1',
      kind: 'claim',
      tags: [],
      actorId: null,
      claim: { speakerId: SPEAKER, form: 'direct-quote', medium: 'statement', reliability: 'B', credibility: 2, verification: 'unverified', links: [] },
    });
  });
  await store.close();
  return { dir, articleId: article.id };
}

describe('a lost or damaged project.json', () => {
  it('is set aside and rebuilt with the actors and tags the annotations use, under their ids, and reported', async () => {
    const { dir } = await projectUsingActorsAndTags();
    await writeFile(join(dir, 'project.json'), '{"schemaVersion":1,"actors":[');
    const store = await openStore(dir);
    expect(store.project.actors.map((a) => a.id).sort()).toEqual([ACTOR, SPEAKER]);
    expect(store.project.actors.find((a) => a.id === ACTOR)!.name).toBe('Recovered actor a1b2c3d4');
    expect(store.project.actors[0]!.note).toMatch(/Recovered/);
    expect(store.project.tags).toEqual([expect.objectContaining({ id: TAG, name: 'Recovered tag c1b2c3d4' })]);
    expect(store.problems).toHaveLength(1);
    expect(store.problems[0]).toMatchObject({ file: 'project.json', message: expect.stringMatching(/2 actors and 1 tag came back as "Recovered/) });
    expect(await readFile(join(dir, store.problems[0]!.movedTo!), 'utf8')).toBe('{"schemaVersion":1,"actors":[');
  });

  it('when deleted, is rebuilt the same way and reported, not silently recreated empty', async () => {
    const { dir } = await projectUsingActorsAndTags();
    await rm(join(dir, 'project.json'));
    const store = await openStore(dir);
    expect(store.project.actors).toHaveLength(2);
    expect(store.project.tags).toHaveLength(1);
    expect(store.problems).toEqual([expect.objectContaining({ file: 'project.json', movedTo: null, message: expect.stringMatching(/was missing/) })]);
    // Rebuilt durably: the next open finds it whole and has nothing to report.
    await store.close();
    const again = await openStore(dir);
    expect(again.problems).toEqual([]);
    expect(again.project.actors).toHaveLength(2);
  });

  it('that lacks some ids the annotations use (an interrupted restore of an older version) gets them back', async () => {
    const { dir } = await projectUsingActorsAndTags();
    const file = JSON.parse(await readFile(join(dir, 'project.json'), 'utf8'));
    file.actors = file.actors.filter((a: { id: string }) => a.id !== SPEAKER);
    await writeFile(join(dir, 'project.json'), JSON.stringify(file));
    const store = await openStore(dir);
    expect(store.project.actors.map((a) => a.name)).toEqual(['Actor 0', 'Recovered actor b1b2c3d4']);
    expect(store.problems[0]!.message).toMatch(/did not list 1 actor and 0 tags/);
  });

  it('is not reported for a brand-new project', async () => {
    const store = await openStore(await tempDir());
    expect(store.problems).toEqual([]);
  });
});

describe('unreadable article files', () => {
  it('an article the system refuses to read (EACCES) is set aside and reported; the rest opens', async () => {
    const dir = await tempDir();
    const store = await ProjectStore.open(dir);
    const [good, locked] = [makeArticle(), makeArticle()];
    await store.createArticle(good);
    await store.createArticle(locked);
    await store.close();
    await rm(join(dir, SUMMARY_CACHE_FILE));
    // Tests may run as root, which ignores file permissions: inject the refusal instead of chmod.
    const read = DurableJsonFile.prototype.read;
    vi.spyOn(DurableJsonFile.prototype, 'read').mockImplementation(function (this: DurableJsonFile<{ schemaVersion: number }>) {
      if (this.path.endsWith(`${locked.id}.json`)) return Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', path: this.path }));
      return read.call(this);
    });
    const reopened = await openStore(dir);
    expect(reopened.listSummaries().map((s) => s.id)).toEqual([good.id]);
    expect(reopened.problems).toEqual([expect.objectContaining({ file: `articles/${locked.id}.json`, message: expect.stringMatching(/permission denied.*fix its permissions/) })]);
    expect(await readdir(join(dir, 'articles'))).toContain(reopened.problems[0]!.movedTo!.slice('articles/'.length));
  });

  it('an article that becomes unreadable after opening is set aside when first read; exports skip it', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const [good, locked] = [makeArticle(), makeArticle()];
    await store.createArticle(good);
    await store.createArticle(locked);
    await store.close();
    const reopened = await openStore(dir);
    vi.spyOn(DurableJsonFile.prototype, 'read').mockImplementationOnce(() => Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })));
    const read = [];
    for await (const file of reopened.articles([locked.id, good.id])) read.push(file.article.id);
    expect(read).toEqual([good.id]);
    expect(reopened.problems).toHaveLength(1);
    expect(reopened.hasArticle(locked.id)).toBe(false);
  });

  it('a folder named like an article file is set aside and reported; the rest opens', async () => {
    const dir = await tempDir();
    const store = await ProjectStore.open(dir);
    const good = makeArticle();
    await store.createArticle(good);
    await store.close();
    await mkdir(join(dir, 'articles', 'not-a-file.json'));
    const reopened = await openStore(dir);
    expect(reopened.listSummaries().map((s) => s.id)).toEqual([good.id]);
    expect(reopened.problems).toEqual([expect.objectContaining({ file: 'articles/not-a-file.json', message: expect.stringMatching(/it is a folder/) })]);
  });
});

describe('leftovers of a crash', () => {
  it('temporary files beside project.json and old lock temporaries are removed at open', async () => {
    const dir = await tempDir();
    await (await ProjectStore.open(dir)).close();
    const strays = ['.project.json.0b1c.tmp', '.index.json.77aa.tmp', `${LOCK_FILE}.5f0e.tmp`];
    for (const name of strays) await writeFile(join(dir, name), '{"half');
    const old = new Date(Date.now() - 60_000);
    await utimes(join(dir, `${LOCK_FILE}.5f0e.tmp`), old, old);
    const store = await openStore(dir);
    const names = await readdir(dir);
    for (const name of strays) expect(names).not.toContain(name);
    expect(store.problems).toEqual([]);
  });

  it('a new folder holding only a stray lock temporary file is a new project, not a foreign folder', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, `${LOCK_FILE}.5f0e.tmp`), '{"pid":1');
    const store = await openStore(dir);
    expect(store.articleCount).toBe(0);
  });
});
