import { crc32 } from 'node:zlib';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '../../src-shared/contract';
import { TEXT_VERSION } from '../../src-shared/text/version';
import { createRouter } from '../api/router';
import { ProjectStore } from '../store/project-store';
import { tempDir } from '../store/test-helpers';
import { createHandlers } from '.';
import { readSearchIndexFile, SEARCH_INDEX_FILE } from './search-index-file';
import { SearchIndex } from './search-index';

/** The index file's parts: its JSON header, its body, and where the body keeps the ids' and the terms' lines. */
function splitIndexFile(file: Buffer) {
  const length = file.readUInt32LE(4);
  const header = JSON.parse(file.subarray(8, 8 + length).toString('utf8')) as Record<string, unknown> & { documents: number; terms: number; postings: number; idBytes: number; termBytes: number };
  const body = file.subarray((8 + length + 7) & ~7);
  // Stamps (2 × 8 bytes), field lengths (3 × 4) per article; counts per term (3 × 4); postings (4 + 1); then the lines.
  const postingsAt = 16 * header.documents + 12 * header.documents + 12 * header.terms;
  const idsAt = postingsAt + 5 * header.postings;
  const termsAt = idsAt + header.idBytes;
  const lines = (from: number, bytes: number) => body.subarray(from, from + bytes).toString('utf8').split('\n');
  return { header, body, postingsAt, idsAt, termsAt, ids: lines(idsAt, header.idBytes), terms: lines(termsAt, header.termBytes) };
}

/** An index file from a header and a body, laid out as the app writes it (the check sum as given in the header). */
function joinIndexFile(header: object, body: Buffer): Buffer {
  const json = Buffer.from(JSON.stringify(header));
  const start = Buffer.alloc(((8 + json.length + 7) & ~7) - json.length);
  start.write('AWSI', 0, 'latin1');
  start.writeUInt32LE(json.length, 4);
  return Buffer.concat([start.subarray(0, 8), json, start.subarray(8), body]);
}

/** The file with `bytes` written into its body at `at`, and a check sum that matches (damage the check sum cannot see). */
function rewriteBody(file: Buffer, at: (parts: ReturnType<typeof splitIndexFile>) => number, bytes: Buffer): Buffer {
  const parts = splitIndexFile(file);
  const copy = Buffer.from(parts.body);
  bytes.copy(copy, at(parts));
  return joinIndexFile({ ...parts.header, crc32: crc32(copy) }, copy);
}

/** One session over a project folder: the real router, closed when the test ends if still open. */
async function openSession(dir: string) {
  const store = await ProjectStore.open(dir);
  onTestFinished(() => store.close());
  const router = createRouter(createHandlers(store), () => undefined);
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await router.handle(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
    return result.value as ChannelOutput<C>;
  };
  /** Ids found by the search, sorted (the index is complete before it answers: awaited first). */
  const found = async (query: string): Promise<string[]> => {
    const first = await call('search:query', { query, limit: 50, filters: {} });
    if (first.indexing.indexed < first.indexing.total) throw new Error('the index was still building');
    return first.articles.map((a) => a.id).sort();
  };
  return { store, call, found };
}

/** A project of three articles, closed once so that its search index is on disk. */
async function savedProject() {
  const dir = await tempDir();
  const { store, call } = await openSession(dir);
  const harbour = await call('articles:create', { title: 'Harbour talks resume', text: 'The ministers agreed to resume negotiations over the harbour.', source: '', url: '', published: '' });
  const quota = await call('articles:create', { title: 'Quota dispute widens', text: 'Sellany rejected the quota plan. Negotiators left early.', source: '', url: '', published: '' });
  const weather = await call('articles:create', { title: 'Weather report', text: 'Rain is expected across the coast.', source: '', url: '', published: '' });
  await call('search:query', { query: 'rain', limit: 1, filters: {} });
  await store.close();
  return { dir, harbour, quota, weather };
}

