import { useState, type ChangeEvent } from 'react';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../app/use-async-error';
import { useWorkbench } from '../../app/workbench-context';
import { Modal } from '../../ui/modal';

/** Restores a project file (the backup format) into this project, which must be empty. */
export function ImportProjectDialog({ onClose }: { onClose(): void }) {
  const api = useApi();
  const { changed, setStatus } = useWorkbench();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function choose(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.call('project:import', { json: await file.text() });
      await changed({ project: true, library: true });
      setStatus(`Restored ${result.articles} articles, ${result.annotations} annotations, ${result.actors} actors and ${result.tags} tags.`);
      onClose();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title="Restore project file" onClose={onClose}>
      <p>Choose a project file exported from Analyst Workbench. It is checked completely first; a damaged or foreign file changes nothing. The current project must be empty.</p>
      <label className="file-pick">
        Project file <input type="file" accept=".json,application/json" onChange={(e) => void choose(e)} disabled={busy} />
      </label>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}

/** Adds the annotations of a W3C Web Annotation file to the articles they target. */
export function ImportW3CDialog({ onClose }: { onClose(): void }) {
  const api = useApi();
  const { changed, setStatus } = useWorkbench();
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function choose(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.call('import:w3c', { json: await file.text() });
      await changed({ project: true, library: true, article: true });
      setStatus(`Imported ${result.imported} annotations; ${result.skipped} skipped.`);
      setProblems(result.problems);
      if (result.problems.length === 0) onClose();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title="Import W3C annotations" onClose={onClose}>
      <p>Choose a W3C Web Annotation file (JSON-LD). Its annotations are added to the articles they target, found by article id or URL; missing tags and actors are created. One undo removes the whole import.</p>
      <label className="file-pick">
        Annotation file <input type="file" accept=".jsonld,.json,application/ld+json,application/json" onChange={(e) => void choose(e)} disabled={busy} />
      </label>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {problems.length > 0 && (
        <ul className="import-problems" aria-label="Import results">
          {problems.map((p) => (
            <li key={p}>{p}</li>
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
