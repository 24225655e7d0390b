import type { Handlers } from './handlers';
import type { ParsedInput } from '../../src-shared/contract';
import type { ArticleSummary } from '../../src-shared/domain/article';
import type { ProjectStore } from '../store/project-store';
import { LibraryOrder } from './library-order';
import type { SearchIndex } from './search-index';

export type LibraryPageHandlers = Pick<Handlers, 'articles:page' | 'articles:ids'>;
type Selection = Pick<ParsedInput<'articles:page'>, 'query' | 'filters' | 'sort'>;
type Filters = Selection['filters'];
/** The filters `search:query` takes too. */
type SearchFilters = Omit<Filters, 'title' | 'assignedAtLeast' | 'ids'>;
type SearchPasses = (filters: SearchFilters) => (s: ArticleSummary) => boolean;

/** Selections remembered, so the next pages of a filtered or searched list cost no more than the page. */
const REMEMBERED = 8;

/**
 * The library a page at a time (`articles:page`, `articles:ids`): summaries in a kept order
 * (LibraryOrder), narrowed by the search filters, the pickers' filters and, for words, the
 * search index. The selected ids of the last few selections are kept until an article changes.
 *
 * `passes` is the search filters' test (library-service.ts), `searchIndex` the library's index.
 */
export function libraryPageHandlers(store: ProjectStore, searchIndex: () => SearchIndex, passes: SearchPasses): LibraryPageHandlers {
  const order = new LibraryOrder(store);
  const remembered = new Map<string, { version: number; ids: readonly string[] }>();

  /** The ids selected, in order: the kept order itself when nothing narrows it. */
  async function select({ query, filters, sort }: Selection): Promise<readonly string[]> {
    const words = query.trim();
    const narrowed = words !== '' || Object.values(filters).some((v) => v !== undefined && v !== '');
    if (!narrowed) return order.ids(sort);
    const key = JSON.stringify([words, filters, sort]);
    const known = remembered.get(key);
    if (known && known.version === order.version) return known.ids;

    const pass = pagePasses(filters, passes);
    let keep: (id: string) => boolean;
    let complete = true;
    if (words) {
      const index = searchIndex();
      // A small library is indexed in a moment: wait a little rather than answer "nothing yet".
      await Promise.race([index.ready, new Promise((resolve) => setTimeout(resolve, 250))]);
      complete = index.progress().indexed >= index.progress().total;
      const found = new Set<string>();
      // Every match is wanted, in the library's order, not the best few by relevance.
      index.search(words, 1, (id) => {
        const summary = store.summary(id);
        if (summary === undefined || !pass(summary)) return false;
        found.add(id);
        return true;
      });
      keep = (id) => found.has(id);
    } else {
      keep = (id) => {
        const summary = store.summary(id);
        return summary !== undefined && pass(summary);
      };
    }
    const version = order.version;
    const ids = order.ids(sort).filter(keep);
    // While the index is still being built, the same words find more later: not remembered.
    if (complete) {
      remembered.delete(key);
      remembered.set(key, { version, ids });
      if (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value!);
    }
    return ids;
  }

  return {
    'articles:page': async ({ offset, limit, ...selection }) => {
      const ids = await select(selection);
      const items: ArticleSummary[] = [];
      for (const id of ids.slice(offset, offset + limit)) {
        const summary = store.summary(id);
        if (summary) items.push(summary);
      }
      return { total: ids.length, librarySize: store.articleCount, items };
    },

    'articles:ids': async ({ offset, limit, ...selection }) => {
      const ids = await select(selection);
      return { total: ids.length, ids: ids.slice(offset, limit === undefined ? undefined : offset + limit) };
    },
  };
}

/** The search filters' test, with the pickers' own: words of the title, analysts assigned, chosen ids. */
function pagePasses(filters: Filters, passes: SearchPasses): (s: ArticleSummary) => boolean {
  const { title, assignedAtLeast, ids, ...search } = filters;
  const searchPasses = passes(search);
  const words = title?.trim().toLowerCase() ?? '';
  const only = ids ? new Set(ids) : null;
  return (s) =>
    (only === null || only.has(s.id)) &&
    (words === '' || s.title.toLowerCase().includes(words)) &&
    (assignedAtLeast === undefined || (s.assignedTo?.length ?? 0) >= assignedAtLeast) &&
    searchPasses(s);
}
