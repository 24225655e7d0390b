import { useApiMutation, useApiQuery } from '../../api/queries';
import { useChange } from '../../app/use-change';
import { formatWhen } from '../../ui/authorship-line';
import { Modal } from '../../ui/modal';

/** Who changed an article and when (from the shared project's Git history); restore one version. */
export function ArticleHistoryDialog({ articleId, onClose }: { articleId: string; onClose(): void }) {
  const { data: versions, isPending } = useApiQuery('sync:history', { articleId });
  const { mutateAsync: restore } = useApiMutation('sync:restore');
  const change = useChange();
  return (
    <Modal title="Article history" onClose={onClose} wide>
      {isPending ? (
        <p>Reading the history…</p>
      ) : !versions || versions.length === 0 ? (
        <p>No history yet: the history starts when the project is shared and synced.</p>
      ) : (
        <ol aria-label="Versions" className="version-list">
          {versions.map((v, i) => (
            <li key={v.commit}>
              <span>
                <strong>{v.author}</strong> · {formatWhen(v.at)} · {v.message} · {v.annotationCount} {v.annotationCount === 1 ? 'annotation' : 'annotations'}
              </span>
              {/* The date as everywhere else in the app ("2 Dec 2026, 14:02"); the newest is the one open now. */}
              {i === 0 && <span className="muted version-current">Current</span>}
              {i > 0 && (
                <button type="button" aria-label={`Restore the version of ${formatWhen(v.at)} by ${v.author}`} onClick={() => void change(() => restore({ articleId, commit: v.commit }).then(onClose), 'Earlier version restored (Undo puts it back).')}>
                  Restore
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
