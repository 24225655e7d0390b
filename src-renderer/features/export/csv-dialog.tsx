import { useState, type FormEvent } from 'react';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../app/use-async-error';
import { useWorkbench } from '../../app/workbench-context';
import { DialogFooter } from '../../ui/dialog-footer';
import { Modal } from '../../ui/modal';
import { useSaveFile } from './use-save-file';

/** CSV export: the claims table or the annotations table, for this article or the project. */
export function CsvDialog({ onClose }: { onClose(): void }) {
  const api = useApi();
  const { session } = useWorkbench();
  const save = useSaveFile();
  const [table, setTable] = useState<'claims' | 'annotations'>('claims');
  const [whole, setWhole] = useState(!session);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    try {
      const scope = whole || !session ? ({ kind: 'project' } as const) : ({ kind: 'article', articleId: session.article.id } as const);
      const { fileName, csv } = await api.call('export:csv', { table, scope });
      if (await save(fileName, csv, 'text/csv')) onClose();
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  return (
    <Modal title="CSV" onClose={onClose}>
      <form onSubmit={submit} className="report-form">
        <fieldset>
          <legend>Table</legend>
          <label>
            <input type="radio" name="table" checked={table === 'claims'} onChange={() => setTable('claims')} /> Claims (one row per claim)
          </label>
          <label>
            <input type="radio" name="table" checked={table === 'annotations'} onChange={() => setTable('annotations')} /> Annotations (one row per annotation)
          </label>
        </fieldset>
        <fieldset>
          <legend>Scope</legend>
          <label>
            <input type="radio" name="csv-scope" checked={!whole} disabled={!session} onChange={() => setWhole(false)} /> This article
          </label>
          <label>
            <input type="radio" name="csv-scope" checked={whole} onChange={() => setWhole(true)} /> Whole project
          </label>
        </fieldset>
        <DialogFooter error={error} onCancel={onClose} submitLabel="Export" />
      </form>
    </Modal>
  );
}
