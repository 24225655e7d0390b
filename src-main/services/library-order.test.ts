import { describe, expect, it } from 'vitest';
import type { LibrarySort } from '../../src-shared/contract';
import type { ArticleSummary } from '../../src-shared/domain/article';
import type { ArticleFile } from '../store/file-schemas';
import type { ProjectStore } from '../store/project-store';
import { newestFirst } from '../store/summary-index';
import { LIBRARY_SORTS, LibraryOrder } from './library-order';
import { random } from '../../bench/edit-suite/generate';

/** The part of the store LibraryOrder reads, over summaries held in a map; `notify` is the store's change notification. */
function fakeStore() {
  const summaries = new Map<string, ArticleSummary>();
  const listeners: ((id: string, file: ArticleFile | null) => void)[] = [];
  /** How often every summary was read: once per order made. */
  const reads = { all: 0 };
  const store = {
    summaries: () => (reads.all++, summaries.values()),
    // The store keeps this order sorted (SummaryIndex.sorted).
    newestFirst: () => (reads.all++, [...summaries.values()].sort(newestFirst)),
    summary: (id: string) => summaries.get(id),
    get articleCount() {
      return summaries.size;
    },
    onArticleChange(listener: (id: string, file: ArticleFile | null) => void) {
      listeners.push(listener);
      return () => undefined;
    },
  } as unknown as ProjectStore;
  /** Saves a summary the way the store does: listeners first, then the summary. */
  const save = (summary: ArticleSummary) => {
    for (const listener of listeners) listener(summary.id, {} as ArticleFile);
    summaries.set(summary.id, summary);
  };
  return { store, summaries, save, reads };
}

const SORTS = Object.keys(LIBRARY_SORTS) as LibrarySort[];

function summary(next: () => number, n: number): ArticleSummary {
  const pick = <T,>(values: readonly T[]) => values[Math.floor(next() * values.length)]!;
  return {
    id: `id-${String(n).padStart(5, '0')}-${Math.floor(next() * 1e6)}`,
    title: pick(['Harbour talks', 'harbour Talks', 'Quota 10', 'Quota 9', 'Ébauche', 'Storm', 'Zebra crossing']),
    source: '',
    url: '',
    published: pick(['', '2026-01-02', '2026-01-03', '2025-12-31']),
    status: 'todo',
    // Few distinct values: ties are common, so the tie-break decides much of the order.
    createdAt: `2026-03-01T10:0${Math.floor(next() * 3)}:00.000Z`,
    updatedAt: '2026-03-01T10:00:00.000Z',
    wordCount: 10,
    annotationCount: Math.floor(next() * 4),
    claimCount: Math.floor(next() * 3),
    orphanCount: 0,
    actorMentions: {},
    speakerClaims: {},
    tagCounts: {},
    statusCounts: {},
    verificationCounts: {},
  };
}

/** The order a fresh sort gives. */
const sorted = (summaries: Map<string, ArticleSummary>, sort: LibrarySort) => [...summaries.values()].sort(LIBRARY_SORTS[sort]).map((s) => s.id);

describe('LibraryOrder', () => {
  it('keeps every sort equal to a fresh sort through saves, one or many at a time', () => {
    const next = random(16);
    const { store, summaries, save, reads } = fakeStore();
    for (let n = 0; n < 400; n++) save(summary(next, n));
    const order = new LibraryOrder(store);
    for (const sort of SORTS) expect(order.ids(sort)).toEqual(sorted(summaries, sort));
    const made = reads.all;
    for (let round = 0; round < 30; round++) {
      // Changed articles (new counts, titles, dates) and new ones, a few per round.
      const ids = [...summaries.keys()];
      for (let k = 0; k < 1 + Math.floor(next() * 4); k++) {
        const id = ids[Math.floor(next() * ids.length)]!;
        const changed = summary(next, 0);
        save({ ...changed, id });
      }
      if (round % 3 === 0) save(summary(next, 1000 + round));
      for (const sort of SORTS) expect(order.ids(sort)).toEqual(sorted(summaries, sort));
    }
    // Brought up to date article by article, never made again from every summary.
    expect(reads.all - made).toBe(0);
  });

  it('makes an order again when the store lost an article without saying (a damaged file set aside)', () => {
    const next = random(7);
    const { store, summaries, save } = fakeStore();
    for (let n = 0; n < 50; n++) save(summary(next, n));
    const order = new LibraryOrder(store);
    expect(order.ids('added')).toHaveLength(50);
    summaries.delete([...summaries.keys()][10]!);
    expect(order.ids('added')).toEqual(sorted(summaries, 'added'));
    expect(order.ids('added')).toHaveLength(49);
  });

  it('sorts whole again after many changes at once (a restore), and the version counts every change', () => {
    const next = random(3);
    const { store, summaries, save, reads } = fakeStore();
    const order = new LibraryOrder(store);
    expect(order.ids('claims')).toEqual([]);
    const before = order.version;
    for (let n = 0; n < 1500; n++) save(summary(next, n));
    expect(order.version - before).toBe(1500);
    expect(order.ids('claims')).toEqual(sorted(summaries, 'claims'));
    expect(reads.all).toBe(2);
  });

  it('orders undated articles last by publication date, and titles without regard to case, numbers by value', () => {
    const next = random(1);
    const { store, save } = fakeStore();
    const base = summary(next, 0);
    save({ ...base, id: 'a', title: 'Quota 10', published: '' });
    save({ ...base, id: 'b', title: 'quota 9', published: '2026-01-01' });
    save({ ...base, id: 'c', title: 'Alpha', published: '2026-02-01' });
    const order = new LibraryOrder(store);
    expect(order.ids('published')).toEqual(['c', 'b', 'a']);
    expect(order.ids('title')).toEqual(['c', 'b', 'a']);
  });
});
