import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import { useApi } from '../../api/api-context';
import { useWorkbench } from '../../app/workbench-context';
import { EntryView } from '../dossier/entry-view';

type Queue = ChannelOutput<'review:queue'>;

/**
 * A keyboard-driven pass over what needs attention (draft and orphaned annotations): one at a
 * time, in context. R marks reviewed, D disputed, Delete deletes, N or → goes to the next.
 */
export function ReviewView() {
  const api = useApi();
  const { reportError, setStatus, changed } = useWorkbench();
  const [queue, setQueue] = useState<Queue | null>(null);
  const [position, setPosition] = useState(0);

  const load = useCallback(() => api.call('review:queue', { limit: 500 }).then(setQueue, reportError), [api, reportError]);
  useEffect(() => void load(), [load]);

  const item = queue?.items[Math.min(position, (queue?.items.length ?? 1) - 1)];

  const act = useCallback(
    async (action: 'reviewed' | 'disputed' | 'delete') => {
      if (!item) return;
      try {
        if (action === 'delete') await api.call('annotations:delete', { articleId: item.articleId, id: item.annotation.id });
        else await api.call('annotations:update', { articleId: item.articleId, id: item.annotation.id, patch: { status: action } });
        setStatus(action === 'delete' ? 'Deleted. Undo with Ctrl+Z.' : `Marked ${action}.`);
        await load();
        await changed({ article: true, library: true });
      } catch (failure) {
        reportError(failure);
      }
    },
    [api, changed, item, load, reportError, setStatus],
  );

  const next = useCallback(() => setPosition((p) => (queue && p + 1 < queue.items.length ? p + 1 : 0)), [queue]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select, dialog') || event.ctrlKey || event.metaKey || event.altKey) return;
      const keys: Record<string, () => void> = { r: () => void act('reviewed'), d: () => void act('disputed'), Delete: () => void act('delete'), n: next, ArrowRight: next, j: next };
      const run = keys[event.key];
      if (run) {
        event.preventDefault();
        run();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [act, next]);

  return (
    <section className="view-main review-view" aria-label="Review queue">
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
          <p className="muted">Keys: R reviewed · D disputed · Delete · N next</p>
        </>
      )}
    </section>
  );
}
