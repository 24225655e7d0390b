import type { ArticleSummary } from '../../src-shared/domain/article';
import type { LibrarySort } from '../../src-shared/contract';
import type { ProjectStore } from '../store/project-store';
import { newestFirst } from '../store/summary-index';

/**
 * Past this many articles changed since the orders were last brought up to date, they are sorted
 * again (when next asked); below it, each changed article is taken out of each order and put back
 * at its new place: two binary searches and two array splices, well under a millisecond at
 * 100,000 articles, against 100 ms or more for a sort.
 */
const RESORT_AFTER = 200;

const titles = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Newest added first, the store's own order (so that order is taken as it is, not sorted again). */
const byAdded = newestFirst;

/** Each sort, with newest added as the tie-break: pages of a sorted list never overlap nor skip. */
export const LIBRARY_SORTS: Record<LibrarySort, (a: ArticleSummary, b: ArticleSummary) => number> = {
  added: byAdded,
  // Undated articles last; YYYY-MM-DD dates compare as plain strings.
  published: (a, b) => (a.published === b.published ? byAdded(a, b) : (b.published || '0') < (a.published || '0') ? -1 : 1),
  title: (a, b) => titles.compare(a.title, b.title) || byAdded(a, b),
  annotations: (a, b) => b.annotationCount - a.annotationCount || byAdded(a, b),
  claims: (a, b) => b.claimCount - a.claimCount || byAdded(a, b),
};

/**
 * The library's article ids in each sort order, kept between requests: sorting 100,000 summaries
 * for every page asked would cost more than the page. An order is made on first use and kept up
 * to date from the store's change notifications; one that no longer has as many articles as the
 * store (an article set aside as damaged, a restore) is made again.
 */
export class LibraryOrder {
  private readonly orders = new Map<LibrarySort, string[]>();
  /**
   * Articles changed since the orders were last brought up to date, with their summary as it was
   * then (undefined for a new article): the orders are sorted by those, so that is how each
   * changed article is found in them.
   */
  private readonly changed = new Map<string, ArticleSummary | undefined>();
  private changes = 0;

  constructor(private readonly store: ProjectStore) {
    // Called before the store's summary changes, so the summary read here is the one the orders know.
    store.onArticleChange((id) => {
      if (!this.changed.has(id)) this.changed.set(id, store.summary(id));
      this.changes++;
    });
  }

  /** Counts the changes seen, so a result computed from the orders can tell it is out of date. */
  get version(): number {
    return this.changes;
  }

  /** Every article id in `sort` order. The array is the order itself: read it, do not change it. */
  ids(sort: LibrarySort): readonly string[] {
    this.catchUp();
    let order = this.orders.get(sort);
    if (!order) {
      // Newest first is the store's order, kept sorted (and read so from its cache at open).
      order = sort === 'added' ? this.store.newestFirst().map((s) => s.id) : [...this.store.summaries()].sort(LIBRARY_SORTS[sort]).map((s) => s.id);
      this.orders.set(sort, order);
    }
    return order;
  }

  /** Puts the changed articles at their new places in every order made, or drops the orders if that is not worth it. */
  private catchUp(): void {
    if (this.changed.size > RESORT_AFTER) this.orders.clear();
    if (this.changed.size > 0) {
      for (const [sort, order] of this.orders) if (!this.replace(order, LIBRARY_SORTS[sort])) this.orders.delete(sort);
    }
    this.changed.clear();
    // A summary removed without a notification (an article file found damaged and set aside).
    for (const [sort, order] of this.orders) if (order.length !== this.store.articleCount) this.orders.delete(sort);
  }

  /** Takes the changed articles out of `order` and puts them back where they now belong; false if one was not where expected. */
  private replace(order: string[], compare: Compare): boolean {
    // Until it is taken out, a changed article sorts by the summary the order was made with.
    const pending = new Map(this.changed);
    const known = (id: string) => (pending.has(id) ? pending.get(id) : this.store.summary(id));
    for (const [id, before] of this.changed) {
      if (before) {
        const at = placeOf(order, before, compare, known);
        if (order[at] !== id) return false;
        order.splice(at, 1);
      }
      pending.delete(id);
    }
    for (const id of this.changed.keys()) {
      const now = this.store.summary(id);
      if (now) order.splice(placeOf(order, now, compare, known), 0, id);
    }
    return true;
  }
}

type Compare = (a: ArticleSummary, b: ArticleSummary) => number;

/** Where `summary` goes in `order` (sorted by `compare` over `known`): the first place whose article does not sort before it. */
function placeOf(order: readonly string[], summary: ArticleSummary, compare: Compare, known: (id: string) => ArticleSummary | undefined): number {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const other = known(order[middle]!);
    // An id without a summary cannot be placed against: the count check then makes the order again.
    if (!other || compare(other, summary) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
