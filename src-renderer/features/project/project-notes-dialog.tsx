import { useState, type FormEvent } from 'react';
import { useApiMutation } from '../../api/queries';
import { messageOf } from '../../app/use-async-error';
import { useWorkbench } from '../../app/workbench-context';
import { DialogFooter } from '../../ui/dialog-footer';
import { Modal } from '../../ui/modal';

/** Notes on the whole project (Markdown is fine): scope, sources, open questions. */
export function ProjectNotesDialog({ onClose }: { onClose(): void }) {
  const { project, setStatus } = useWorkbench();
  const { mutateAsync: saveNotes } = useApiMutation('project:update-notes');
  const [notes, setNotes] = useState(project.notes);
  const [error, setError] = useState<string | null>(null);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    try {
      await saveNotes({ notes });
      setStatus('Project notes saved.');
      onClose();
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  return (
    <Modal title="Project notes" onClose={onClose} wide>
      <form onSubmit={save}>
        <textarea className="edit-text" aria-label="Project notes" rows={14} value={notes} onChange={(e) => setNotes(e.target.value)} autoFocus />
        <DialogFooter error={error} onCancel={onClose} submitLabel="Save" />
      </form>
    </Modal>
  );
}
