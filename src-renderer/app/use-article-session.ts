import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Annotation } from '../../src-shared/domain/annotation';
import type { Article } from '../../src-shared/domain/article';
import type { ApiClient } from '../api/api-client';
import type { ArticleSession } from './workbench-context';

export interface SessionControl {
  session: ArticleSession | null;
  /** Reloads the open article from the store (after a change or an undo). */
  reload(): Promise<void>;
  /** Shows a change before the store confirms it (replaced by the reload that follows). */
  setAnnotations(update: (list: Annotation[]) => Annotation[]): void;
}

/** Loads the open article and keeps what is selected in it. */
export function useArticleSession(api: ApiClient, articleId: string | null, onError: (error: unknown) => void): SessionControl {
  const [article, setArticle] = useState<Article | null>(null);
  const [annotations, setAnnotationList] = useState<Annotation[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const reload = useCallback(async () => {
    if (!articleId) return;
    try {
      const value = await api.call('articles:get', { id: articleId });
      setArticle(value.article);
      setAnnotationList(value.annotations);
      setSelectedId((id) => (id && value.annotations.some((a) => a.id === id) ? id : null));
    } catch (error) {
      onError(error);
    }
  }, [api, articleId, onError]);

  useEffect(() => {
    setArticle(null);
    setAnnotationList([]);
    setSelectedId(null);
    void reload();
  }, [reload]);

  const select = useCallback((id: string | null, options?: { scroll?: boolean }) => {
    setSelectedId(id);
    if (id && options?.scroll) {
      // After React has drawn the selection outline.
      requestAnimationFrame(() => document.querySelector(`mark[data-ids~="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
    }
  }, []);

  const session = useMemo<ArticleSession | null>(
    () => (article && article.id === articleId ? { article, annotations, selectedId, select } : null),
    [article, articleId, annotations, selectedId, select],
  );
  return { session, reload, setAnnotations: setAnnotationList };
}
