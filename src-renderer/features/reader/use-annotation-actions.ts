import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import type { Annotation } from '../../../src-shared/domain/annotation';
import { apiKey, useApiMutation } from '../../api/queries';
import { useChange } from '../../app/use-change';
import { useWorkbench, type ArticleSession } from '../../app/workbench-context';

type ArticleValue = ChannelOutput<'articles:get'>;
/** The optimistic copy of a new highlight, and whether the store has answered for it. */
interface Pending {
  id: string;
  settled: boolean;
}

/** A passage chosen in the article, with where its toolbar floats. */
export interface PendingSelection {
  start: number;
  end: number;
  exact: string;
  top: number;
  left: number;
}

/** Paints the selection as a pending highlight, or clears it (null). A no-op without the API. */
function paintPending(selection: Selection | null): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  if (selection && selection.rangeCount > 0) CSS.highlights.set('workbench-pending', new Highlight(selection.getRangeAt(0).cloneRange()));
  else CSS.highlights.delete('workbench-pending');
}

/** A new highlight as the reader draws it before the store has answered. */
function pendingAnnotation(articleId: string, range: PendingSelection, tags: string[]): Annotation {
  const stamp = new Date().toISOString();
  return {
    id: `pending-${Date.now()}`,
    articleId,
    kind: 'highlight',
    target: { start: range.start, end: range.end, exact: range.exact, prefix: '', suffix: '' },
    tags,
    note: '',
    status: 'draft',
    actorId: null,
    claim: null,
    anchor: 'anchored',
    createdAt: stamp,
    updatedAt: stamp,
  };
}

/**
 * What the reader's toolbar and keys do to annotations: highlight (shown at once, confirmed or
 * rolled back by the store's answer), tag, delete, mark reviewed or disputed, re-attach.
 */
export function useAnnotationActions(session: ArticleSession, ordered: readonly Annotation[]) {
  const client = useQueryClient();
  const { tagsById } = useWorkbench();
  const change = useChange();
  const { article, select } = session;
  const key = apiKey('articles:get', { id: article.id });

  /** Takes the pending copy out again (it may not have been put in yet: see onMutate). */
  const settle = (pending: Pending | undefined) => {
    if (pending) pending.settled = true;
    client.setQueryData<ArticleValue>(key, (value) => value && { ...value, annotations: value.annotations.filter((a) => a.id !== pending?.id) });
    paintPending(null);
  };
  const { mutateAsync: createHighlight } = useApiMutation('annotations:create', {
    onMutate: (input): Pending => {
      // Painted in this very frame with the CSS Custom Highlight API; the pending copy joins the
      // cached article right after that frame (redrawing thousands of marks must not delay it),
      // unless the store has answered first. The answer replaces it; a failure removes it.
      paintPending(window.getSelection());
      const annotation = pendingAnnotation(article.id, { ...input, top: 0, left: 0, exact: input.exact ?? '' }, input.tags ?? []);
      const pending: Pending = { id: annotation.id, settled: false };
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (pending.settled) return;
          void client.cancelQueries({ queryKey: key });
          client.setQueryData<ArticleValue>(key, (value) => value && { ...value, annotations: [...value.annotations, annotation] });
        }),
      );
      return pending;
    },
    onSuccess: (_created, _input, pending) => settle(pending),
    onError: (_error, _input, pending) => settle(pending),
  });
  const { mutateAsync: update } = useApiMutation('annotations:update');
  const { mutateAsync: del } = useApiMutation('annotations:delete');
  const { mutateAsync: reattachCall } = useApiMutation('annotations:reattach');

  const create = useCallback(
    (range: PendingSelection, tags: string[] = []) =>
      change(
        async () => select((await createHighlight({ articleId: article.id, start: range.start, end: range.end, exact: range.exact, kind: 'highlight', tags })).id),
        tags.length ? `Tagged ${tags.map((t) => tagsById.get(t)?.name).join(', ')}.` : 'Highlight saved.',
      ),
    [article.id, change, createHighlight, select, tagsById],
  );

  const toggleTag = useCallback(
    (annotation: Annotation, tagId: string) => {
      const on = annotation.tags.includes(tagId);
      return change(
        () => update({ articleId: article.id, id: annotation.id, patch: { tags: on ? annotation.tags.filter((t) => t !== tagId) : [...annotation.tags, tagId] } }),
        `${on ? 'Removed' : 'Applied'} tag ${tagsById.get(tagId)?.name ?? ''}.`,
      );
    },
    [article.id, change, tagsById, update],
  );

  const remove = useCallback(
    (annotation: Annotation) => {
      const index = ordered.findIndex((a) => a.id === annotation.id);
      return change(async () => {
        await del({ articleId: article.id, id: annotation.id });
        select(ordered[index + 1]?.id ?? ordered[index - 1]?.id ?? null);
      }, 'Annotation deleted. Undo with Ctrl+Z.');
    },
    [article.id, change, del, ordered, select],
  );

  const setReview = useCallback(
    (annotation: Annotation, status: 'reviewed' | 'disputed') => change(() => update({ articleId: article.id, id: annotation.id, patch: { status } }), `Marked ${status}.`),
    [article.id, change, update],
  );

  const reattach = useCallback(
    (annotation: Annotation, range: PendingSelection): Promise<boolean> =>
      change(() => reattachCall({ articleId: article.id, id: annotation.id, start: range.start, end: range.end }), 'Annotation re-attached.'),
    [article.id, change, reattachCall],
  );

  return { create, toggleTag, remove, setReview, reattach };
}
