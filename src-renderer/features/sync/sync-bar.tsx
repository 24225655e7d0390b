import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useChange } from '../../app/use-change';
import { ConflictsDialog } from './conflicts-dialog';
import { ShareDialog } from './share-dialog';
import { syncLine } from './sync-text';

/** Share project, Sync, the sync status line and the Conflicts list, for the toolbar. */
export function SyncBar() {
  const { data: status } = useApiQuery('sync:status', {});
  const { mutateAsync: sync, isPending: syncing } = useApiMutation('sync:run');
  const sharing = useApiMutation('sync:share').isPending;
  const change = useChange();
  const client = useQueryClient();
  const [dialog, setDialog] = useState<'share' | 'conflicts' | null>(null);
  const running = syncing || sharing || status?.running === true;

  // While a sync runs, read its progress every half second.
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void client.invalidateQueries({ queryKey: ['sync:status'] }), 500);
    return () => clearInterval(timer);
  }, [running, client]);

  if (!status) return null;
  return (
    // A region, not a second role="status": the app's one status line stays unambiguous.
    <section className="sync-bar" aria-label="Sync">
      <button type="button" onClick={() => setDialog('share')}>
        Share project
      </button>
      {status.shared && (
        <button
          type="button"
          disabled={running}
          onClick={() =>
            void change(async () => {
              const outcome = await sync({});
              return outcome;
            }, 'Synced.')
          }
          title={status.hasToken ? 'Send your changes and bring in your colleagues’' : 'Type the token again in Share project first'}
        >
          Sync
        </button>
      )}
      {status.conflictCount > 0 && (
        <button type="button" className="warning" onClick={() => setDialog('conflicts')}>
          Conflicts ({status.conflictCount})
        </button>
      )}
      <span aria-live="polite" className="sync-line" title={syncLine(status)}>
        {syncLine(status)}
      </span>
      {dialog === 'share' && <ShareDialog status={status} onClose={() => setDialog(null)} />}
      {dialog === 'conflicts' && <ConflictsDialog onClose={() => setDialog(null)} />}
    </section>
  );
}
