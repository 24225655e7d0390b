import { useCallback, useMemo, useState } from 'react';
import { useApiQuery } from '../api/queries';
import type { ArticleSession } from './workbench-context';
import { applyCodingFilter, useCodingFilter } from '../features/agreement/coding-filter';
import { useAnalystName } from '../features/agreement/use-analyst-name';

/**
 * The open article, read through the query cache, and what is selected in it. A selection
 * belongs to its article and lapses when its annotation is gone (deleted, or undone).
 */
export function useArticleSession(articleId: string | null): ArticleSession | null {
  const { data } = useApiQuery('articles:get', { id: articleId ?? '' }, { enabled: articleId !== null });
  // While coding independently, the reader and its panels see only the analyst's own annotations.
  const filter = useCodingFilter();
  const me = useAnalystName();
  const [selection, setSelection] = useState<{ articleId: string | null; id: string | null }>({ articleId: null, id: null });

  const select = useCallback(
    (id: string | null, options?: { scroll?: boolean }) => {
      setSelection({ articleId, id });
      if (id && options?.scroll) {
        // After React has drawn the selection outline.
        requestAnimationFrame(() => document.querySelector(`mark[data-ids~="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
      }
    },
    [articleId],
  );

  return useMemo<ArticleSession | null>(() => {
    if (!data || data.article.id !== articleId) return null;
    const { article } = data;
    const annotations = applyCodingFilter(data.annotations, filter, me);
    const selectedId = selection.articleId === articleId && selection.id && annotations.some((a) => a.id === selection.id) ? selection.id : null;
    return { article, annotations, selectedId, select };
  }, [data, articleId, selection, select, filter, me]);
}
