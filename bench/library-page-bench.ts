/**
 * `npm run bench library-page-bench`: what the library list costs at 100,000 articles. Before
 * issue 16's paging, the renderer read every summary (`articles:list`) at start and after every
 * change; now it reads a page of 100 (`articles:page`) from orders the main process keeps. Printed:
 * the bytes of both answers and the time to write and read them as JSON, the first page of each
 * sort (the order made), later pages, a page after a save (the changed article placed again, not
 * the library sorted again), and a filtered page (first and next). The summaries are synthetic and
 * held in memory (no article files): this measures the list, not the disk.
 */
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { librarySortSchema, type LibrarySort } from '../src-shared/contract';
import type { ArticleSummary } from '../src-shared/domain/article';
import type { ArticleFile } from '../src-main/store/file-schemas';
import type { ProjectStore } from '../src-main/store/project-store';
import type { SearchIndex } from '../src-main/services/search-index';
import { libraryPageHandlers } from '../src-main/services/library-pages';
import { newestFirst } from '../src-main/store/summary-index';
import { benchSize } from './bench-size';
import { median, percentile } from './stats.mjs';
import { random } from './edit-suite/generate';

const ARTICLES = benchSize(100_000, 500);
const ROUNDS = benchSize(200, 5);
const SORTS: readonly LibrarySort[] = librarySortSchema.options;

const WORDS = ['ministers', 'harbour', 'talks', 'resume', 'quota', 'dispute', 'storm', 'coast', 'border', 'ceasefire', 'summit', 'delegation', 'vote', 'parliament', 'fishing', 'fees'];

/** A summary as large as a real one (about 700 bytes of JSON): a title, counts per actor, tag and status. */
function summaryOf(next: () => number, n: number, actors: string[], tags: string[]): ArticleSummary {
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!;
  const stamp = new Date(Date.UTC(2025, 0, 1) + n * 315_000).toISOString();
  const annotations = Math.floor(next() * 12);
  return {
    id: randomUUID(),
    title: Array.from({ length: 6 + Math.floor(next() * 6) }, () => pick(WORDS)).join(' '),
    source: pick(['Harbour Wire', 'Coast Daily', 'Port Aurel Times', 'Ministry statement']),
    url: `https://news.example/${n}`,
    published: next() < 0.1 ? '' : stamp.slice(0, 10),
    status: pick(['todo', 'in-progress', 'done'] as const),
    language: 'en',
    direction: 'ltr',
    createdAt: stamp,
    updatedAt: stamp,
    createdBy: { name: 'Analyst' },
    wordCount: 200 + Math.floor(next() * 1500),
    annotationCount: annotations,
    claimCount: Math.floor(annotations / 3),
    orphanCount: 0,
    actorMentions: { [pick(actors)]: 1 + Math.floor(next() * 3) },
    speakerClaims: annotations > 3 ? { [pick(actors)]: 1 } : {},
    tagCounts: { [pick(tags)]: 1 },
    statusCounts: { draft: annotations },
    verificationCounts: annotations > 3 ? { unverified: 1 } : {},
  } as ArticleSummary;
}

function timed<T>(run: () => T): [T, number] {
  const s = performance.now();
  const value = run();
  return [value, performance.now() - s];
}

