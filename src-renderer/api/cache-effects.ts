import type { QueryClient } from '@tanstack/react-query';
import type { ChannelInput, ChannelOutput } from '../../src-shared/contract';
import type { Annotation } from '../../src-shared/domain/annotation';
import type { MutationChannel, QueryChannel } from './query-channels';

type ArticleValue = ChannelOutput<'articles:get'>;
type ClaimsPage = ChannelOutput<'claims:table'>;

/** What one mutation's answer does to the cache: writes it where it is the new state, invalidates the rest. */
type Effect<C extends MutationChannel> = (cache: CacheWriter, input: ChannelInput<C>, output: ChannelOutput<C>) => Promise<unknown>;

/** Views built from annotations across the library. */
const LIBRARY_VIEWS = ['claims:table', 'claims:timeline', 'claims:list', 'review:queue', 'actors:dossier', 'actors:find-mentions', 'search:query', 'agreement:analysts', 'agreement:compute', 'agreement:curation', 'suggestions:list', 'suggestions:pending'] as const satisfies readonly QueryChannel[];

/** The library's list, read a page at a time (its counts, titles and order follow every change to an article). */
const LIBRARY_LIST = ['articles:page', 'articles:ids'] as const satisfies readonly QueryChannel[];

const NETWORK_VIEWS = ['network:graph', 'network:edge'] as const satisfies readonly QueryChannel[];
const NETWORK_SOURCES: readonly QueryChannel[] = ['articles:page', 'project:get', 'claims:table'];

/** Small verbs over the query cache, keyed as queries.ts keys it (`[channel, input]`). */
export class CacheWriter {
  constructor(readonly client: QueryClient) {}

  /**
   * Marks every answer of these channels stale; those on screen are fetched again. The network
   * is drawn from every claim, mention and actor: whatever changes the library's counts, the
   * registry or the claims' links redraws it.
   */
  invalidate(...channels: QueryChannel[]): Promise<unknown> {
    const all = channels.some((c) => NETWORK_SOURCES.includes(c)) ? [...channels, ...NETWORK_VIEWS] : channels;
    return Promise.all(all.map((channel) => this.client.invalidateQueries({ queryKey: [channel] })));
  }

  /** Invalidates the open copies of these articles (all of them for 'all'). */
  invalidateArticles(ids: readonly string[] | 'all'): Promise<unknown> {
    if (ids === 'all') return this.invalidate('articles:get');
    return Promise.all([...new Set(ids)].map((id) => this.client.invalidateQueries({ queryKey: ['articles:get', { id }] })));
  }

  /** Changes a cached article in place (nothing happens if it is not cached). */
  updateArticle(id: string, update: (value: ArticleValue) => ArticleValue): void {
    this.client.setQueryData<ArticleValue>(['articles:get', { id }], (value) => value && update(value));
  }

  setArticle(value: ArticleValue): void {
    this.client.setQueryData<ArticleValue>(['articles:get', { id: value.article.id }], value);
  }

  /** Replaces an annotation wherever a cached page of the claims table holds it. */
  updateEntries(annotation: Annotation): void {
    this.client.setQueriesData<ClaimsPage>({ queryKey: ['claims:table'] }, (page) => page && { ...page, entries: page.entries.map((e) => (e.annotation.id === annotation.id ? { ...e, annotation } : e)) });
  }

  /**
   * How many calls of `channel` on the same item are still under way, this one included. An
   * answer that a later call will supersede is not written, so quick successive edits to one
   * item never flicker back to an intermediate state.
   */
  inFlight(channel: MutationChannel, sameItem: (input: unknown) => boolean): number {
    return this.client.getMutationCache().findAll({ mutationKey: [channel], status: 'pending' }).filter((m) => sameItem(m.state.variables)).length;
  }
}

/** Inserts or replaces an annotation in a cached article. */
function upsert(value: ArticleValue, annotation: Annotation): ArticleValue {
  const others = value.annotations.filter((a) => a.id !== annotation.id);
  return { ...value, annotations: [...others, annotation] };
}

const sameAnnotation = (id: string) => (input: unknown) => typeof input === 'object' && input !== null && (input as { id?: unknown }).id === id;

/**
 * For every channel that changes the project: what its answer changes in the cache. The map is
 * total over the contract's mutation channels, so a new channel does not compile until it says.
 * Every change is recorded in the undo history, so each one also refreshes the undo state.
 */
