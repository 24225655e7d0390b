import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/api-context';
import { useWorkbench } from '../../app/workbench-context';
import { CsvDialog } from './csv-dialog';
import { ImportProjectDialog, ImportW3CDialog } from './import-project-dialog';
import { ReportDialog } from './report-dialog';
import { useSaveFile } from './use-save-file';

interface Props {
  /** The quick export of the open article (also on the menu bar as Export as Markdown). */
  onMarkdown(): void;
}

type Dialog = 'report' | 'csv' | 'import-project' | 'import-w3c' | null;

/** The Export button and its menu of formats. */
export function ExportMenu({ onMarkdown }: Props) {
  const api = useApi();
  const { session, reportError } = useWorkbench();
  const save = useSaveFile();
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus();
    const close = (event: MouseEvent): void => {
      if (!menuRef.current?.parentElement?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const run = (action: () => void) => () => {
    setOpen(false);
    action();
  };

  async function projectFile(): Promise<void> {
    try {
      const { fileName, json } = await api.call('project:export', {});
      await save(fileName, json, 'application/json');
    } catch (failure) {
      reportError(failure);
    }
  }

  return (
    <div className="menu-anchor">
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
        Export
      </button>
      {open && (
        <div role="menu" aria-label="Export" className="menu" ref={menuRef} onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}>
          <button type="button" role="menuitem" disabled={!session} onClick={run(onMarkdown)} title={session ? 'The open article with its highlights' : 'Open an article first'}>
            Markdown
          </button>
          <button type="button" role="menuitem" onClick={run(() => setDialog('report'))}>
            Markdown report
          </button>
          <button type="button" role="menuitem" onClick={run(() => void exportW3C())}>
            W3C annotations
          </button>
          <button type="button" role="menuitem" onClick={run(() => setDialog('csv'))}>
            CSV
          </button>
          <button type="button" role="menuitem" onClick={run(() => void projectFile())}>
            Project file
          </button>
          <hr />
          <button type="button" role="menuitem" onClick={run(() => setDialog('import-project'))}>
            Restore from backup…
          </button>
          <button type="button" role="menuitem" onClick={run(() => setDialog('import-w3c'))}>
            Import annotation file (W3C)…
          </button>
        </div>
      )}
      {dialog === 'report' && <ReportDialog onClose={() => setDialog(null)} />}
      {dialog === 'csv' && <CsvDialog onClose={() => setDialog(null)} />}
      {dialog === 'import-project' && <ImportProjectDialog onClose={() => setDialog(null)} />}
      {dialog === 'import-w3c' && <ImportW3CDialog onClose={() => setDialog(null)} />}
    </div>
  );

  async function exportW3C(): Promise<void> {
    try {
      const { fileName, json } = await api.call('export:w3c', { scope: { kind: 'project' } });
      await save(fileName, json, 'application/ld+json');
    } catch (failure) {
      reportError(failure);
    }
  }
}
