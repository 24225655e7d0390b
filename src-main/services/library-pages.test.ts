import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../src-shared/contract';
import { tempDir } from '../store/test-helpers';
import { at, openTestProject } from './test-project';

type Page = ChannelInput<'articles:page'>;

/** A project whose articles were added a minute apart, in the order given (the last is the newest). */
async function library(directory?: string) {
  let minute = 0;
  const project = await openTestProject(() => new Date(Date.UTC(2026, 2, 1, 10, minute++)), directory ? { directory } : {});
  const { call } = project;
  const add = (title: string, published = '', source = 'Wire', text = `${title}. Nothing else happened that day.`) => call('articles:create', { title, published, source, text });
  const titles = (input: Page) => call('articles:page', input).then((page) => page.items.map((a) => a.title));
  return { ...project, add, titles };
}

describe('articles:page', () => {
  it('pages the library newest first: pages join without overlap or gap, with the total and the library size', async () => {
    const { add, call } = await library();
    for (let i = 1; i <= 7; i++) await add(`Article ${i}`);
    const pages = await Promise.all([0, 3, 6].map((offset) => call('articles:page', { offset, limit: 3 })));
    expect(pages.map((p) => p.items.map((a) => a.title))).toEqual([['Article 7', 'Article 6', 'Article 5'], ['Article 4', 'Article 3', 'Article 2'], ['Article 1']]);
    expect(pages.map((p) => [p.total, p.librarySize])).toEqual([[7, 7], [7, 7], [7, 7]]);
    // The summaries are whole: what the library shows needs no other call.
    expect(pages[0]!.items[0]).toMatchObject({ status: 'todo', wordCount: 7, annotationCount: 0, claimCount: 0, source: 'Wire' });
    expect((await call('articles:page', { offset: 7, limit: 3 })).items).toEqual([]);
    expect(await call('articles:ids', { offset: 2, limit: 2 })).toEqual({ total: 7, ids: pages[0]!.items.slice(2).map((a) => a.id).concat(pages[1]!.items[0]!.id) });
  });

  it('sorts by publication date (undated last), by title, and by annotations and claims, newest added breaking ties', async () => {
    const { add, call, titles } = await library();
    const old = await add('Bravo', '2025-01-01');
    await add('alpha', '');
    const recent = await add('Charlie', '2026-02-01');
    await add('Delta', '');
    expect(await titles({ sort: 'published' })).toEqual(['Charlie', 'Bravo', 'Delta', 'alpha']);
    // Case does not split the alphabet.
    expect(await titles({ sort: 'title' })).toEqual(['alpha', 'Bravo', 'Charlie', 'Delta']);
    await call('annotations:create', { articleId: old.id, ...at(old.text, 'Bravo'), kind: 'highlight' });
    const speaker = await call('actors:create', { name: 'Petra Alm' });
    for (const exact of ['Charlie', 'Nothing else happened']) {
      await call('annotations:create', { articleId: recent.id, ...at(recent.text, exact), kind: 'claim', claim: { speakerId: speaker.id, form: 'paraphrase', medium: '', reliability: null, credibility: null, verification: 'unverified' } });
    }
    expect(await titles({ sort: 'annotations' })).toEqual(['Charlie', 'Bravo', 'Delta', 'alpha']);
    expect(await titles({ sort: 'claims' })).toEqual(['Charlie', 'Delta', 'alpha', 'Bravo']);
  });

  it('narrows by words, the search filters and the pickers’ filters, counting what it selects', async () => {
    const { add, call, titles } = await library();
    const harbour = await add('Harbour talks', '2026-01-10', 'Port Wire', 'Negotiators met at the harbour to discuss fees.');
    await add('Quota dispute', '2026-01-12', 'Other Paper', 'Fishing quotas divided the ministers.');
    const storm = await add('Storm warning', '2026-01-14', 'Port Wire', 'Rain and storm along the coast; the harbour closed.');
    await call('articles:update', { id: harbour.id, patch: { status: 'done', assignedTo: ['Ana', 'Ben'] } });
    await call('articles:update', { id: storm.id, patch: { assignedTo: ['Ana'] } });

    const byWords = await call('articles:page', { query: 'harbour', sort: 'title' });
    expect([byWords.items.map((a) => a.title), byWords.total, byWords.librarySize]).toEqual([['Harbour talks', 'Storm warning'], 2, 3]);
    expect(await titles({ query: 'harbour', filters: { articleStatus: 'done' } })).toEqual(['Harbour talks']);
    expect(await titles({ filters: { source: 'port', from: '2026-01-11' } })).toEqual(['Storm warning']);
    expect(await titles({ filters: { title: 'DISPUTE' } })).toEqual(['Quota dispute']);
    expect(await titles({ filters: { assignedAtLeast: 2 } })).toEqual(['Harbour talks']);
    expect(await titles({ filters: { assignedAtLeast: 1 }, sort: 'title' })).toEqual(['Harbour talks', 'Storm warning']);
    expect(await call('articles:ids', { filters: { ids: [storm.id, harbour.id, '00000000-0000-4000-8000-000000000000'] } })).toEqual({ total: 2, ids: [storm.id, harbour.id] });
    expect((await call('articles:page', { filters: { ids: [] } })).total).toBe(0);
    // The next page of a narrowed list continues it.
    expect(await titles({ filters: { source: 'wire' }, offset: 1, limit: 1 })).toEqual(['Harbour talks']);
  });

  it('follows every saved change: a new article, a new annotation, a new title, under the same sort and filter', async () => {
    const { add, call, titles } = await library();
    const first = await add('Mango');
    await add('Kiwi');
    // Asked once, so the orders and the narrowed list are made and kept.
    expect(await titles({ sort: 'annotations' })).toEqual(['Kiwi', 'Mango']);
    expect(await titles({ sort: 'title' })).toEqual(['Kiwi', 'Mango']);
    expect(await titles({ filters: { title: 'o' } })).toEqual(['Mango']);

    await call('annotations:create', { articleId: first.id, ...at(first.text, 'Mango'), kind: 'highlight' });
    expect(await titles({ sort: 'annotations' })).toEqual(['Mango', 'Kiwi']);
    await call('articles:update', { id: first.id, patch: { title: 'Apple' } });
    expect(await titles({ sort: 'title' })).toEqual(['Apple', 'Kiwi']);
    expect(await titles({ filters: { title: 'o' } })).toEqual([]);
    await add('Orange');
    expect(await titles({})).toEqual(['Orange', 'Kiwi', 'Apple']);
    expect(await titles({ sort: 'title' })).toEqual(['Apple', 'Kiwi', 'Orange']);
    expect(await titles({ filters: { title: 'o' } })).toEqual(['Orange']);
    // Undo puts the title back, and the order with it.
    await call('history:undo', {});
    await call('history:undo', {});
    expect(await titles({ sort: 'title' })).toEqual(['Kiwi', 'Mango', 'Orange']);
  });

  it('drops an article whose file is found damaged and set aside', async () => {
    const directory = await tempDir();
    const before = await library(directory);
    const lost = await before.add('Lost');
    await before.add('Kept');
    await before.store.close();
    const { call, titles, store } = await library(directory);
    expect(await titles({ sort: 'title' })).toEqual(['Kept', 'Lost']);
    await writeFile(join(directory, 'articles', `${lost.id}.json`), '{"truncated":');
    // Found when read, or by the check of the files that runs after opening: set aside either way.
    await store.readArticle(lost.id).catch(() => null);
    expect(store.hasArticle(lost.id)).toBe(false);
    expect(await titles({ sort: 'title' })).toEqual(['Kept']);
    expect((await call('articles:page', {})).total).toBe(1);
  });

  it('refuses inputs outside its limits', async () => {
    const { router } = await library();
    for (const input of [{ limit: 0 }, { limit: 501 }, { offset: -1 }, { sort: 'random' }, { extra: true }, { filters: { colour: 'red' } }]) {
      expect((await router.handle('articles:page', input)).ok).toBe(false);
    }
  });
});