export const effects: { [C in MutationChannel]: Effect<C> } = {
  'articles:create': (cache, _input, article) => {
    cache.setArticle({ article, annotations: [] });
    return cache.invalidate(...LIBRARY_LIST, 'search:query', 'history:state');
  },
  'import:commit': (cache) => cache.invalidate(...LIBRARY_LIST, 'search:query', 'history:state'),
  'articles:update': (cache, input, article) => {
    cache.updateArticle(article.id, (value) => ({ ...value, article }));
    // Library views name each entry's article (title, source, date).
    const described = ['title', 'source', 'published'].some((key) => key in input.patch);
    return cache.invalidate(...LIBRARY_LIST, 'search:query', 'history:state', ...(described ? LIBRARY_VIEWS : []));
  },
  'articles:update-text': (cache, _input, { article, annotations }) => {
    cache.setArticle({ article, annotations });
    return cache.invalidate(...LIBRARY_LIST, 'history:state', ...LIBRARY_VIEWS);
  },
  'annotations:create': (cache, input, annotation) => {
    cache.updateArticle(input.articleId, (value) => upsert(value, annotation));
    const counted = annotation.kind !== 'highlight' || annotation.tags.length > 0 || Boolean(input.newActor);
    return cache.invalidate(...LIBRARY_LIST, 'history:state', 'review:queue', 'search:query', ...(annotation.kind === 'claim' ? (['claims:table', 'claims:timeline', 'claims:list'] as const) : []), ...(annotation.kind === 'highlight' ? [] : (['actors:dossier', 'actors:find-mentions'] as const)), ...(counted ? (['project:get'] as const) : []));
  },
  'annotations:update': (cache, input, annotation) => {
    // The claims table is sorted and filtered in the main process: once the last of quick edits
    // to a claim is saved, its pages are asked again (an edited grade may move the row).
    const last = cache.inFlight('annotations:update', sameAnnotation(annotation.id)) <= 1;
    if (last) {
      cache.updateArticle(input.articleId, (value) => upsert(value, annotation));
      cache.updateEntries(annotation);
    }
    const counted = 'tags' in input.patch || 'actorId' in input.patch || 'claim' in input.patch;
    const claims = annotation.kind === 'claim' ? (['claims:list', 'claims:timeline', ...(last ? (['claims:table'] as const) : [])] as const) : [];
    return cache.invalidate(...LIBRARY_LIST, 'history:state', 'review:queue', 'search:query', 'actors:dossier', ...claims, ...(counted ? (['project:get'] as const) : []));
  },
  'annotations:reattach': (cache, input, annotation) => {
    cache.updateArticle(input.articleId, (value) => upsert(value, annotation));
    return cache.invalidate(...LIBRARY_LIST, 'history:state', ...LIBRARY_VIEWS);
  },
  'annotations:delete': (cache, input) => {
    const cached = cache.client.getQueryData<ArticleValue>(['articles:get', { id: input.articleId }]);
    const linked = cached?.annotations.find((a) => a.id === input.id)?.claim?.links ?? [];
    cache.updateArticle(input.articleId, (value) => ({ ...value, annotations: value.annotations.filter((a) => a.id !== input.id) }));
    // Claims that linked to it lose the link: their articles are read again.
    return Promise.all([cache.invalidateArticles(linked.map((l) => l.articleId)), cache.invalidate(...LIBRARY_LIST, 'project:get', 'history:state', ...LIBRARY_VIEWS)]);
  },
  'project:update-notes': (cache, _input, { notes }) => {
    cache.client.setQueryData<ChannelOutput<'project:get'>>(['project:get', {}], (project) => project && { ...project, notes });
    return cache.invalidate('history:state');
  },
  'actors:create': (cache) => cache.invalidate('project:get', 'search:query', 'history:state'),
  // The claims table sorts by speaker name in the main process.
  'actors:update': (cache) => cache.invalidate('project:get', 'search:query', 'actors:dossier', 'actors:find-mentions', 'claims:table', 'history:state'),
  // Mentions and claims move or go in any article.
  'actors:merge': (cache) => Promise.all([cache.invalidateArticles('all'), cache.invalidate(...LIBRARY_LIST, 'project:get', 'history:state', ...LIBRARY_VIEWS)]),
  'actors:delete': (cache) => Promise.all([cache.invalidateArticles('all'), cache.invalidate(...LIBRARY_LIST, 'project:get', 'history:state', ...LIBRARY_VIEWS)]),
  'actors:accept-mentions': (cache, input) =>
    Promise.all([cache.invalidateArticles(input.mentions.map((m) => m.articleId)), cache.invalidate(...LIBRARY_LIST, 'project:get', 'history:state', ...LIBRARY_VIEWS)]),
  'tags:create': (cache) => cache.invalidate('project:get', 'history:state'),
  'tags:update': (cache) => cache.invalidate('project:get', 'history:state'),
  'tags:merge': (cache) => Promise.all([cache.invalidateArticles('all'), cache.invalidate(...LIBRARY_LIST, 'project:get', 'history:state', ...LIBRARY_VIEWS)]),
  'tags:delete': (cache) => Promise.all([cache.invalidateArticles('all'), cache.invalidate(...LIBRARY_LIST, 'project:get', 'history:state', ...LIBRARY_VIEWS)]),
  'claims:link': (cache, input) => Promise.all([cache.invalidateArticles([input.from.articleId, input.to.articleId]), cache.invalidate('claims:table', 'claims:timeline', 'actors:dossier', 'history:state')]),
  'claims:unlink': (cache, input) => Promise.all([cache.invalidateArticles([input.from.articleId, input.to.articleId]), cache.invalidate('claims:table', 'claims:timeline', 'actors:dossier', 'history:state')]),
  'import:w3c': (cache) => Promise.all([cache.invalidateArticles('all'), cache.invalidate(...LIBRARY_LIST, 'project:get', 'history:state', ...LIBRARY_VIEWS)]),
  // A restore fills the whole (empty) project: everything known is out of date.
  'project:import': (cache) => cache.client.invalidateQueries(),
  // Suggestions: accepting writes annotations and actors; rejecting, the article's rejected keys.
  'suggestions:accept': (cache, input) => Promise.all([cache.invalidateArticles([input.articleId]), cache.invalidate(...LIBRARY_LIST, 'project:get', 'history:state', ...LIBRARY_VIEWS)]),
  'suggestions:reject': (cache) => cache.invalidate('suggestions:list', 'suggestions:pending', 'history:state'),
  // A run writes nothing; the Review view's list is refreshed when it ends (suggest-dialog.tsx).
  'suggestions:run': () => Promise.resolve(),
  'suggestions:cancel': () => Promise.resolve(),
  // A share or sync may bring in any file: everything known is out of date.
  'sync:share': (cache) => cache.client.invalidateQueries(),
  'sync:run': (cache) => cache.client.invalidateQueries(),
  'sync:restore': (cache, input) =>
    Promise.all([cache.invalidateArticles([input.articleId]), cache.invalidate(...LIBRARY_LIST, 'project:get', 'history:state', 'search:query', ...LIBRARY_VIEWS)]),
  'sync:resolve': (cache, _input, result) =>
    Promise.all([
      cache.invalidateArticles(result.articleId ? [result.articleId] : []),
      cache.invalidate('sync:conflicts', 'sync:status', 'history:state', ...LIBRARY_LIST, ...(result.projectChanged ? (['project:get'] as const) : []), ...LIBRARY_VIEWS),
    ]),
  'history:undo': (cache, _input, step) => applyStep(cache, step),
  'history:redo': (cache, _input, step) => applyStep(cache, step),
  'agreement:curate': (cache, input, { created }) => {
    cache.updateArticle(input.articleId, (value) => created.reduce(upsert, value));
    return cache.invalidate('agreement:curation', ...LIBRARY_LIST, 'history:state', 'review:queue', 'claims:table', 'claims:timeline', 'claims:list', 'actors:dossier', 'project:get');
  },
  // The app's settings are not part of the project nor of its undo history.
  'settings:update': async (cache, _input, settings) => cache.client.setQueryData(['settings:get', {}], settings),
};

/** An undo or redo says which articles it rewrote and whether project data changed. */
function applyStep(cache: CacheWriter, step: ChannelOutput<'history:undo'>): Promise<unknown> {
  cache.client.setQueryData(['history:state', {}], step.state);
  const articles = step.articleIds.length > 0;
  return Promise.all([
    cache.invalidateArticles(step.articleIds),
    cache.invalidate(...(articles ? ([...LIBRARY_LIST, ...LIBRARY_VIEWS] as const) : []), ...(articles || step.projectChanged ? (['project:get', 'search:query'] as const) : [])),
  ]);
}

/** Applies a mutation's answer to the cache; settles when the views on screen have been refreshed. */
export function applyChange<C extends MutationChannel>(client: QueryClient, channel: C, input: ChannelInput<C>, output: ChannelOutput<C>): Promise<unknown> {
  const effect: Effect<C> = effects[channel];
  return effect(new CacheWriter(client), input, output);
}
