import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { useNavigation } from '../../app/navigation';
import { useWorkbench } from '../../app/workbench-context';
import { Modal } from '../../ui/modal';

type Job = ChannelOutput<'suggestions:job'>;
type Scope = 'chosen' | 'shown' | 'all';

/** How often a run's progress is asked for. */
const POLL_MS = 250;

interface Props {
  chosen: readonly string[];
  /** The articles the library's filters show, when they are filtered: how many, and their ids when the run starts. */
  shown: { count: number; ids(): Promise<string[]> } | null;
  total: number;
  onClose(): void;
}

/**
 * "Suggest for…": computes suggestions for chosen articles or the whole project in the
 * background, with a progress bar and Cancel. Nothing is written; the results wait in the
 * Review view (and in the Suggestions panel of each article).
 */
export function SuggestDialog({ chosen, shown, total, onClose }: Props) {
  const api = useApi();
  const client = useQueryClient();
  const navigation = useNavigation();
  const { reportError } = useWorkbench();
  const [scope, setScope] = useState<Scope>(chosen.length > 0 ? 'chosen' : shown && shown.count > 0 ? 'shown' : 'all');
  const [job, setJob] = useState<Job | null>(null);
  const { mutateAsync: run } = useApiMutation('suggestions:run');
  const { mutateAsync: cancel } = useApiMutation('suggestions:cancel');
  const running = job?.state === 'running';

  // Follows the run until it ends, then refreshes what shows its results.
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = setTimeout(() => {
      api.call('suggestions:job', { jobId: job.jobId }).then(setJob, reportError);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [api, job, reportError]);
  useEffect(() => {
    if (job && job.state !== 'running') void client.invalidateQueries({ queryKey: ['suggestions:pending'] });
  }, [client, job]);

  const start = async () => {
    try {
      const ids = scope === 'chosen' ? [...chosen] : scope === 'shown' && shown ? await shown.ids() : undefined;
      setJob(await run(ids && ids.length > 0 ? { articleIds: ids } : {}));
    } catch (failure) {
      reportError(failure);
    }
  };

  const close = () => {
    if (running && job) void cancel({ jobId: job.jobId }).catch(reportError);
    onClose();
  };

  return (
    <Modal title="Suggest for…" onClose={close}>
      {!job && (
        <fieldset className="suggest-scope">
          <legend>Find actors and quotes in</legend>
          <label>
            <input type="radio" name="suggest-scope" checked={scope === 'chosen'} disabled={chosen.length === 0} onChange={() => setScope('chosen')} /> The chosen articles ({chosen.length})
          </label>
          {shown && (
            <label>
              <input type="radio" name="suggest-scope" checked={scope === 'shown'} disabled={shown.count === 0} onChange={() => setScope('shown')} /> The articles the filters show ({shown.count.toLocaleString()})
            </label>
          )}
          <label>
            <input type="radio" name="suggest-scope" checked={scope === 'all'} onChange={() => setScope('all')} /> The whole project ({total})
          </label>
          <p className="muted">Nothing is written: you accept or reject each suggestion afterwards.</p>
        </fieldset>
      )}
      {job && (
        <div className="suggest-run" aria-live="polite">
          <progress aria-label="Finding suggestions" max={Math.max(1, job.total)} value={job.done} />
          <p>
            {job.state === 'running' && `Reading ${job.done} of ${job.total} articles…`}
            {job.state === 'cancelled' && `Cancelled after ${job.done} of ${job.total} articles.`}
            {job.state === 'done' && `Done: ${job.total} ${job.total === 1 ? 'article' : 'articles'} read.`} {job.suggestions} {job.suggestions === 1 ? 'suggestion' : 'suggestions'} in {job.articles}{' '}
            {job.articles === 1 ? 'article' : 'articles'}
            {job.failed > 0 && `; ${job.failed} could not be read (too long or unreadable)`}.
          </p>
        </div>
      )}
      <div className="dialog-actions">
        {!job && (
          <button type="button" className="primary" onClick={() => void start()}>
            Start
          </button>
        )}
        {running && (
          <button type="button" onClick={() => void cancel({ jobId: job.jobId }).then(setJob, reportError)}>
            Cancel
          </button>
        )}
        {job && !running && job.suggestions > 0 && (
          <button
            type="button"
            className="primary"
            onClick={() => {
              onClose();
              navigation.setView('review');
            }}
          >
            Review suggestions
          </button>
        )}
        {!running && (
          <button type="button" onClick={close}>
            Close
          </button>
        )}
      </div>
    </Modal>
  );
}
