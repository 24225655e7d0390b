import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleSummary } from '../../src-shared/domain/article';
import type { ProjectProblem } from '../../src-shared/domain/project';
import { PICKER_EXTENSIONS } from '../../src-shared/domain/import-format';
import { useApi } from '../api/api-context';
import { ActorsPanel } from '../features/actors/actors-panel';
import { AnnotationsPanel } from '../features/annotations/annotations-panel';
import { NewArticleDialog } from '../features/articles/new-article-dialog';
import { filesFromDrop, isImportCandidate } from '../features/import/file-drop';
import { ImportDialog, type ImportSource } from '../features/import/import-dialog';
import { CodebookPanel } from '../features/codebook/codebook-panel';
import { ExportMenu } from '../features/export/export-menu';
import { ClaimsView } from '../features/claims-table/claims-view';
import { ActorsView } from '../features/dossier/actors-view';
import { LibraryPanel } from '../features/library/library-panel';
import { ReviewView } from '../features/review/review-view';
import { SearchBox } from '../features/search/search-box';
import { NavigationContext, type Focus, type Navigation, type View } from './navigation';
import { ProjectNotesDialog } from '../features/project/project-notes-dialog';
import { Reader } from '../features/reader/reader';
import { ShortcutsDialog } from '../ui/shortcuts-dialog';
import { useArticleSession } from './use-article-session';
import { useErrorMessage } from './use-async-error';
import { WorkbenchContext, type ChangeScope, type ProjectData, type Workbench } from './workbench-context';

/** Selects and scrolls to a passage of the open article (a search match). */
function showPassage(range: { start: number; end: number }): void {
  const root = document.querySelector('article');
  if (!root) return;
  const paragraphs = [...root.querySelectorAll<HTMLElement>('[data-start]')];
  const paragraph = paragraphs.find((p) => Number(p.dataset.start) <= range.start && Number(p.dataset.end) >= range.end);
  if (!paragraph) return;
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  let offset = Number(paragraph.dataset.start);
  const selection = window.getSelection();
  let startNode: Text | null = null;
  let startOffset = 0;
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    const end = offset + node.data.length;
    if (!startNode && range.start < end) {
      startNode = node;
      startOffset = range.start - offset;
    }
    if (startNode && range.end <= end) {
      selection?.setBaseAndExtent(startNode, startOffset, node, range.end - offset);
      node.parentElement?.scrollIntoView({ block: 'center' });
      return;
    }
    offset = end;
  }
}

const EMPTY_PROJECT: ProjectData = { name: '', notes: '', actors: [], tags: [] };

const isEditable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && Boolean(target.closest('input, textarea, select, [contenteditable="true"]'));

