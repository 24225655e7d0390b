import type { Handlers } from './handlers';
import { sliceWhole } from '../../src-shared/anchoring/quote-selector';
import type { ChannelInput } from '../../src-shared/contract';
import type { ArticleSummary } from '../../src-shared/domain/article';
import { paragraphsOf } from '../../src-shared/text/canonical';
import { foldForSearch } from '../../src-shared/text/fold';
import { wordSpans } from '../../src-shared/text/words';
import type { ProjectStore } from '../store/project-store';
import { claimsQueries } from './claims-queries';
import { EntriesCache } from './entries-cache';
import { dossierEntries, reviewQueue } from './entries-queries';
import { SearchIndex } from './search-index';
import { libraryPageHandlers } from './library-pages';
import { actorOf } from './validate';

export type LibraryHandlers = Pick<Handlers, 'search:query' | 'actors:dossier' | 'claims:table' | 'claims:timeline' | 'review:queue' | 'articles:page' | 'articles:ids'>;
type Filters = NonNullable<ChannelInput<'search:query'>['filters']>;

/** `searchIndexFile`: the persisted search index's bytes, read while the project opened (see openWorkbench). */
export function libraryHandlers(store: ProjectStore, searchIndexFile?: Promise<Uint8Array | null>): LibraryHandlers {
  // Built on first use (the app asks right after opening), in the background, never for stores
  // that are only seeded or tested without search.
  let searchIndex: SearchIndex | null = null;
  const index = (): SearchIndex => {
    if (searchIndex) return searchIndex;
    searchIndex = new SearchIndex(store, searchIndexFile);
    store.holdCheck(searchIndex.loaded);
    return searchIndex;
  };
  // Opened from the summary cache, the files are checked in the background: the persisted index
  // is loaded first (the analyst searches at once), before the check competes for the thread.
  if (store.isChecking) index();

  // Built on first use too; reading its files is quick, making what they lack runs in the background.
  let entriesCache: EntriesCache | null = null;
  let claims: ReturnType<typeof claimsQueries> | null = null;
  const cache = (): EntriesCache => (entriesCache ??= new EntriesCache(store));
  const claimsOf = () => (claims ??= claimsQueries(cache(), store));

  return {
    // The library's list, a page at a time, over the same search index.
    ...libraryPageHandlers(store, index, passes),

    'search:query': async ({ query, filters, limit }) => {
      const pass = passes(filters);
      const filtered = Object.values(filters).some((v) => v !== undefined && v !== '');
      const trimmed = query.trim();
      // A small library is indexed in a moment: wait a little rather than answer "nothing yet".
      if (trimmed) await Promise.race([index().ready, new Promise((resolve) => setTimeout(resolve, 250))]);
      let total: number;
      let top: { id: string; score: number; terms: string[] }[];
      if (trimmed) {
        // Only the best `limit` are ranked in full; the rest are only counted.
        // Unfiltered, every match counts: no lookup per match (100,000 of them cost more than the search).
        const found = index().search(
          trimmed,
          limit,
          filtered
            ? (id) => {
                const summary = store.summary(id);
                return summary !== undefined && pass(summary);
              }
            : undefined,
        );
        total = found.total;
        top = found.hits;
      } else {
        // Counted in place: asked right after opening and while indexing, it must not copy 100,000 summaries.
        const all = store.newestFirst();
        top = [];
        total = 0;
        for (const s of all) {
          if (filtered && !pass(s)) continue;
          if (++total <= limit) top.push({ id: s.id, score: 0, terms: [] as string[] });
          else if (!filtered) {
            total = all.length;
            break;
          }
        }
      }
      // Snippets need the texts: only for the first results a person will read, read in parallel.
      const texts = new Map((await store.peekArticles(top.slice(0, 20).filter((h) => h.terms.length).map((h) => h.id))).map((f) => [f.article.id, f.article.text]));
      // The index follows every save and delete synchronously; a hit without a summary is skipped all the same.
      const articles = top.filter((hit) => store.summary(hit.id)).map((hit) => {
        const summary = store.summary(hit.id)!;
        const text = texts.get(hit.id);
        return { id: hit.id, title: summary.title, source: summary.source, published: summary.published, score: hit.score, snippet: text ? snippetOf(text, hit.terms) : null };
      });
      const q = foldForSearch(trimmed);
      const actors = q
        ? store.project.actors.filter((a) => [a.name, ...a.aliases].some((n) => foldForSearch(n).includes(q))).slice(0, 10).map((a) => ({ id: a.id, name: a.name, description: a.description }))
        : [];
      return { indexing: index().progress(), total, articles, actors };
    },

    'actors:dossier': async ({ actorId }) => {
      const project = store.project;
      const actor = actorOf(project, actorId);
      const list = await dossierEntries(cache(), store, actorId);
      return {
        actor,
        affiliation: actor.affiliationId ? project.actors.find((a) => a.id === actor.affiliationId)?.name ?? null : null,
        members: project.actors.filter((a) => a.affiliationId === actorId).map((a) => a.name),
        entries: list,
      };
    },

    'claims:table': (input) => claimsOf().table(input),

    'claims:timeline': (input) => claimsOf().timeline(input),

    'review:queue': ({ limit }) => reviewQueue(cache(), store, limit),
  };
}

function passes(filters: Filters): (s: ArticleSummary) => boolean {
  return (s) =>
    (!filters.actorId || Boolean(s.actorMentions[filters.actorId] || s.speakerClaims[filters.actorId])) &&
    (!filters.tagId || Boolean(s.tagCounts[filters.tagId])) &&
    (!filters.verification || Boolean(s.verificationCounts[filters.verification])) &&
    (!filters.reviewStatus || Boolean(s.statusCounts[filters.reviewStatus])) &&
    (!filters.articleStatus || s.status === filters.articleStatus) &&
    (!filters.source || s.source.toLowerCase().includes(filters.source.toLowerCase())) &&
    (!filters.from || (s.published !== '' && s.published >= filters.from)) &&
    (!filters.to || (s.published !== '' && s.published <= filters.to));
}

/**
 * The first word of `text` that a matched term begins, with context. Words and folding are the
 * index's own (src-shared/text), so a term found inside a Chinese run or in a voweled Arabic word
 * is found here too; MiniSearch reports the folded term, the snippet shows the author's spelling.
 */
export function snippetOf(text: string, terms: readonly string[]) {
  let best = -1;
  let length = 0;
  // Only a paragraph that holds a term is cut into words: segmenting a long Chinese text whole
  // would cost seconds, folding it paragraph by paragraph a few milliseconds.
  for (const paragraph of terms.length > 0 ? paragraphsOf(text) : []) {
    const slice = text.slice(paragraph.start, paragraph.end);
    const folded = foldForSearch(slice);
    if (!terms.some((term) => folded.includes(term))) continue;
    const span = wordSpans(slice).find((s) => terms.some((term) => foldForSearch(s.word).startsWith(term)));
    if (span) {
      best = paragraph.start + span.start;
      length = span.end - span.start;
      break;
    }
  }
  if (best === -1) return null;
  const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, best - 80)) + 1);
  const to = Math.min(text.length, best + length + 100);
  return {
    before: (from > 0 ? '…' : '') + sliceWhole(text, from, best).replace(/\n+/g, ' '),
    match: text.slice(best, best + length),
    after: sliceWhole(text, best + length, to).replace(/\n+/g, ' ') + (to < text.length ? '…' : ''),
    start: best,
    end: best + length,
  };
}
