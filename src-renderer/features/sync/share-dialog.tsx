import { useState, type FormEvent } from 'react';
import type { SyncStatus } from '../../../src-shared/domain/sync';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { messageOf } from '../../app/use-async-error';
import { useWorkbench } from '../../app/workbench-context';
import { DialogFooter } from '../../ui/dialog-footer';
import { Modal } from '../../ui/modal';

/**
 * Share project: connects the project folder to a Git remote (any Git host over HTTP(S)). An
 * empty project joining a remote that holds a project takes that project.
 */
export function ShareDialog({ status, onClose }: { status: SyncStatus; onClose(): void }) {
  const { setStatus } = useWorkbench();
  const { mutateAsync: share, isPending } = useApiMutation('sync:share');
  const [url, setUrl] = useState(status.remoteUrl ?? '');
  const [username, setUsername] = useState(status.username ?? '');
  const [token, setToken] = useState('');
  // The name the work is already recorded under (Settings) until the person types another.
  const settingsName = useApiQuery('settings:get', {}).data?.author.name ?? '';
  const [typedName, setAuthorName] = useState<string | null>(status.authorName ?? null);
  const authorName = typedName ?? settingsName;
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(null);
    try {
      const outcome = await share({ url: url.trim(), username: username.trim(), token, authorName: authorName.trim() });
      setStatus(outcome.broughtIn ? `Project shared; brought in ${outcome.broughtIn}.` : 'Project shared.');
      onClose();
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  return (
    <Modal title="Share project" onClose={onClose}>
      <form onSubmit={submit} className="share-form">
        <p className="hint">
          Any Git repository reachable over HTTPS (GitHub, GitLab, Gitea or your organisation’s server). Sharing an empty project with a repository that already holds one brings that project in.
        </p>
        <label>
          Remote URL
          <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://git.example.org/team/project.git" required autoFocus />
        </label>
        <label>
          Username
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required />
        </label>
        <label>
          Token
          <input type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="current-password" required />
        </label>
        <p className="hint" id="token-kept">
          {status.tokenKept === 'device'
            ? 'The token is kept encrypted on this computer, never in the project folder.'
            : 'The web version keeps the token in memory for this session only: you will type it again after the app restarts. It is never written to the project folder.'}
        </p>
        <label>
          Your name
          <input value={authorName} onChange={(e) => setAuthorName(e.target.value)} autoComplete="name" required />
        </label>
        {isPending && status.progress && (
          <p aria-live="polite" className="hint">
            {status.progress.phase}
            {status.progress.total > 0 && (
              <>
                {' '}
                <progress max={status.progress.total} value={status.progress.loaded} aria-label="Share progress" /> {status.progress.loaded.toLocaleString('en')} of {status.progress.total.toLocaleString('en')}
              </>
            )}
          </p>
        )}
        <DialogFooter error={error} onCancel={onClose} submitLabel={isPending ? 'Sharing…' : 'Share'} busy={isPending} />
      </form>
    </Modal>
  );
}
