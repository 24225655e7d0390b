import { useCallback, useEffect, useMemo, useState } from 'react';
import { useApi } from '../api/api-context';
import { useApiQuery } from '../api/queries';
import { ActorsPanel } from '../features/actors/actors-panel';
import { AnnotationsPanel } from '../features/annotations/annotations-panel';
import { NewArticleDialog } from '../features/articles/new-article-dialog';
import { ClaimsView } from '../features/claims-table/claims-view';
import { CodebookPanel } from '../features/codebook/codebook-panel';
import { ActorsView } from '../features/dossier/actors-view';
import { ImportDialog } from '../features/import/import-dialog';
import { LibraryPanel } from '../features/library/library-panel';
import { ProjectNotesDialog } from '../features/project/project-notes-dialog';
import { SettingsDialog } from '../features/settings/settings-dialog';
import { Reader } from '../features/reader/reader';
import { ReviewView } from '../features/review/review-view';
import { AgreementView } from '../features/agreement/agreement-view';
import { SuggestionsPanel } from '../features/suggestions/suggestions-panel';
import { ShortcutsDialog } from '../ui/shortcuts-dialog';
import { AppToolbar } from './app-toolbar';
import { isTypingTarget, PRIORITY, useShortcuts } from './keymap';
import { NavigationContext, type Focus, type Navigation, type View } from './navigation';
import { showPassage } from './show-passage';
import { nextThemeChoice, useThemeChoice } from './theme';
import { useArticleSession } from './use-article-session';
import { useErrorMessage } from './use-async-error';
import { useCacheErrors } from './use-cache-errors';
import { useCheckedFiles } from './use-checked-files';
import { useImportSource } from './use-import-source';
import { useUndoRedo } from './use-undo-redo';
import { WorkbenchContext, type ProjectData, type Workbench } from './workbench-context';
import { NetworkView } from '../features/network/network-view';


const EMPTY_PROJECT: ProjectData = { name: '', notes: '', actors: [], tags: [] };

