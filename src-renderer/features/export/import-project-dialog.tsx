import { useState, type ChangeEvent, type ReactNode } from 'react';
import { useApiMutation } from '../../api/queries';
import { messageOf } from '../../app/use-async-error';
import { useWorkbench } from '../../app/workbench-context';
import { Modal } from '../../ui/modal';

interface FileImportProps {
  title: string;
  intro: ReactNode;
  fileLabel: string;
  accept: string;
  /** Sends the file's text; returns the status line and any per-annotation problems to list. */
  run(text: string): Promise<{ status: string; problems: string[] }>;
  onClose(): void;
}

/** Pick one file, send it, report: the shape both restore and W3C import share. */
function FileImportDialog({ title, intro, fileLabel, accept, run, onClose }: FileImportProps) {
  const { setStatus } = useWorkbench();
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function choose(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await run(await file.text());
      setStatus(result.status);
      setProblems(result.problems);
      if (result.problems.length === 0) onClose();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title={title} onClose={onClose}>
      <p>{intro}</p>
      <label className="file-pick">
        {fileLabel} <input type="file" accept={accept} onChange={(e) => void choose(e)} disabled={busy} />
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

/** Restores a project file (the backup format) into this project, which must be empty. */
export function ImportProjectDialog({ onClose }: { onClose(): void }) {
  const { mutateAsync: restore } = useApiMutation('project:import');
  return (
    <FileImportDialog
      title="Restore project file"
      intro="Choose a project file exported from Analyst Workbench. It is checked completely first; a damaged or foreign file changes nothing. The current project must be empty."
      fileLabel="Project file"
      accept=".json,application/json"
      onClose={onClose}
      run={async (json) => {
        const r = await restore({ json });
        return { status: `Restored ${r.articles} articles, ${r.annotations} annotations, ${r.actors} actors and ${r.tags} tags.`, problems: [] };
      }}
    />
  );
}

/** Adds the annotations of a W3C Web Annotation file to the articles they target. */
export function ImportW3CDialog({ onClose }: { onClose(): void }) {
  const { mutateAsync: importW3C } = useApiMutation('import:w3c');
  return (
    <FileImportDialog
      title="Import W3C annotations"
      intro="Choose a W3C Web Annotation file (JSON-LD). Its annotations are added to the articles they target, found by article id or URL; missing tags and actors are created. One undo removes the whole import."
      fileLabel="Annotation file"
      accept=".jsonld,.json,application/ld+json,application/json"
      onClose={onClose}
      run={async (json) => {
        const r = await importW3C({ json });
        return { status: `Imported ${r.imported} annotations; ${r.skipped} skipped.`, problems: r.problems };
      }}
    />
  );
}
