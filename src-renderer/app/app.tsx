import { useCallback, useEffect, useState } from 'react';
import type { ArticleSummary } from '../../src-shared/domain/article';
import type { ProjectProblem } from '../../src-shared/domain/project';
import { useApi } from '../api/api-context';
import { NewArticleDialog } from '../features/articles/new-article-dialog';
import { ExportMenu } from '../features/export/export-menu';
import { LibraryList } from '../features/library/library-list';
import { Reader } from '../features/reader/reader';
import { useErrorMessage } from './use-async-error';

export function App() {
  const api = useApi();
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  const [problems, setProblems] = useState<ProjectProblem[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [status, setStatus] = useState('');
  const [error, reportError, clearError] = useErrorMessage();

  useEffect(() => {
    Promise.all([api.call('project:info', {}), api.call('articles:list', {})]).then(([info, list]) => {
      setProblems(info.problems);
      setArticles(list);
    }, reportError);
  }, [api, reportError]);

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
        if (command === 'new-article') setDialogOpen(true);
        else if (command === 'export-markdown') void exportMarkdown();
      }),
    [api, exportMarkdown],
  );

  useEffect(() => {
    // "n" opens the form from anywhere but a text field (Ctrl+N belongs to the browser in web mode).
    const onKey = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable="true"], dialog')) return;
      if (event.key === 'n' && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        setDialogOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onAnnotationCount = useCallback((articleId: string, count: number) => {
    setArticles((list) => list.map((a) => (a.id === articleId ? { ...a, annotationCount: count } : a)));
  }, []);

  return (
    <div className="app">
      <header className="toolbar-main">
        <span className="brand">Analyst Workbench</span>
        <button type="button" className="primary" onClick={() => setDialogOpen(true)} aria-keyshortcuts="N" title="New article (N)">
          New article
        </button>
        <ExportMenu disabled={openId === null} onMarkdown={() => void exportMarkdown()} />
        <span role="status" className="status-line">
          {status}
        </span>
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
      <div className="workspace">
        <nav className="sidebar" aria-label="Articles">
          <h2 className="sidebar-heading">Library</h2>
          <LibraryList articles={articles} openId={openId} onOpen={setOpenId} />
        </nav>
        <main className="main">
          {openId ? (
            <Reader key={openId} articleId={openId} onAnnotationCount={onAnnotationCount} onStatus={setStatus} />
          ) : (
            <div className="reader-pane muted">
              <p>Open an article from the library, or add one with New article.</p>
            </div>
          )}
        </main>
      </div>
      <NewArticleDialog
        open={dialogOpen}
        onClose={() => setDialogOpen(false)}
        onCreated={(article) => {
          void api.call('articles:list', {}).then(setArticles, reportError);
          setDialogOpen(false);
          setOpenId(article.id);
          setStatus(`Added “${article.title}”.`);
        }}
      />
    </div>
  );
}
