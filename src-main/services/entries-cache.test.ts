import { readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ClaimFilters, ClaimSortKey } from '../../src-shared/contract';
import type { ProjectStore } from '../store/project-store';
import { tempDir } from '../store/test-helpers';
import { ENTRIES_CACHE_DIR, shardOf, shardPath } from './entries-cache-file';
import { at, openTestProject } from './test-project';
import { claimsTableFromFiles, dossierFromFiles, reviewFromFiles, timelineFromFiles } from './test-library-entries';

type Session = Awaited<ReturnType<typeof openTestProject>>;

/**
 * Opens a project folder again, once the store has checked its article files against the summary
 * cache (a sound cache leaves that to the background, and announces what changed as saves).
 */
async function reopen(directory: string): Promise<Session> {
  const session = await openTestProject(undefined, { directory });
  await session.store.verified;
  return session;
}

const claim = (speakerId: string | null, verification: 'unverified' | 'corroborated' | 'contested' | 'false' = 'unverified', reliability: 'A' | 'B' | 'C' | null = null, credibility: 1 | 2 | 3 | null = null) => ({
  speakerId,
  form: 'paraphrase' as const,
  medium: '',
  reliability,
  credibility,
  verification,
});

const SORTS: { key: ClaimSortKey; up: boolean }[] = [
  { key: 'date', up: true },
  { key: 'date', up: false },
  { key: 'speaker', up: true },
  { key: 'source', up: false },
  { key: 'grade', up: true },
  { key: 'verification', up: false },
];

/** Every view the cache serves, asked through the router and computed from the article files; they must be equal. */
async function expectSameAsFiles({ store, call }: Session): Promise<void> {
  for (const actor of store.project.actors) {
    expect((await call('actors:dossier', { actorId: actor.id })).entries, `dossier of ${actor.name}`).toEqual(await dossierFromFiles(store, actor.id));
  }
  for (const limit of [1, 3, 500]) expect(await call('review:queue', { limit })).toEqual(await reviewFromFiles(store, limit));
  const speaker = store.project.actors[0]?.id;
  const filterSets: ClaimFilters[] = [{}, { verification: 'contested' }, { text: 'THE' }, { text: 'checked' }, ...(speaker ? [{ speakerId: speaker }, { speakerId: speaker, text: 'a' }] : [])];
  for (const filters of filterSets) {
    for (const sort of SORTS) {
      for (const [offset, limit] of [[0, 500], [1, 2]] as const) {
        expect(await call('claims:table', { filters, sort, offset, limit }), `claims ${JSON.stringify({ filters, sort, offset })}`).toEqual(await claimsTableFromFiles(store, filters, sort, offset, limit));
      }
    }
    for (const withLinked of [false, true]) {
      for (const limit of [2, 5000]) expect(await call('claims:timeline', { filters, withLinked, limit })).toEqual(await timelineFromFiles(store, filters, withLinked, limit));
    }
  }
}

/** Asks every view once through the router (every article with entries is needed by one of them). */
async function askEveryView({ store, call }: Session): Promise<void> {
  for (const actor of store.project.actors) await call('actors:dossier', { actorId: actor.id });
  await call('review:queue', { limit: 500 });
  await call('claims:table', {});
  await call('claims:timeline', { withLinked: true });
}

/** A small library with every kind of entry: mentions, claims (linked), drafts, reviewed, and two articles of the same date and title. */
async function library(session: Session) {
  const { call } = session;
  const add = (title: string, published: string, text: string, source = 'Coast Herald') => call('articles:create', { title, published, text, source, url: '' });
  const harbour = await add('Harbour talks resume', '2026-10-02', 'The ministers agreed to resume negotiations over the harbour.\n\nFishing quotas come first, said Petra Alm.\n\nThe talks resume on Monday.');
  const quota = await add('Quota dispute widens', '2026-10-05', 'Sellany rejected the quota plan. Negotiators left early.\n\nPetra Alm said no agreement was close.', 'Other Paper');
  const twinA = await add('Daily briefing', '2026-10-07', 'Rain is expected across the coast. The port stays open, the harbour master said.');
  const twinB = await add('Daily briefing', '2026-10-07', 'Ferries run late. Petra Alm visited the port and said the fees would fall.');
  const undated = await add('Background note', '', 'The quota system dates from an old treaty. Ilse Marnow called it unfair.', '');
  const alm = await call('actors:create', { name: 'Petra Alm', kind: 'person', aliases: [], description: '', affiliationId: null, note: '' });
  const marnow = await call('actors:create', { name: 'Ilse Marnow', kind: 'person', aliases: [], description: '', affiliationId: null, note: '' });
  const mention = (article: { id: string; text: string }, phrase: string, actorId: string) => call('annotations:create', { articleId: article.id, ...at(article.text, phrase), kind: 'actor', actorId });
  const claimIn = (article: { id: string; text: string }, phrase: string, details: ReturnType<typeof claim>, note = '') => call('annotations:create', { articleId: article.id, ...at(article.text, phrase), kind: 'claim', claim: details, note });
  await mention(harbour, 'Petra Alm', alm.id);
  await mention(quota, 'Petra Alm', alm.id);
  await mention(twinB, 'Petra Alm', alm.id);
  await mention(undated, 'Ilse Marnow', marnow.id);
  const c1 = await claimIn(harbour, 'Fishing quotas come first', claim(alm.id, 'corroborated', 'B', 2));
  const c2 = await claimIn(quota, 'no agreement was close', claim(alm.id, 'contested'), 'Checked with the ministry');
  const c3 = await claimIn(twinB, 'the fees would fall', claim(alm.id, 'unverified', 'A', 1));
  const c4 = await claimIn(undated, 'called it unfair', claim(marnow.id, 'false', 'C', 3));
  const c5 = await claimIn(twinA, 'The port stays open', claim(null));
  await call('annotations:create', { articleId: twinA.id, ...at(twinA.text, 'Rain is expected'), kind: 'highlight' });
  await call('claims:link', { from: { articleId: quota.id, annotationId: c2.id }, to: { articleId: undated.id, annotationId: c4.id }, type: 'contradicts' });
  await call('claims:link', { from: { articleId: twinB.id, annotationId: c3.id }, to: { articleId: harbour.id, annotationId: c1.id }, type: 'supports' });
  await call('annotations:update', { articleId: harbour.id, id: c1.id, patch: { status: 'reviewed' } });
  return { harbour, quota, twinA, twinB, undated, alm, marnow, c1, c2, c3, c4, c5 };
}

