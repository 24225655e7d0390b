import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../src-shared/contract';
import type { Annotation } from '../../src-shared/domain/annotation';
import type { Article } from '../../src-shared/domain/article';
import { applyChange } from './cache-effects';
import { apiKey } from './queries';

const article = { id: 'a1', title: 'T', text: 'Some text here.' } as Article;
const annotation = (id: string, extra: Partial<Annotation> = {}): Annotation =>
  ({ id, articleId: 'a1', kind: 'highlight', target: { start: 0, end: 4, exact: 'Some', prefix: '', suffix: '' }, tags: [], note: '', status: 'draft', actorId: null, claim: null, anchor: 'anchored', createdAt: '', updatedAt: '', ...extra }) as Annotation;

/** A cache holding an open article and, on screen or not, the views that depend on it. */
function cacheWith(annotations: Annotation[]) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(apiKey('articles:get', { id: 'a1' }), { article, annotations });
  client.setQueryData(apiKey('articles:get', { id: 'a2' }), { article: { ...article, id: 'a2' }, annotations: [] });
  for (const [channel, input] of [['articles:page', { offset: 0, limit: 100 }], ['claims:table', {}], ['review:queue', { limit: 500 }], ['project:get', {}], ['history:state', {}]] as const) {
    client.setQueryData([channel, input], channel === 'claims:table' ? { total: 0, claims: 0, speakers: [], entries: [] } : []);
  }
  const stale = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated ?? false;
  return { client, stale };
}

describe('cache effects of mutations', () => {
  it('puts a created annotation into the cached article as returned, without reading the article again', async () => {
    const { client, stale } = cacheWith([annotation('x')]);
    await applyChange(client, 'annotations:create', { articleId: 'a1', start: 0, end: 4 }, annotation('new'));
    const value = client.getQueryData<ChannelOutput<'articles:get'>>(apiKey('articles:get', { id: 'a1' }));
    expect(value?.annotations.map((a) => a.id)).toEqual(['x', 'new']);
    expect(stale(apiKey('articles:get', { id: 'a1' }))).toBe(false);
    // The library counts, the review queue and the undo state did change; claims did not (a highlight).
    expect(stale(['articles:page', { offset: 0, limit: 100 }])).toBe(true);
    expect(stale(['review:queue', { limit: 500 }])).toBe(true);
    expect(stale(['history:state', {}])).toBe(true);
    expect(stale(['claims:table', {}])).toBe(false);
    expect(stale(['project:get', {}])).toBe(false);
  });

  it('refreshes exactly the articles an undo touched, and takes the undo state from its answer', async () => {
    const { client, stale } = cacheWith([]);
    const state = { undo: null, redo: 'Add claim' };
    await applyChange(client, 'history:undo', {}, { label: 'Add claim', articleIds: ['a1'], projectChanged: false, state });
    expect(stale(apiKey('articles:get', { id: 'a1' }))).toBe(true);
    expect(stale(apiKey('articles:get', { id: 'a2' }))).toBe(false);
    expect(stale(['claims:table', {}])).toBe(true);
    expect(stale(['review:queue', { limit: 500 }])).toBe(true);
    expect(client.getQueryData(['history:state', {}])).toEqual(state);
  });

  it('an undo of a project-only change leaves the articles and library views alone', async () => {
    const { client, stale } = cacheWith([]);
    await applyChange(client, 'history:undo', {}, { label: 'Add tag', articleIds: [], projectChanged: true, state: { undo: null, redo: 'Add tag' } });
    expect(stale(['project:get', {}])).toBe(true);
    expect(stale(apiKey('articles:get', { id: 'a1' }))).toBe(false);
    expect(stale(['claims:table', {}])).toBe(false);
  });

  it('removes a deleted annotation in place', async () => {
    const { client } = cacheWith([annotation('x'), annotation('y')]);
    await applyChange(client, 'annotations:delete', { articleId: 'a1', id: 'x' }, { id: 'x' });
    expect(client.getQueryData<ChannelOutput<'articles:get'>>(apiKey('articles:get', { id: 'a1' }))?.annotations.map((a) => a.id)).toEqual(['y']);
  });

  it('writes an updated annotation into every cached page of the claims table in place, then asks for the pages again', async () => {
    const { client, stale } = cacheWith([annotation('x')]);
    const pages = [apiKey('claims:table', { offset: 0 }), apiKey('claims:table', { offset: 100, sort: { key: 'grade', up: false } })];
    for (const key of pages) client.setQueryData(key, { total: 1, claims: 1, speakers: [], entries: [{ articleId: 'a1', annotation: annotation('x', { kind: 'claim' }) }] });
    await applyChange(client, 'annotations:update', { articleId: 'a1', id: 'x', patch: { note: 'checked' } }, annotation('x', { kind: 'claim', note: 'checked' }));
    for (const key of pages) {
      expect(client.getQueryData<ChannelOutput<'claims:table'>>(key)?.entries[0]?.annotation.note).toBe('checked');
      // Sorted and filtered in the main process: an edit may move the row.
      expect(stale(key)).toBe(true);
    }
  });

  it('a restore makes everything known out of date', async () => {
    const { client, stale } = cacheWith([]);
    await applyChange(client, 'project:import', { json: '{}' }, { articles: 1, annotations: 0, actors: 0, tags: 0 });
    expect(stale(apiKey('articles:get', { id: 'a2' }))).toBe(true);
    expect(stale(['project:get', {}])).toBe(true);
  });
});

describe('the network view follows changes', () => {
  it('is redrawn after a claim link, a new mention or an actor change, and left alone by a note', async () => {
    const { client } = cacheWith([]);
    const key = apiKey('network:graph', { filters: { coMention: false } });
    const networkStale = async (change: () => Promise<unknown>) => {
      client.setQueryData(key, { nodes: [], edges: [] });
      await change();
      return client.getQueryState(key)?.isInvalidated ?? false;
    };
    const ref = { articleId: 'a1', annotationId: 'x' };
    expect(await networkStale(() => applyChange(client, 'claims:link', { from: ref, to: { ...ref, annotationId: 'y' }, type: 'contradicts' }, { linked: true }))).toBe(true);
    expect(await networkStale(() => applyChange(client, 'annotations:create', { articleId: 'a1', start: 0, end: 4, kind: 'actor' }, annotation('m', { kind: 'actor', actorId: 'p' })))).toBe(true);
    expect(await networkStale(() => applyChange(client, 'actors:update', { id: 'p', fields: { name: 'New' } }, {} as never))).toBe(true);
    expect(await networkStale(() => applyChange(client, 'project:update-notes', { notes: 'n' }, { notes: 'n' }))).toBe(false);
  });
});
