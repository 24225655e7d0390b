import type { RefObject } from 'react';
import { ExportMenu } from '../features/export/export-menu';
import { SearchBox } from '../features/search/search-box';
import { SyncBar } from '../features/sync/sync-bar';
import { ThemeSwitch } from '../ui/theme-switch';
import { SHORTCUTS } from './keymap';
import type { View } from './navigation';
import { PICKER_EXTENSIONS } from '../../src-shared/domain/import-format';

interface Props {
  view: View;
  setView(view: View): void;
  history: { undo: string | null; redo: string | null };
  status: string;
  fileInput: RefObject<HTMLInputElement | null>;
  folderInput: RefObject<HTMLInputElement | null>;
  onNewArticle(): void;
  onChooseImport(kind: 'files' | 'folder'): void;
  onFilesChosen(files: File[]): void;
  onExportMarkdown(): void;
  onUndoRedo(which: 'undo' | 'redo'): void;
  onProjectNotes(): void;
  onShortcuts(): void;
  onSettings(): void;
}

const VIEWS: readonly View[] = ['library', 'actors', 'claims', 'review', 'agreement', 'network'];

/** The main toolbar: add and import, export, undo and redo, the views, search, the status line and Sync. */
export function AppToolbar(props: Props) {
  const { history, view } = props;
  const { undo, redo, newArticle, showShortcuts, settings } = SHORTCUTS;
  const chosen = (input: HTMLInputElement) => {
    props.onFilesChosen([...(input.files ?? [])]);
    input.value = '';
  };
  return (
    <header className="toolbar-main">
      <h1 className="brand">Analyst Workbench</h1>
      <button type="button" className="primary" onClick={props.onNewArticle} aria-keyshortcuts="N" title={`New article (${newArticle.keys})`}>
        New article
      </button>
      <button type="button" onClick={() => props.onChooseImport('files')} title="Import files: text, Markdown, web pages, PDF, Word (or drop files or a folder on the window)">
        Import files
      </button>
      <button type="button" onClick={() => props.onChooseImport('folder')} aria-label="Import folder" title="Import every file in a folder">
        Folder…
      </button>
      <input ref={props.fileInput} type="file" multiple hidden accept={PICKER_EXTENSIONS.map((e) => `.${e}`).join(',')} aria-label="Files to import" onChange={(e) => chosen(e.target)} />
      <input ref={props.folderInput} type="file" multiple hidden aria-label="Folder to import" {...{ webkitdirectory: '' }} onChange={(e) => chosen(e.target)} />
      <ExportMenu onMarkdown={props.onExportMarkdown} />
      <button type="button" onClick={() => props.onUndoRedo('undo')} disabled={!history.undo} title={history.undo ? `Undo ${history.undo} (${undo.keys})` : 'Nothing to undo'} aria-keyshortcuts="Control+Z" aria-label="Undo" className="icon-button">
        ↶
      </button>
      <button type="button" onClick={() => props.onUndoRedo('redo')} disabled={!history.redo} title={history.redo ? `Redo ${history.redo} (${redo.keys})` : 'Nothing to redo'} aria-keyshortcuts="Control+Shift+Z" aria-label="Redo" className="icon-button">
        ↷
      </button>
      <button type="button" onClick={props.onProjectNotes}>
        Project notes
      </button>
      <div role="tablist" aria-label="Views" className="view-tabs">
        {VIEWS.map((v) => (
          <button key={v} type="button" role="tab" aria-selected={view === v} aria-controls={view === v ? `view-${v}` : undefined} onClick={() => props.setView(v)}>
            {v.charAt(0).toUpperCase() + v.slice(1)}
          </button>
        ))}
      </div>
      <SearchBox />
      <span role="status" className="status-line">
        {props.status}
      </span>
      {/* In the toolbar, not a strip of its own: where the toolbar wraps, it fills the second row. */}
      <SyncBar />
      <ThemeSwitch />
      {/* An icon, like "?": the toolbar is full at common window widths. */}
      <button type="button" className="icon-button" onClick={props.onSettings} aria-label="Settings" aria-keyshortcuts="Control+Comma" title={`Settings: your name and email (${settings.keys})`}>
        ⚙
      </button>
      <button type="button" className="icon-button" onClick={props.onShortcuts} aria-label="Keyboard shortcuts" title={`Keyboard shortcuts (${showShortcuts.keys})`}>
        ?
      </button>
    </header>
  );
}
