import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ProjectStore } from '../store/project-store';
import { tempDir } from '../store/test-helpers';
import { NETWORK_CACHE_FILE } from './network-cache-file';
import { at, openTestProject } from './test-project';

const FIRST = 'Valdoria said its troops had left the Kessel valley, and Ostrava knows it.';
const SECOND = 'Ostrava insisted that Valdorian units remained in the Kessel valley.';
const DETAILS = { form: 'direct-quote', medium: 'statement', reliability: null, credibility: null, verification: 'unverified' } as const;

async function setup(directory?: string) {
  const { router, call, store } = await openTestProject(undefined, { directory });
  const valdoria = await call('actors:create', { name: 'Valdoria', kind: 'state' });
  const ostrava = await call('actors:create', { name: 'Ostrava', kind: 'state' });
  const first = await call('articles:create', { title: 'Withdrawal', text: FIRST, published: '2026-02-01' });
  const second = await call('articles:create', { title: 'Reply', text: SECOND, published: '2026-02-03' });
  await call('annotations:create', { articleId: first.id, ...at(FIRST, 'Ostrava'), kind: 'actor', actorId: ostrava.id });
  const left = await call('annotations:create', { articleId: first.id, ...at(FIRST, 'its troops had left the Kessel valley, and Ostrava knows it'), kind: 'claim', claim: { ...DETAILS, speakerId: valdoria.id } });
  const remained = await call('annotations:create', { articleId: second.id, ...at(SECOND, 'Valdorian units remained in the Kessel valley'), kind: 'claim', claim: { ...DETAILS, speakerId: ostrava.id, verification: 'contested' } });
  await call('claims:link', { from: { articleId: second.id, annotationId: remained.id }, to: { articleId: first.id, annotationId: left.id }, type: 'contradicts' });
  return { router, call, store, valdoria, ostrava, left, remained };
}