async function timedAsync<T>(run: () => Promise<T>): Promise<[T, number]> {
  const s = performance.now();
  const value = await run();
  return [value, performance.now() - s];
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

async function main() {
  const next = random(16);
  const actors = Array.from({ length: 200 }, () => randomUUID());
  const tags = Array.from({ length: 30 }, () => randomUUID());
  const summaries = new Map<string, ArticleSummary>();
  for (let n = 0; n < ARTICLES; n++) {
    const summary = summaryOf(next, n, actors, tags);
    summaries.set(summary.id, summary);
  }
  const listeners: ((id: string, file: ArticleFile | null) => void)[] = [];
  // The part of the store the list reads; a save notifies first, then changes the summary, as the store does.
  // Like the store's summary index, the newest-first order is sorted once per change (here without a cache file to take it from).
  let sorted: readonly ArticleSummary[] | null = null;
  const store = {
    summaries: () => summaries.values(),
    newestFirst: () => (sorted ??= [...summaries.values()].sort(newestFirst)),
    summary: (id: string) => summaries.get(id),
    get articleCount() {
      return summaries.size;
    },
    onArticleChange: (listener: (id: string, file: ArticleFile | null) => void) => (listeners.push(listener), () => undefined),
  } as unknown as ProjectStore;
  const save = (summary: ArticleSummary) => {
    for (const listener of listeners) listener(summary.id, null);
    summaries.set(summary.id, summary);
    sorted = null;
  };
  const noIndex = () => {
    throw new Error('no words are searched here');
  };
  const passes = (filters: { articleStatus?: string }) => (s: ArticleSummary) => !filters.articleStatus || s.status === filters.articleStatus;
  const handlers = libraryPageHandlers(store, noIndex as () => SearchIndex, passes);
  const page = (input: { offset?: number; sort?: LibrarySort; filters?: { articleStatus?: 'done' } }) =>
    handlers['articles:page']({ query: '', filters: input.filters ?? {}, sort: input.sort ?? 'added', offset: input.offset ?? 0, limit: 100 });

  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}; ${ARTICLES.toLocaleString()} synthetic summaries in memory`);

  // What the renderer used to read at start and after each change.
  const all = [...summaries.values()];
  const [listJson, listWrite] = timed(() => JSON.stringify(all));
  const [, listRead] = timed(() => JSON.parse(listJson) as unknown);
  const [firstPage, firstTime] = await timedAsync(() => page({}));
  const pageJson = JSON.stringify(firstPage);
  const [, pageRead] = timed(() => JSON.parse(pageJson) as unknown);
  console.log(`articles:list (every summary):  ${(listJson.length / 1e6).toFixed(1)} MB of JSON, written in ${ms(listWrite)}, read in ${ms(listRead)} (without the transport)`);
  console.log(`articles:page (100 summaries):  ${(pageJson.length / 1e3).toFixed(0)} kB of JSON, read in ${ms(pageRead)}`);
  console.log(`first page, newest added:       ${ms(firstTime)} (the order made)`);
  for (const sort of SORTS.slice(1)) {
    const [, first] = await timedAsync(() => page({ sort }));
    console.log(`first page, sort ${sort.padEnd(12)}  ${ms(first)} (the order made)`);
  }

  const later: number[] = [];
  for (let i = 0; i < ROUNDS; i++) later.push((await timedAsync(() => page({ offset: Math.floor(next() * (ARTICLES / 100)) * 100, sort: SORTS[i % SORTS.length] })))[1]);
  console.log(`a later page, any sort:         p50 ${ms(median(later))}, p95 ${ms(percentile(later, 95))}`);

  // A highlight: one article's counts change; the five orders are brought up to date at the next page asked.
  const ids = [...summaries.keys()];
  const afterSave: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const id = ids[Math.floor(next() * ids.length)]!;
    const summary = summaries.get(id)!;
    save({ ...summary, annotationCount: summary.annotationCount + 1, title: `${summary.title} again` });
    afterSave.push((await timedAsync(() => page({ sort: SORTS[i % SORTS.length] })))[1]);
  }
  console.log(`a page after a save (5 orders):  p50 ${ms(median(afterSave))}, p95 ${ms(percentile(afterSave, 95))}`);

  const [, filteredFirst] = await timedAsync(() => page({ filters: { articleStatus: 'done' } }));
  const filteredNext: number[] = [];
  for (let i = 1; i <= Math.min(ROUNDS, 50); i++) filteredNext.push((await timedAsync(() => page({ filters: { articleStatus: 'done' }, offset: i * 100 })))[1]);
  console.log(`filtered (status done), first:  ${ms(filteredFirst)}; next pages p50 ${ms(median(filteredNext))}, p95 ${ms(percentile(filteredNext, 95))}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
