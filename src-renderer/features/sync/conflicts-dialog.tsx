import { useApiMutation, useApiQuery } from '../../api/queries';
import { useChange } from '../../app/use-change';
import { Modal } from '../../ui/modal';

/** The conflicts merges listed: both values side by side; choose one, or keep both. */
export function ConflictsDialog({ onClose }: { onClose(): void }) {
  const { data: conflicts = [] } = useApiQuery('sync:conflicts', {});
  const { mutateAsync: resolve } = useApiMutation('sync:resolve');
  const change = useChange();
  return (
    <Modal title="Conflicts" onClose={onClose} wide>
      {conflicts.length === 0 ? (
        <p>No conflicts: every merge so far could keep both sides’ work.</p>
      ) : (
        <ul aria-label="Conflicts" className="conflict-list">
          {conflicts.map((c) => (
            <li key={c.id} aria-label={c.label}>
              <p className="conflict-label">{c.label}</p>
              <div className="conflict-sides">
                <div>
                  <strong>Yours{c.kept === 'ours' ? ' (kept for now)' : ''}</strong>
                  <p dir="auto">{c.ours}</p>
                </div>
                <div>
                  <strong>
                    {c.theirAuthor}’s{c.kept === 'theirs' ? ' (kept for now)' : ''}
                  </strong>
                  <p dir="auto">{c.theirs}</p>
                </div>
              </div>
              <div className="dialog-actions">
                <button type="button" onClick={() => void change(() => resolve({ id: c.id, choice: 'ours' }), 'Conflict resolved: yours kept.')}>
                  Keep yours
                </button>
                <button type="button" onClick={() => void change(() => resolve({ id: c.id, choice: 'theirs' }), `Conflict resolved: ${c.theirAuthor}’s kept.`)}>
                  Keep {c.theirAuthor}’s
                </button>
                {c.canKeepBoth && (
                  <button type="button" onClick={() => void change(() => resolve({ id: c.id, choice: 'both' }), 'Conflict resolved: both kept.')}>
                    Keep both
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