describe('network', () => {
  it('answers the speakers, the actors their claims mention, and the contradiction', async () => {
    const { call, valdoria, ostrava } = await setup();
    const graph = await call('network:graph', {});
    expect(graph.nodes.map((n) => n.name).sort()).toEqual(['Ostrava', 'Valdoria']);
    expect(graph.edges.map((e) => `${e.type} ${e.source === valdoria.id ? 'V' : 'O'}>${e.target === ostrava.id ? 'O' : 'V'}`).sort()).toEqual(['contradicts O>V', 'mentions V>O']);
  });

  it('lists the claims behind an edge with their articles, under the same filters', async () => {
    const { call, valdoria, ostrava, remained } = await setup();
    const entries = await call('network:edge', { source: ostrava.id, target: valdoria.id, type: 'contradicts' });
    expect(entries.map((e) => [e.articleTitle, e.annotation.id, e.links[0]?.text])).toEqual([['Reply', remained.id, 'its troops had left the Kessel valley, and Ostrava knows it']]);
    expect(await call('network:edge', { source: ostrava.id, target: valdoria.id, type: 'contradicts', filters: { to: '2026-02-02' } })).toEqual([]);
    expect((await call('network:graph', { filters: { verification: 'contested' } })).edges).toEqual([]);
  });

  it('follows every change made after the network was first drawn: new marks, deletions, undo', async () => {
    const { call, valdoria, ostrava, left } = await setup();
    const edges = async () => (await call('network:graph', {})).edges.map((e) => `${e.type} ${e.source === valdoria.id ? 'V' : 'O'}>${e.target === ostrava.id ? 'O' : 'V'}`).sort();
    expect(await edges()).toEqual(['contradicts O>V', 'mentions V>O']);
    // Valdoria is now also marked inside Ostrava's claim: a new mentions edge, from the summaries kept in memory.
    const second = (await call('articles:list', {})).find((a) => a.title === 'Reply')!;
    await call('annotations:create', { articleId: second.id, ...at(SECOND, 'Valdorian'), kind: 'actor', actorId: valdoria.id });
    expect(await edges()).toEqual(['contradicts O>V', 'mentions O>V', 'mentions V>O']);
    await call('annotations:delete', { articleId: left.articleId, id: left.id });
    expect(await edges()).toEqual(['mentions O>V']);
    await call('history:undo', {});
    expect(await edges()).toEqual(['contradicts O>V', 'mentions O>V', 'mentions V>O']);
    const behind = await call('network:edge', { source: ostrava.id, target: valdoria.id, type: 'mentions' });
    expect(behind.map((e) => e.articleTitle)).toEqual(['Reply']);
  });

  it('refuses unknown filter keys and malformed dates', async () => {
    const { router } = await setup();
    expect(await router.handle('network:graph', { filters: { color: 'red' } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await router.handle('network:graph', { filters: { from: '1 May' } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  describe('the network summaries kept on disk (network-cache.jsonl)', () => {
    const shape = (graph: { nodes: { name: string }[]; edges: { type: string; count: number }[] }) => [graph.nodes.map((n) => n.name).sort(), graph.edges.map((e) => `${e.type} ${e.count}`).sort()];

    /** Opens the project again and counts the article files the network reads. */
    async function reopen(directory: string) {
      const reads = vi.spyOn(ProjectStore.prototype, 'peekArticles');
      const opened = await openTestProject(undefined, { directory });
      const read = () => reads.mock.calls.reduce((sum, [ids]) => sum + ids.length, 0);
      return { ...opened, read, [Symbol.dispose]: () => reads.mockRestore() };
    }

    it('lets the first network of the next session be built without reading the article files', async () => {
      const directory = await tempDir();
      const first = await setup(directory);
      const expected = shape(await first.call('network:graph', {}));
      await first.store.close();
      // Saved this session: their files' stamps are not known until the project is opened again, so nothing is written.
      await expect(readFile(join(directory, NETWORK_CACHE_FILE))).rejects.toThrow();

      {
        using second = await reopen(directory);
        expect(shape(await second.call('network:graph', {}))).toEqual(expected);
        expect(second.read()).toBe(2);
        await second.store.close();
      }
      using third = await reopen(directory);
      expect(shape(await third.call('network:graph', {}))).toEqual(expected);
      expect(third.read()).toBe(0);
      // The claims behind a link read only the files they quote from.
      const { actors } = await third.call('project:get', {});
      const ostrava = actors.find((a) => a.name === 'Ostrava')!;
      const valdoria = actors.find((a) => a.name === 'Valdoria')!;
      expect(await third.call('network:edge', { source: ostrava.id, target: valdoria.id, type: 'contradicts' })).toHaveLength(1);
    });

    it('reads again an article whose file changed while the project was closed', async () => {
      const directory = await tempDir();
      const first = await setup(directory);
      await first.store.close();
      {
        using second = await reopen(directory);
        await second.call('network:graph', {});
        await second.store.close();
      }
      // Another program drops the contradiction from the reply's file (its size changes).
      const reply = (await readFile(join(directory, NETWORK_CACHE_FILE), 'utf8')).split('\n').length - 1;
      expect(reply).toBe(2);
      const files = (await import('node:fs/promises')).readdir(join(directory, 'articles'));
      for (const name of await files) {
        const path = join(directory, 'articles', name);
        const file = JSON.parse(await readFile(path, 'utf8')) as { article: { title: string }; annotations: { claim: { links: unknown[] } | null }[] };
        if (file.article.title !== 'Reply') continue;
        for (const a of file.annotations) if (a.claim) a.claim.links = [];
        await writeFile(path, JSON.stringify(file));
      }
      using third = await reopen(directory);
      // Once the store's check of the files after opening has run (it announces the changed file), the network follows the file.
      await third.call('network:graph', {});
      await third.store.verified;
      const graph = await third.call('network:graph', {});
      expect(graph.edges.map((e) => e.type)).toEqual(['mentions']);
      // The store's check after opening read the changed file and announced it; the other came from the cache.
      expect(third.read()).toBe(0);
    });

    it('ignores a damaged cache file, answers from the article files and writes it anew', async () => {
      const directory = await tempDir();
      const first = await setup(directory);
      const expected = shape(await first.call('network:graph', {}));
      await first.store.close();
      {
        using second = await reopen(directory);
        await second.call('network:graph', {});
        await second.store.close();
      }
      const path = join(directory, NETWORK_CACHE_FILE);
      const bytes = await readFile(path);
      // One character of a row changed (a count or an id): the CRC-32 no longer matches.
      const at = bytes.lastIndexOf(0x22) - 3;
      bytes[at] = bytes[at] === 0x30 ? 0x31 : 0x30;
      await writeFile(path, bytes);
      {
        using third = await reopen(directory);
        expect(shape(await third.call('network:graph', {}))).toEqual(expected);
        expect(third.read()).toBe(2);
        await third.store.close();
      }
      // Cut short (as by a crash of some other writer): still refused, never half-used.
      await writeFile(path, (await readFile(path)).subarray(0, 200));
      using fourth = await reopen(directory);
      expect(shape(await fourth.call('network:graph', {}))).toEqual(expected);
      expect(fourth.read()).toBe(2);
    });
  
    it('are made in the background after opening, so that the first network of a project reads no file', async () => {
      const directory = await tempDir();
      const first = await setup(directory);
      const expected = shape(await first.call('network:graph', {}));
      await first.store.close();
      {
        // A session in which the Network view is never opened: the summaries are made and written all the same.
        const second = await openTestProject(undefined, { directory });
        const path = join(directory, NETWORK_CACHE_FILE);
        await vi.waitFor(() => readFile(path), { timeout: 15_000, interval: 200 });
        await second.store.close();
      }
      using third = await reopen(directory);
      expect(shape(await third.call('network:graph', {}))).toEqual(expected);
      expect(third.read()).toBe(0);
    }, 30_000);
  });
});
