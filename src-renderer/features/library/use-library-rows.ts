import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../src-shared/contract';
import type { ArticleSummary } from '../../../src-shared/domain/article';
import { useApi } from '../../api/api-context';
import { apiKey } from '../../api/queries';

/** Summaries per request: about ten screens of rows, 70 kB of JSON. */
export const LIBRARY_PAGE = 100;
/**
 * Pages scrolled past leave the cache this long after they leave the screen: scrolling back is
 * instant, and a long scroll through 100,000 articles does not keep them all in memory.
 */
const PAGE_GC_MS = 30_000;

/** Which articles the library lists, and in which order. */
export type LibrarySelection = Required<Pick<ChannelInput<'articles:page'>, 'query' | 'filters' | 'sort'>>;
type Page = ChannelOutput<'articles:page'>;

/** The library's rows, read a page at a time from the main process as they come on screen. */
export interface LibraryRows {
  /** How many articles the selection holds; undefined until the first page answers. */
  total: number | undefined;
  /** How many articles the library holds. */
  librarySize: number | undefined;
  /** The summary at a position, or undefined while its page is on its way. */
  at(index: number): ArticleSummary | undefined;
  /** Says which rows are on screen: the pages holding them are fetched (and kept fresh). */
  show(first: number, last: number): void;
  /** The rows shown are the previous selection's, while the new one's first page is on its way. */
  previous: boolean;
  /** The ids of the rows `first` to `last`, from the pages at hand or asked for. */
  idsBetween(first: number, last: number): Promise<string[]>;
  /** The ids of every article in the selection. */
  allIds(): Promise<string[]>;
}

interface Shown {
  firstPage: number;
  pages: (Page | undefined)[];
}

export function useLibraryRows(selection: LibrarySelection): LibraryRows {
  const api = useApi();
  const key = JSON.stringify(selection);
  const [range, setRange] = useState({ key, first: 0, last: 0 });
  // A new selection starts from its first page (the list scrolls back to the top).
  const [firstPage, lastPage] = range.key === key ? [range.first, range.last] : [0, 0];

  const results = useQueries({
    queries: Array.from({ length: lastPage - firstPage + 1 }, (_, i) => {
      const input = { ...selection, offset: (firstPage + i) * LIBRARY_PAGE, limit: LIBRARY_PAGE };
      return { queryKey: apiKey('articles:page', input), queryFn: () => api.call('articles:page', input), gcTime: PAGE_GC_MS };
    }),
  });

  // Until the new selection's first answer, the previous rows stay: the list does not blink
  // empty at every letter typed in the filter.
  const last = useRef<Shown | null>(null);
  const current = results.some((r) => r.data !== undefined);
  const pages = results.map((r) => r.data);
  const same = last.current?.firstPage === firstPage && last.current.pages.length === pages.length && pages.every((p, i) => p === last.current!.pages[i]);
  if (current && !same) last.current = { firstPage, pages };
  const shown = last.current;

  const at = useCallback(
    (index: number) => {
      const page = Math.floor(index / LIBRARY_PAGE);
      return shown?.pages[page - shown.firstPage]?.items[index - page * LIBRARY_PAGE];
    },
    [shown],
  );
  const answered = shown?.pages.find((p) => p !== undefined);

  const show = useCallback(
    (first: number, lastRow: number) => {
      const wanted = { key, first: Math.floor(Math.max(0, first) / LIBRARY_PAGE), last: Math.floor(Math.max(0, lastRow) / LIBRARY_PAGE) };
      setRange((now) => (now.key === wanted.key && now.first === wanted.first && now.last === wanted.last ? now : wanted));
    },
    [key],
  );

  const idsBetween = useCallback(
    async (first: number, lastRow: number) => {
      const known: string[] = [];
      for (let i = first; i <= lastRow; i++) {
        const summary = current ? at(i) : undefined;
        if (!summary) return (await api.call('articles:ids', { ...selection, offset: first, limit: lastRow - first + 1 })).ids;
        known.push(summary.id);
      }
      return known;
    },
    [api, selection, at, current],
  );
  const allIds = useCallback(async () => (await api.call('articles:ids', selection)).ids, [api, selection]);

  return useMemo(
    () => ({ total: answered?.total, librarySize: answered?.librarySize, at, show, previous: !current && shown !== null, idsBetween, allIds }),
    [answered, at, show, current, shown, idsBetween, allIds],
  );
}