export function App() {
  const api = useApi();
  const [openId, setOpenId] = useState<string | null>(null);
  const [view, setView] = useState<View>('library');
  const [focus, setFocus] = useState<Focus | null>(null);
  const [dossierActor, setDossierActor] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'new-article' | 'shortcuts' | 'project-notes' | 'settings' | null>(null);
  const [status, setStatus] = useState('');
  const [error, reportError, clearError] = useErrorMessage();
  useCacheErrors(reportError, clearError);
  const [theme, setTheme] = useThemeChoice();

  const project = useApiQuery('project:get', {}).data ?? EMPTY_PROJECT;
  const info = useApiQuery('project:info', {}, { refetchInterval: (data) => ((data as { checking?: boolean } | undefined)?.checking ? 1000 : false) }).data;
  const problems = info?.problems ?? [];
  useCheckedFiles(info?.checking);
  const session = useArticleSession(openId);
  const history = useUndoRedo(setStatus, reportError);
  const imports = useImportSource(api, reportError);
  const { chooseImport } = imports;

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

  const { run: undoOrRedo } = history;
  useEffect(
    () =>
      api.onMenuCommand((command) => {
        if (command === 'new-article') setDialog('new-article');
        else if (command === 'export-markdown') void exportMarkdown();
        else if (command === 'show-shortcuts') setDialog('shortcuts');
        else if (command === 'settings') setDialog('settings');
        else if (command === 'import-files') chooseImport('files');
        else if (command === 'undo' || command === 'redo') {
          // In a text field the menu undoes typing; elsewhere, the last change to the project.
          if (isTypingTarget(document.activeElement)) document.execCommand(command);
          else void undoOrRedo(command);
        }
      }),
    [api, exportMarkdown, undoOrRedo, chooseImport],
  );

  useShortcuts(
    {
      undo: () => void undoOrRedo('undo'),
      redo: () => void undoOrRedo('redo'),
      newArticle: () => setDialog('new-article'),
      showShortcuts: () => setDialog('shortcuts'),
      cycleTheme: () => setTheme(nextThemeChoice(theme)),
      settings: () => setDialog('settings'),
    },
    PRIORITY.app,
  );

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

  // Rebuilt when the project changes, not at every selection or highlight (session changes).
  const actorsById = useMemo(() => new Map(project.actors.map((a) => [a.id, a])), [project.actors]);
  const tagsById = useMemo(() => new Map(project.tags.map((t) => [t.id, t])), [project.tags]);
  const workbench = useMemo<Workbench>(
    () => ({
      project,
      actorsById,
      tagsById,
      session,
      reportError,
      setStatus,
    }),
    [project, actorsById, tagsById, session, reportError],
  );

  return (
    <WorkbenchContext.Provider value={workbench}>
      <NavigationContext.Provider value={navigation}>
        <div className="app" {...imports.dropTarget}>
          <AppToolbar
            view={view}
            setView={setView}
            history={history.state}
            status={status}
            fileInput={imports.fileInput}
            folderInput={imports.folderInput}
            onNewArticle={() => setDialog('new-article')}
            onChooseImport={chooseImport}
            onFilesChosen={imports.startImport}
            onExportMarkdown={() => void exportMarkdown()}
            onUndoRedo={(which) => void undoOrRedo(which)}
            onProjectNotes={() => setDialog('project-notes')}
            onShortcuts={() => setDialog('shortcuts')}
            onSettings={() => setDialog('settings')}
          />
          {(problems.length > 0 || error) && (
            <section className="banners" aria-label="Messages">
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
            </section>
          )}
          {/* The panels are not named: a named element outside the landmarks inside it counts as
              content outside landmarks (axe "region"); each view's landmarks carry the names. */}
          {view === 'library' && (
            <div className="workspace" role="tabpanel" id="view-library">
              <nav className="sidebar" aria-label="Articles">
                <LibraryPanel openId={openId} onOpen={setOpenId} />
              </nav>
              <main className="main">
                {session ? (
                  <Reader key={session.article.id} session={session} />
                ) : (
                  <div className="reader-pane muted">
                    <p>{openId ? 'Opening…' : 'Open an article from the library, or add one with New article.'}</p>
                  </div>
                )}
              </main>
              <aside className="side-panels" aria-label="Panels">
                <AnnotationsPanel />
                <SuggestionsPanel />
                <ActorsPanel />
                <CodebookPanel />
              </aside>
            </div>
          )}
          {view === 'actors' && (
            <div className="workspace" role="tabpanel" id="view-actors">
              <ActorsView actorId={dossierActor} onSelect={setDossierActor} />
            </div>
          )}
          {view === 'claims' && (
            <div className="workspace" role="tabpanel" id="view-claims">
              <ClaimsView />
            </div>
          )}
          {view === 'review' && (
            <div className="workspace" role="tabpanel" id="view-review">
              <ReviewView />
            </div>
          )}
          {view === 'agreement' && (
            <div className="workspace" role="tabpanel" id="view-agreement">
              <AgreementView />
            </div>
          )}
          {view === 'network' && (
            <div className="workspace" role="tabpanel" id="view-network">
              <NetworkView />
            </div>
          )}
          {dialog === 'new-article' && (
            <NewArticleDialog
              onClose={() => setDialog(null)}
              onCreated={(article) => {
                setDialog(null);
                setOpenId(article.id);
                setStatus(`Added “${article.title}”.`);
              }}
            />
          )}
          {dialog === 'shortcuts' && <ShortcutsDialog onClose={() => setDialog(null)} />}
          {imports.importing && <ImportDialog source={imports.importing} onClose={imports.done} />}
          {dialog === 'project-notes' && <ProjectNotesDialog onClose={() => setDialog(null)} />}
          {dialog === 'settings' && <SettingsDialog onClose={() => setDialog(null)} />}
        </div>
      </NavigationContext.Provider>
    </WorkbenchContext.Provider>
  );
}
