import { useCallback } from 'react';
import type { ChannelInput } from '../../../src-shared/contract';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useDebounced } from '../../ui/use-debounced';

const NONE: string[] = [];

/**
 * Where the Agreement view's articles come from: the library read through `articles:page` and
 * `articles:ids`, never whole. `listed` articles whose title holds `filter` (newest first) are
 * offered; the chosen ones are those `picked`, as far as the library still holds them, or by
 * default the articles assigned to two or more analysts (the ones coded independently).
 */
export function useAgreementArticles(filter: string, picked: ReadonlySet<string> | null, listed: number) {
  const api = useApi();
  const title = useDebounced(filter.trim(), 150);
  const offered: Pick<ChannelInput<'articles:page'>, 'query' | 'filters' | 'sort'> = { query: '', filters: title ? { title } : {}, sort: 'added' };
  const page = useApiQuery('articles:page', { ...offered, offset: 0, limit: listed }, { keepPrevious: true }).data;
  const chosen = useApiQuery('articles:ids', { filters: picked ? { ids: [...picked] } : { assignedAtLeast: 2 } }, { keepPrevious: true });
  const offeredKey = JSON.stringify(offered);
  const allShown = useCallback(
    async () => (await api.call('articles:ids', JSON.parse(offeredKey) as ChannelInput<'articles:ids'>)).ids,
    [api, offeredKey],
  );
  return {
    /** The first `listed` articles the filter lets through. */
    shown: page?.items ?? [],
    /** How many articles the filter lets through. */
    shownTotal: page?.total ?? 0,
    /** How many articles the library holds. */
    librarySize: page?.librarySize ?? 0,
    /** The chosen articles the library holds, in library order. */
    chosenIds: chosen.data?.ids ?? NONE,
    /** The chosen ids answer the current choice (not the previous one, while the new one is checked). */
    settled: chosen.data !== undefined && !chosen.isPlaceholderData,
    /** Every article the filter lets through, for "Choose all shown". */
    allShown,
  };
}
