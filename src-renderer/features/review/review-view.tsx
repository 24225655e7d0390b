import { useCallback, useState } from 'react';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { keyHints, PRIORITY, useShortcuts } from '../../app/keymap';
import { useWorkbench } from '../../app/workbench-context';
import { EntryView } from '../dossier/entry-view';
import { SuggestionsReview } from '../suggestions/suggestions-review';

/** The Review view walks draft annotations or pending suggestions. */
export function ReviewView() {
  const [mode, setMode] = useState<'annotations' | 'suggestions'>('annotations');
  return (
    <section className="view-main review-view" aria-label="Review queue">
      <div className="review-modes" role="group" aria-label="What to review">
        <button type="button" aria-pressed={mode === 'annotations'} onClick={() => setMode('annotations')}>
          Annotations
        </button>
        <button type="button" aria-pressed={mode === 'suggestions'} onClick={() => setMode('suggestions')}>
          Suggestions
        </button>
      </div>
      {mode === 'annotations' ? <AnnotationsReview /> : <SuggestionsReview />}
    </section>
  );
}

/**
 * A keyboard-driven pass over what needs attention (draft and orphaned annotations): one at a
 * time, in context. R marks reviewed, D disputed, Delete deletes, N or → goes to the next.
 */
function AnnotationsReview() {
  const { reportError, setStatus } = useWorkbench();
  // Read through the cache: an undo, an import or an edit elsewhere refreshes the queue on screen.
  const queue = useApiQuery('review:queue', { limit: 500 }).data ?? null;
  const [position, setPosition] = useState(0);
  const { mutateAsync: del } = useApiMutation('annotations:delete');
  const { mutateAsync: update } = useApiMutation('annotations:update');

  const item = queue?.items[Math.min(position, (queue?.items.length ?? 1) - 1)];

  const act = useCallback(
    async (action: 'reviewed' | 'disputed' | 'delete') => {
      if (!item) return;
      try {
        if (action === 'delete') await del({ articleId: item.articleId, id: item.annotation.id });
        else await update({ articleId: item.articleId, id: item.annotation.id, patch: { status: action } });
        setStatus(action === 'delete' ? 'Deleted. Undo with Ctrl+Z.' : `Marked ${action}.`);
      } catch (failure) {
        reportError(failure);
      }
    },
    [del, item, reportError, setStatus, update],
  );

  const next = useCallback(() => setPosition((p) => (queue && p + 1 < queue.items.length ? p + 1 : 0)), [queue]);

  useShortcuts({ reviewMarkReviewed: () => void act('reviewed'), reviewMarkDisputed: () => void act('disputed'), reviewDelete: () => void act('delete'), reviewNext: next }, PRIORITY.view);

  return (
    <>
      {!queue && <p className="muted">Loading…</p>}
      {queue && (
        <p className="review-progress" aria-live="polite">
          {queue.total === 0 ? 'Nothing left to review.' : `${queue.total} left to review: ${queue.drafts} drafts, ${queue.orphans} lost after edits. Showing ${Math.min(position, queue.items.length - 1) + 1} of ${queue.items.length}.`}
        </p>
      )}
      {item && (
        <>
          <EntryView entry={item} />
          <div className="review-actions">
            <button type="button" className="primary" onClick={() => void act('reviewed')} aria-keyshortcuts="R">
              Mark reviewed
            </button>
            <button type="button" onClick={() => void act('disputed')} aria-keyshortcuts="D">
              Mark disputed
            </button>
            <button type="button" className="danger" onClick={() => void act('delete')} aria-keyshortcuts="Delete">
              Delete
            </button>
            <button type="button" onClick={next} aria-keyshortcuts="N">
              Next
            </button>
          </div>
          <p className="muted">Keys: {keyHints('Review view')}</p>
        </>
      )}
    </>
  );
}