/** Which articles a fresh index reads from disk while it becomes complete. */
async function articlesReadAtOpen(dir: string): Promise<string[]> {
  const store = await ProjectStore.open(dir);
  onTestFinished(() => store.close());
  const peek = vi.spyOn(store, 'peekArticle');
  const index = new SearchIndex(store);
  await index.ready;
  expect(index.progress()).toEqual({ indexed: store.articleCount, total: store.articleCount });
  await store.close();
  return peek.mock.calls.map(([id]) => id).sort();
}

describe('persisted search index', () => {
  it('is written at close and used at the next open without reading any article', async () => {
    const { dir, harbour } = await savedProject();
    const { header, ids } = splitIndexFile(await readFile(join(dir, SEARCH_INDEX_FILE)));
    expect(header.text).toBe(TEXT_VERSION);
    expect(ids).toHaveLength(3);
    expect(await articlesReadAtOpen(dir)).toEqual([]);
    const { found } = await openSession(dir);
    expect(await found('harbor')).toEqual([harbour.id]);
  });

  it('redoes only the articles saved after the index was written (killed before the next write)', async () => {
    const { dir, harbour, quota } = await savedProject();
    const written = await readFile(join(dir, SEARCH_INDEX_FILE));
    const { store, call } = await openSession(dir);
    await call('articles:update', { id: quota.id, patch: { note: 'Zeppelin sighting over the port' } });
    await call('articles:update', { id: harbour.id, patch: { title: 'Pier talks resume' } });
    await store.close();
    // As if the app had been killed before the index with these saves reached the disk.
    await writeFile(join(dir, SEARCH_INDEX_FILE), written);
    expect(await articlesReadAtOpen(dir)).toEqual([harbour.id, quota.id].sort());
    const { found } = await openSession(dir);
    expect(await found('zeppelin')).toEqual([quota.id]);
    expect(await found('pier')).toEqual([harbour.id]);
    expect(await found('harbour')).toEqual([harbour.id]); // still in its text
    expect(await found('ministers resume')).toEqual([harbour.id]);
  });

  it('catches an annotation note edited after the index was written, which leaves the article date alone', async () => {
    const { dir, weather } = await savedProject();
    const written = await readFile(join(dir, SEARCH_INDEX_FILE));
    const { store, call } = await openSession(dir);
    await call('annotations:create', { articleId: weather.id, start: 0, end: 4, exact: 'Rain', kind: 'highlight', note: 'Monsoon pattern' });
    await store.close();
    await writeFile(join(dir, SEARCH_INDEX_FILE), written);
    expect(await articlesReadAtOpen(dir)).toEqual([weather.id]);
    const { found } = await openSession(dir);
    expect(await found('monsoon')).toEqual([weather.id]);
  });

  it.each([
    ['cut short by a crash while it was written', (file: Buffer) => file.subarray(0, Math.floor(file.length / 2))],
    ['garbage', () => Buffer.from('\u0000\u0000{"format":')],
    ['empty', () => Buffer.alloc(0)],
    ['damaged by one flipped bit in its arrays', (file: Buffer) => {
      const copy = Buffer.from(file);
      copy[copy.length - 1]! ^= 1;
      return copy;
    }],
    ['written by another way of cutting words', (file: Buffer) => {
      const { header, body } = splitIndexFile(file);
      return joinIndexFile({ ...header, text: TEXT_VERSION + 1 }, body);
    }],
    ['written in another format', (file: Buffer) => {
      const { header, body } = splitIndexFile(file);
      return joinIndexFile({ ...header, format: 999 }, body);
    }],
    ['holding a posting past its last article (with a check sum that matches)', (file: Buffer) => {
      const posting = Buffer.alloc(4);
      posting.writeUInt32LE(999);
      return rewriteBody(file, (parts) => parts.postingsAt, posting);
    }],
    ['listing an article twice (with a check sum that matches)', (file: Buffer) => {
      const { ids } = splitIndexFile(file);
      return rewriteBody(file, (parts) => parts.idsAt, Buffer.from(`${ids[0]}\n${ids[0]}`));
    }],
    ['listing its terms out of order (with a check sum that matches)', (file: Buffer) => {
      const { terms } = splitIndexFile(file);
      return rewriteBody(file, (parts) => parts.termsAt, Buffer.from(`${terms[1]}\n${terms[0]}`));
    }],
  ])('is rebuilt whole when %s, and the project opens with correct results', async (_case, damage) => {
    const { dir, harbour, quota, weather } = await savedProject();
    const path = join(dir, SEARCH_INDEX_FILE);
    const damaged = damage(await readFile(path));
    expect(damaged.equals(await readFile(path))).toBe(false);
    await writeFile(path, damaged);
    expect(await articlesReadAtOpen(dir)).toEqual([harbour.id, quota.id, weather.id].sort());
    const { store, found } = await openSession(dir);
    expect(await found('negotiat')).toEqual([harbour.id, quota.id].sort());
    expect(await found('coast')).toEqual([weather.id]);
    await store.close();
    // The rebuilt index replaced the damaged one.
    expect(await articlesReadAtOpen(dir)).toEqual([]);
  });

  it('redoes an article saved in a session that never searched (that session left the old index as it was)', async () => {
    const dir = await tempDir();
    const { store, call } = await openSession(dir);
    const a = await call('articles:create', { title: 'Budget vote', text: 'Parliament votes on the budget.', source: '', url: '', published: '' });
    await call('search:query', { query: 'budget', limit: 1, filters: {} });
    await store.close();
    const second = await openSession(dir);
    await second.call('articles:update', { id: a.id, patch: { note: 'Filibuster expected' } });
    await second.store.close();
    const { found } = await openSession(dir);
    expect(await found('filibuster')).toEqual([a.id]);
  });

  it('opens with correct results after a kill mid-write left a temporary file beside the last complete index', async () => {
    const { dir, weather } = await savedProject();
    const temp = join(dir, `.${SEARCH_INDEX_FILE}.0b6d3a52-5c4e-4d8e-9d5e-1f2a3b4c5d6e.tmp`);
    await writeFile(temp, (await readFile(join(dir, SEARCH_INDEX_FILE))).subarray(0, 100));
    const { store, found } = await openSession(dir);
    expect(await found('coast')).toEqual([weather.id]);
    await store.close();
    expect(await readdir(dir)).not.toContain(basename(temp));
  });

  it('takes the bytes read while the project opened, checked as a file read later is', async () => {
    const { dir, harbour, quota, weather } = await savedProject();
    const readWith = async (file: Promise<Uint8Array | null>) => {
      const store = await ProjectStore.open(dir);
      onTestFinished(() => store.close());
      const peek = vi.spyOn(store, 'peekArticle');
      const index = new SearchIndex(store, file);
      await index.ready;
      const hits = index.search('negotiat', 10).hits.map((h) => h.id).sort();
      await store.close();
      return { read: peek.mock.calls.map(([id]) => id).sort(), hits };
    };
    const sound = await readWith(readSearchIndexFile(dir));
    expect(sound).toEqual({ read: [], hits: [harbour.id, quota.id].sort() });
    const bytes = await readSearchIndexFile(dir);
    bytes![bytes!.length - 1]! ^= 1;
    const damaged = await readWith(Promise.resolve(bytes));
    expect(damaged).toEqual({ read: [harbour.id, quota.id, weather.id].sort(), hits: [harbour.id, quota.id].sort() });
    expect(await readWith(Promise.resolve(null))).toEqual(damaged);
  });

  it('drops the entry of an article whose file is gone since the index was written', async () => {
    const { dir, harbour, quota, weather } = await savedProject();
    await rm(join(dir, 'articles', `${weather.id}.json`));
    expect(await articlesReadAtOpen(dir)).toEqual([]);
    const { store, found } = await openSession(dir);
    // Opened from the summary cache, the store learns that the file is gone from its check of the
    // files after opening (held until the index has loaded): search is right from then on.
    await store.verified;
    expect(await found('coast')).toEqual([]);
    expect(await found('negotiat')).toEqual([harbour.id, quota.id].sort());
    await store.close();
    const { ids } = splitIndexFile(await readFile(join(dir, SEARCH_INDEX_FILE)));
    expect([...ids].sort()).toEqual([harbour.id, quota.id].sort());
  });
});