/** Article reads from now on (the store reads a file only through these). */
function countReads(store: ProjectStore) {
  const peek = vi.spyOn(store, 'peekArticle');
  const read = vi.spyOn(store, 'readArticle');
  return () => [...peek.mock.calls, ...read.mock.calls].map(([id]) => id);
}

describe('entries cache', () => {
  it('answers exactly what the article files say through creates, updates, deletes, undo and redo', async () => {
    const session = await openTestProject();
    const { call } = session;
    const lib = await library(session);
    await expectSameAsFiles(session);
    // A text edit that orphans a claim, a retitled and redated article, a deleted claim.
    await call('articles:update-text', { id: lib.quota.id, text: 'Sellany rejected the quota plan. Negotiators left early.\n\nNothing more was said.' });
    await expectSameAsFiles(session);
    await call('articles:update', { id: lib.twinA.id, patch: { title: 'A briefing', published: '2026-09-30' } });
    await call('annotations:update', { articleId: lib.twinB.id, id: lib.c3.id, patch: { claim: claim(lib.marnow.id, 'contested', 'B', 3), note: 'THE fees' } });
    await expectSameAsFiles(session);
    await call('annotations:delete', { articleId: lib.undated.id, id: lib.c4.id });
    await expectSameAsFiles(session);
    await call('history:undo', {});
    await expectSameAsFiles(session);
    await call('history:undo', {});
    await call('history:undo', {});
    await expectSameAsFiles(session);
    await call('history:redo', {});
    await call('actors:merge', { survivorId: lib.alm.id, mergedId: lib.marnow.id });
    await expectSameAsFiles(session);
    await call('history:undo', {});
    await expectSameAsFiles(session);
    // A renamed speaker sorts elsewhere (the table sorts by name in the main process).
    await call('actors:update', { id: lib.marnow.id, fields: { name: 'Aaron Zed' } });
    await expectSameAsFiles(session);
  });

  it('is written at close and serves the next session without reading any article file', async () => {
    const dir = await tempDir();
    const first = await openTestProject(undefined, { directory: dir });
    await library(first);
    await expectSameAsFiles(first);
    await first.store.close();
    expect((await readdir(join(dir, ENTRIES_CACHE_DIR))).length).toBeGreaterThan(0);
    const second = await reopen(dir);
    const reads = countReads(second.store);
    const alm = second.store.project.actors.find((a) => a.name === 'Petra Alm')!;
    expect((await second.call('actors:dossier', { actorId: alm.id })).entries).toHaveLength(6);
    expect((await second.call('claims:table', {})).total).toBe(5);
    expect((await second.call('review:queue', { limit: 10 })).total).toBe(9);
    expect(reads()).toEqual([]);
    await expectSameAsFiles(second);
  });

  it('makes again the entries of an article edited outside the app between sessions, and only those', async () => {
    const dir = await tempDir();
    const first = await openTestProject(undefined, { directory: dir });
    const lib = await library(first);
    await expectSameAsFiles(first);
    await first.store.close();
    // Another program edits an article file: a claim is graded, a mention becomes reviewed.
    const path = join(dir, 'articles', `${lib.quota.id}.json`);
    const file = JSON.parse(await readFile(path, 'utf8'));
    for (const a of file.annotations) {
      if (a.claim) a.claim.verification = 'corroborated';
      else a.status = 'reviewed';
    }
    await writeFile(path, JSON.stringify(file, null, 2));
    const second = await reopen(dir);
    const reads = countReads(second.store);
    await askEveryView(second);
    expect(new Set(reads())).toEqual(new Set([lib.quota.id]));
    await expectSameAsFiles(second);
    expect((await second.call('claims:table', { filters: { verification: 'corroborated' } })).entries.map((e) => e.annotation.id).sort()).toEqual([lib.c1.id, lib.c2.id].sort());
  });

  it('notices an edit outside the app that keeps the file size (its time differs)', async () => {
    const dir = await tempDir();
    const first = await openTestProject(undefined, { directory: dir });
    const lib = await library(first);
    await expectSameAsFiles(first);
    await first.store.close();
    const path = join(dir, 'articles', `${lib.harbour.id}.json`);
    const text = await readFile(path, 'utf8');
    const before = await stat(path);
    const edited = text.replace('"reviewed"', '"disputed"');
    expect(edited).not.toBe(text);
    await writeFile(path, edited);
    await utimes(path, before.atime, new Date(before.mtimeMs + 5_000));
    expect((await stat(path)).size).toBe(before.size);
    const second = await reopen(dir);
    await expectSameAsFiles(second);
    expect((await second.call('claims:table', {})).entries.find((e) => e.annotation.id === lib.c1.id)?.annotation.status).toBe('disputed');
  });

  it.each([
    ['cut short by a crash while it was written', (file: Buffer) => file.subarray(0, Math.floor(file.length / 2))],
    ['garbage', () => Buffer.from('AWEC\u0000\u0000{"format":')],
    ['empty', () => Buffer.alloc(0)],
    ['damaged by a flipped bit in its header', (file: Buffer) => flip(file, 60)],
    ['damaged by a flipped bit in an entry', (file: Buffer) => flip(file, file.length - 30)],
  ])('is made again when a shard file is %s, and the views stay correct', async (_case, damage) => {
    const dir = await tempDir();
    const first = await openTestProject(undefined, { directory: dir });
    const lib = await library(first);
    await expectSameAsFiles(first);
    await first.store.close();
    const path = shardPath(dir, shardOf(lib.quota.id));
    const damaged = damage(await readFile(path));
    await writeFile(path, damaged);
    const second = await reopen(dir);
    await expectSameAsFiles(second);
    await second.store.close();
    // Written again whole at close: the next session reads no article.
    expect((await readFile(path)).equals(damaged)).toBe(false);
    const third = await reopen(dir);
    const reads = countReads(third.store);
    await askEveryView(third);
    expect(reads()).toEqual([]);
    await expectSameAsFiles(third);
  });

  it('opens correct after a kill during a cache write (an old shard and a temporary file left), and after a kill before any write', async () => {
    const dir = await tempDir();
    const first = await openTestProject(undefined, { directory: dir });
    const lib = await library(first);
    await expectSameAsFiles(first);
    await first.store.close();
    const shard = shardPath(dir, shardOf(lib.twinB.id));
    const old = await readFile(shard);
    const second = await reopen(dir);
    await second.call('annotations:update', { articleId: lib.twinB.id, id: lib.c3.id, patch: { status: 'reviewed', note: 'Confirmed by the port' } });
    await second.call('annotations:create', { articleId: lib.twinB.id, ...at(lib.twinB.text, 'Ferries run late'), kind: 'claim', claim: claim(lib.marnow.id) });
    await expectSameAsFiles(second);
    await second.store.close();
    // As if killed while the shard was being rewritten: the old file and a partial temporary one.
    await writeFile(shard, old);
    const temp = join(dir, ENTRIES_CACHE_DIR, `.${shard.split('/').pop()}.6c1f5e0a-1b2c-4d3e-8f90-a1b2c3d4e5f6.tmp`);
    await writeFile(temp, old.subarray(0, 100));
    const third = await reopen(dir);
    await expectSameAsFiles(third);
    expect((await third.call('actors:dossier', { actorId: lib.alm.id })).entries.find((e) => e.annotation.id === lib.c3.id)?.annotation.note).toBe('Confirmed by the port');
    await third.store.close();
    expect(await readdir(join(dir, ENTRIES_CACHE_DIR))).not.toContain(temp.split('/').pop());
    // Killed before the cache was ever written: no folder at all.
    await rm(join(dir, ENTRIES_CACHE_DIR), { recursive: true });
    const fourth = await reopen(dir);
    await expectSameAsFiles(fourth);
  });

  it('leaves out the entries of an article set aside as damaged since they were cached', async () => {
    const dir = await tempDir();
    const first = await openTestProject(undefined, { directory: dir });
    const lib = await library(first);
    await first.store.close();
    const second = await reopen(dir);
    await expectSameAsFiles(second);
    await writeFile(join(dir, 'articles', `${lib.undated.id}.json`), '{ not json');
    // The store finds it damaged when it next reads it, and sets it aside.
    await expect(second.call('articles:get', { id: lib.undated.id })).rejects.toThrow();
    expect(second.store.hasArticle(lib.undated.id)).toBe(false);
    expect((await second.call('actors:dossier', { actorId: lib.marnow.id })).entries).toEqual([]);
    await expectSameAsFiles(second);
  });
});

function flip(file: Buffer, at: number): Buffer {
  const copy = Buffer.from(file);
  copy[at]! ^= 1;
  return copy;
}
