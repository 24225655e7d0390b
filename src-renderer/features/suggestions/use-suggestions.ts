import { useMemo } from 'react';
import { pendingSuggestions, suggestionStart } from '../../../src-shared/suggest/pending';
import type { Suggestion } from '../../../src-shared/suggest/suggestion';
import { useApiQuery } from '../../api/queries';
import type { ArticleSession } from '../../app/workbench-context';

const NONE: Suggestion[] = [];

/**
 * The open article's pending suggestions, in text order. The main process already left out what
 * was rejected or annotated; the list is filtered again against the annotations on screen, so a
 * passage marked by hand stops being proposed at once.
 */
export function useSuggestions(session: ArticleSession | null) {
  const query = useApiQuery('suggestions:list', { articleId: session?.article.id ?? '' }, { enabled: Boolean(session) });
  const fetched = query.data?.articleId === session?.article.id ? query.data : undefined;
  const annotations = session?.annotations;
  const list = useMemo(() => {
    if (!fetched || !annotations) return NONE;
    return pendingSuggestions(fetched.suggestions, annotations, new Set()).sort((a, b) => suggestionStart(a) - suggestionStart(b));
  }, [fetched, annotations]);
  return { list, problem: fetched?.problem ?? null, loading: Boolean(session) && !fetched && !query.error, error: query.error };
}
