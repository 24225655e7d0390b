import { useCallback, useState, type ReactNode } from 'react';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { keyHints, PRIORITY, useShortcuts } from '../../app/keymap';
import { useChange } from '../../app/use-change';
import { ANNOTATION_KIND_LABELS } from '../../ui/labels';
import { EntryView } from '../dossier/entry-view';
import { QueueList } from './queue-list';
import { SuggestionsReview } from '../suggestions/suggestions-review';

/** The Review view walks draft annotations or pending suggestions. */
export function ReviewView() {
  const [mode, setMode] = useState<'annotations' | 'suggestions'>('annotations');
  const modes = (
    <div className="review-modes" role="group" aria-label="What to review">
      <button type="button" aria-pressed={mode === 'annotations'} onClick={() => setMode('annotations')}>
        Annotations
      </button>
      <button type="button" aria-pressed={mode === 'suggestions'} onClick={() => setMode('suggestions')}>
        Suggestions
      </button>
    </div>
  );
  return <div className="view-split">{mode === 'annotations' ? <AnnotationsReview modes={modes} /> : <SuggestionsReview modes={modes} />}</div>;
}

/**
 * A keyboard-driven pass over what needs attention (draft and orphaned annotations): one at a
 * time, in context. R marks reviewed, D disputed, Delete deletes, N or → goes to the next.
 */
function AnnotationsReview({ modes }: { modes: ReactNode }) {
  const change = useChange();
  // Read through the cache: an undo, an import or an edit elsewhere refreshes the queue on screen.
  const queue = useApiQuery('review:queue', { limit: 500 }).data ?? null;
  const [position, setPosition] = useState(0);
  const { mutateAsync: del } = useApiMutation('annotations:delete');
  const { mutateAsync: update } = useApiMutation('annotations:update');

  const index = Math.min(position, Math.max(0, (queue?.items.length ?? 1) - 1));
  const item = queue?.items[index];

  const act = useCallback(
    async (action: 'reviewed' | 'disputed' | 'delete') => {
      if (!item) return;
      await change(
        () => (action === 'delete' ? del({ articleId: item.articleId, id: item.annotation.id }) : update({ articleId: item.articleId, id: item.annotation.id, patch: { status: action } })),
        action === 'delete' ? 'Deleted. Undo with Ctrl+Z.' : `Marked ${action}.`,
      );
    },
    [change, del, item, update],
  );

  const next = useCallback(() => setPosition((p) => (queue && p + 1 < queue.items.length ? p + 1 : 0)), [queue]);

  useShortcuts({ reviewMarkReviewed: () => void act('reviewed'), reviewMarkDisputed: () => void act('disputed'), reviewDelete: () => void act('delete'), reviewNext: next }, PRIORITY.view);

  return (
    <>
      {queue && (
        <QueueList
          label="Annotations to review"
          count={queue.items.length}
          current={index}
          onPick={setPosition}
          row={(i) => {
            const entry = queue.items[i]!;
            return { title: entry.articleTitle, words: `${ANNOTATION_KIND_LABELS[entry.annotation.kind]}: “${entry.annotation.target.exact}”` };
          }}
        />
      )}
      <main className="view-main review-view" aria-label="Review queue">
        {modes}
        {!queue && <p className="muted">Loading…</p>}
        {queue && (
          <p className="review-progress" aria-live="polite">
            {queue.total === 0 ? 'Nothing left to review.' : `${queue.total} left to review: ${queue.drafts} drafts, ${queue.orphans} lost after edits. Showing ${index + 1} of ${queue.items.length}.`}
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
      </main>
    </>
  );
}