export function App() {
  const api = useApi();
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  const [project, setProject] = useState<ProjectData>(EMPTY_PROJECT);
  const [problems, setProblems] = useState<ProjectProblem[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [view, setView] = useState<View>('library');
  const [focus, setFocus] = useState<Focus | null>(null);
  const [dossierActor, setDossierActor] = useState<string | null>(null);

  const [dialog, setDialog] = useState<'new-article' | 'shortcuts' | 'project-notes' | null>(null);
  const [status, setStatus] = useState('');
  const [history, setHistory] = useState<{ undo: string | null; redo: string | null }>({ undo: null, redo: null });
  const [error, reportError, clearError] = useErrorMessage();
  const { session, reload: reloadArticle, setAnnotations } = useArticleSession(api, openId, reportError);
  const [importing, setImporting] = useState<ImportSource | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const startImport = useCallback((files: File[]) => {
    const candidates = files.filter(isImportCandidate);
    if (candidates.length > 0) setImporting({ kind: 'files', files: candidates });
  }, []);
  /** The desktop app picks with the system dialog and reads files itself; the browser uses a file input. */
  const chooseImport = useCallback(
    (kind: 'files' | 'folder') => {
      if (!api.desktopImport) return (kind === 'files' ? fileInput : folderInput).current?.click();
      void api.desktopImport.pick(kind).then((paths) => paths.length > 0 && setImporting({ kind: 'paths', paths }), reportError);
    },
    [api, reportError],
  );

  const reloadProject = useCallback(() => api.call('project:get', {}).then(setProject, reportError), [api, reportError]);
  const reloadLibrary = useCallback(() => api.call('articles:list', {}).then(setArticles, reportError), [api, reportError]);
  const reloadHistory = useCallback(() => api.call('history:state', {}).then(setHistory, reportError), [api, reportError]);

  useEffect(() => {
    void api.call('project:info', {}).then((info) => setProblems(info.problems), reportError);
    void reloadProject();
    void reloadLibrary();
    void reloadHistory();
  }, [api, reloadHistory, reloadLibrary, reloadProject, reportError]);

  const changed = useCallback(
    async (scope: ChangeScope) => {
      clearError();
      await Promise.all([
        scope.article ? reloadArticle() : null,
        scope.project ? reloadProject() : null,
        scope.library ? reloadLibrary() : null,
        reloadHistory(),
      ]);
    },
    [clearError, reloadArticle, reloadHistory, reloadLibrary, reloadProject],
  );

  const undoOrRedo = useCallback(
    async (which: 'undo' | 'redo') => {
      try {
        const step = await api.call(which === 'undo' ? 'history:undo' : 'history:redo', {});
        await changed({ article: true, project: step.projectChanged, library: true });
        setStatus(`${which === 'undo' ? 'Undid' : 'Redid'}: ${step.label}.`);
      } catch (failure) {
        reportError(failure);
        void reloadHistory();
      }
    },
    [api, changed, reloadHistory, reportError],
  );

  const exportMarkdown = useCallback(async () => {
    if (!openId) return;
    try {
      const { fileName, markdown } = await api.call('export:article-markdown', { articleId: openId });
      const outcome = await api.saveTextFile(fileName, markdown, 'text/markdown');
      clearError();
      if (outcome.kind === 'saved') setStatus(`Saved ${outcome.path}`);
      else if (outcome.kind === 'downloaded') setStatus(`Downloaded ${outcome.fileName}`);
    } catch (failure) {
      reportError(failure);
    }
  }, [api, openId, clearError, reportError]);

  useEffect(
    () =>
      api.onMenuCommand((command) => {
        if (command === 'new-article') setDialog('new-article');
        else if (command === 'export-markdown') void exportMarkdown();
        else if (command === 'show-shortcuts') setDialog('shortcuts');
        else if (command === 'import-files') chooseImport('files');
        else if (command === 'undo' || command === 'redo') {
          // In a text field the menu undoes typing; elsewhere, the last change to the project.
          if (isEditable(document.activeElement)) document.execCommand(command);
          else void undoOrRedo(command);
        }
      }),
    [api, exportMarkdown, undoOrRedo, chooseImport],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (isEditable(event.target) || (event.target as HTMLElement).closest('dialog')) return;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        void undoOrRedo(event.shiftKey ? 'redo' : 'undo');
      } else if (mod && event.key.toLowerCase() === 'y') {
        event.preventDefault();
        void undoOrRedo('redo');
      } else if (!mod && !event.altKey && event.key === 'n') {
        event.preventDefault();
        setDialog('new-article');
      } else if (event.key === '?') {
        event.preventDefault();
        setDialog('shortcuts');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undoOrRedo]);

  const navigation = useMemo<Navigation>(
    () => ({
      view,
      setView,
      open(target) {
        setView('library');
        setOpenId(target.articleId);
        setFocus(target);
      },
      showActor(actorId) {
        setDossierActor(actorId);
        setView('actors');
      },
    }),
    [view],
  );

  // Once the article asked for is open, show the annotation or passage it was opened for.
  useEffect(() => {
    if (!focus || !session || session.article.id !== focus.articleId) return;
    setFocus(null);
    if (focus.annotationId) session.select(focus.annotationId, { scroll: true });
    else if (focus.range) requestAnimationFrame(() => showPassage(focus.range!));
  }, [focus, session]);

  const workbench = useMemo<Workbench>(
    () => ({
      project,
      actorsById: new Map(project.actors.map((a) => [a.id, a])),
      tagsById: new Map(project.tags.map((t) => [t.id, t])),
      session,
      changed,
      reportError,
      setStatus,
    }),
    [project, session, changed, reportError],
  );

  return (
    <WorkbenchContext.Provider value={workbench}>
      <NavigationContext.Provider value={navigation}>
      <div
        className="app"
        onDragOver={(event) => {
          if (event.dataTransfer.types.includes('Files')) event.preventDefault();
        }}
        onDrop={(event) => {
          if (!event.dataTransfer.types.includes('Files')) return;
          event.preventDefault();
          if (api.desktopImport) {
            const dropped = [...event.dataTransfer.files];
            void api.desktopImport.pathsOfDrop(dropped).then((paths) => paths.length > 0 && setImporting({ kind: 'paths', paths }), reportError);
          } else void filesFromDrop(event.dataTransfer).then(startImport, reportError);
        }}
      >
        <header className="toolbar-main">
          <span className="brand">Analyst Workbench</span>
          <button type="button" className="primary" onClick={() => setDialog('new-article')} aria-keyshortcuts="N" title="New article (N)">
            New article
          </button>
          <button type="button" onClick={() => chooseImport('files')} title="Import files: text, Markdown, web pages, PDF, Word (or drop files or a folder on the window)">
            Import files
          </button>
          <button type="button" onClick={() => chooseImport('folder')} aria-label="Import folder" title="Import every file in a folder">
            Folder…
          </button>
          <input ref={fileInput} type="file" multiple hidden accept={PICKER_EXTENSIONS.map((e) => `.${e}`).join(',')} aria-label="Files to import" onChange={(e) => { startImport([...(e.target.files ?? [])]); e.target.value = ''; }} />
          <input ref={folderInput} type="file" multiple hidden aria-label="Folder to import" {...{ webkitdirectory: '' }} onChange={(e) => { startImport([...(e.target.files ?? [])]); e.target.value = ''; }} />
          <ExportMenu articles={articles} onMarkdown={() => void exportMarkdown()} />
          <button type="button" onClick={() => void undoOrRedo('undo')} disabled={!history.undo} title={history.undo ? `Undo ${history.undo} (Ctrl+Z)` : 'Nothing to undo'} aria-keyshortcuts="Control+Z" aria-label="Undo" className="icon-button">
            ↶
          </button>
          <button type="button" onClick={() => void undoOrRedo('redo')} disabled={!history.redo} title={history.redo ? `Redo ${history.redo} (Ctrl+Shift+Z)` : 'Nothing to redo'} aria-keyshortcuts="Control+Shift+Z" aria-label="Redo" className="icon-button">
            ↷
          </button>
          <button type="button" onClick={() => setDialog('project-notes')}>
            Project notes
          </button>
          <div role="tablist" aria-label="Views" className="view-tabs">
            {(['library', 'actors', 'claims', 'review'] as const).map((v) => (
              <button key={v} type="button" role="tab" aria-selected={view === v} onClick={() => setView(v)}>
                {v.charAt(0).toUpperCase() + v.slice(1)}
              </button>
            ))}
          </div>
          <SearchBox />
          <span role="status" className="status-line">
            {status}
          </span>
          <button type="button" className="icon-button" onClick={() => setDialog('shortcuts')} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
            ?
          </button>
        </header>
        {(problems.length > 0 || error) && (
          <div className="banners">
            {problems.map((problem) => (
              <p key={problem.file + (problem.movedTo ?? '')} role="alert" className="banner warning">
                {problem.message}
              </p>
            ))}
            {error && (
              <p role="alert" className="banner error">
                {error}
                <button type="button" onClick={clearError} aria-label="Dismiss error">
                  ×
                </button>
              </p>
            )}
          </div>
        )}
        {view === 'library' && (
          <div className="workspace" role="tabpanel" aria-label="Library view">
            <nav className="sidebar" aria-label="Articles">
              <h2 className="sidebar-heading">Library</h2>
              <LibraryPanel articles={articles} openId={openId} onOpen={setOpenId} />
            </nav>
            <main className="main">
              {session ? (
                <Reader key={session.article.id} session={session} addOptimistic={(annotation) => setAnnotations((list) => [...list, annotation])} />
              ) : (
                <div className="reader-pane muted">
                  <p>{openId ? 'Opening…' : 'Open an article from the library, or add one with New article.'}</p>
                </div>
              )}
            </main>
            <aside className="side-panels" aria-label="Panels">
              <AnnotationsPanel />
              <ActorsPanel />
              <CodebookPanel />
            </aside>
          </div>
        )}
        {view === 'actors' && (
          <div className="workspace" role="tabpanel" aria-label="Actors view">
            <ActorsView actorId={dossierActor} onSelect={setDossierActor} />
          </div>
        )}
        {view === 'claims' && (
          <div className="workspace" role="tabpanel" aria-label="Claims view">
            <ClaimsView />
          </div>
        )}
        {view === 'review' && (
          <div className="workspace" role="tabpanel" aria-label="Review view">
            <ReviewView />
          </div>
        )}
        {dialog === 'new-article' && (
          <NewArticleDialog
            onClose={() => setDialog(null)}
            onCreated={(article) => {
              void reloadLibrary();
              setDialog(null);
              setOpenId(article.id);
              setStatus(`Added “${article.title}”.`);
            }}
          />
        )}
        {dialog === 'shortcuts' && <ShortcutsDialog onClose={() => setDialog(null)} />}
        {importing && <ImportDialog source={importing} onClose={() => setImporting(null)} />}
        {dialog === 'project-notes' && <ProjectNotesDialog onClose={() => setDialog(null)} />}
      </div>
      </NavigationContext.Provider>
    </WorkbenchContext.Provider>
  );
}
