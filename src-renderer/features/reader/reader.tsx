import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react';
import type { Annotation } from '../../../src-shared/domain/annotation';
import type { Article } from '../../../src-shared/domain/article';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../app/use-async-error';
import { ArticleText } from './article-text';
import { handleSelectionKey } from './keyboard-selection';
import { selectionOffsets } from './selection-offsets';

interface Props {
  articleId: string;
  /** Tells the library how many annotations the article now has. */
  onAnnotationCount(articleId: string, count: number): void;
  onStatus(message: string): void;
}

interface PendingSelection {
  start: number;
  end: number;
  top: number;
  left: number;
}

/** The open article: its text with highlights, and the toolbars that act on the selection. */
export function Reader({ articleId, onAnnotationCount, onStatus }: Props) {
  const api = useApi();
  const [article, setArticle] = useState<Article | null>(null);
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingSelection | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const textRef = useRef<HTMLElement>(null);
  const paneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    setArticle(null);
    setPending(null);
    setSelectedId(null);
    setError(null);
    api.call('articles:get', { id: articleId }).then(
      (value) => {
        if (!current) return;
        setArticle(value.article);
        setAnnotations(value.annotations);
      },
      (failure: unknown) => current && setError(messageOf(failure)),
    );
    return () => {
      current = false;
    };
  }, [api, articleId]);

  const readSelection = useCallback(() => {
    const root = textRef.current;
    const pane = paneRef.current;
    if (!root || !pane || !article) return;
    const selection = window.getSelection();
    const offsets = selectionOffsets(root, selection, article.text);
    if (!offsets || !selection) {
      setPending(null);
      return;
    }
    const rect = selection.getRangeAt(0).getBoundingClientRect();
    const paneRect = pane.getBoundingClientRect();
    setSelectedId(null);
    setPending({
      ...offsets,
      top: Math.max(0, rect.top - paneRect.top + pane.scrollTop - 44),
      left: Math.max(0, Math.min(rect.left - paneRect.left, paneRect.width - 160)),
    });
  }, [article]);

  const highlight = useCallback(async () => {
    if (!pending || !article || busy) return;
    setBusy(true);
    try {
      const created = await api.call('annotations:create', {
        articleId: article.id,
        start: pending.start,
        end: pending.end,
        exact: article.text.slice(pending.start, pending.end),
        kind: 'highlight',
      });
      const next = [...annotations, created];
      setAnnotations(next);
      onAnnotationCount(article.id, next.length);
      setPending(null);
      window.getSelection()?.removeAllRanges();
      setError(null);
      onStatus('Highlight saved.');
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }, [api, article, annotations, busy, onAnnotationCount, onStatus, pending]);

  const remove = useCallback(async () => {
    if (!selectedId || !article || busy) return;
    setBusy(true);
    try {
      await api.call('annotations:delete', { articleId: article.id, id: selectedId });
      const next = annotations.filter((a) => a.id !== selectedId);
      setAnnotations(next);
      onAnnotationCount(article.id, next.length);
      setSelectedId(null);
      setError(null);
      onStatus('Highlight deleted.');
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }, [api, article, annotations, busy, onAnnotationCount, onStatus, selectedId]);

  function onClick(event: ReactMouseEvent<HTMLElement>): void {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    const mark = (event.target as HTMLElement).closest<HTMLElement>('mark[data-ids]');
    if (!mark) {
      setSelectedId(null);
      return;
    }
    const ids = (mark.dataset.ids ?? '').split(' ').filter(Boolean);
    // Clicking again on nested highlights steps outwards through them.
    const position = selectedId ? ids.indexOf(selectedId) : -1;
    setSelectedId(position > 0 ? ids[position - 1]! : ids[ids.length - 1]!);
    setPending(null);
  }

  function onKeyDown(event: ReactKeyboardEvent<HTMLDivElement>): void {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
    if (textRef.current && event.target === textRef.current && handleSelectionKey(textRef.current, event.nativeEvent)) {
      event.preventDefault();
      return;
    }
    if (event.key === 'Escape') {
      setPending(null);
      setSelectedId(null);
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && selectedId) {
      event.preventDefault();
      void remove();
    } else if (event.key.toLowerCase() === 'h' && !event.ctrlKey && !event.metaKey && !event.altKey && pending) {
      event.preventDefault();
      void highlight();
    }
  }

  if (error && !article) {
    return (
      <div className="reader-pane" role="alert">
        {error}
      </div>
    );
  }
  if (!article) return <div className="reader-pane muted">Opening…</div>;

  const selected = annotations.find((a) => a.id === selectedId) ?? null;
  const meta = [article.source, article.published].filter(Boolean).join(' · ');

  return (
    <div className="reader-pane" ref={paneRef} onKeyDown={onKeyDown}>
      <header className="reader-header">
        <h1>{article.title}</h1>
        <p className="reader-meta">
          {meta}
          {article.url && (
            <>
              {meta && ' · '}
              <a href={article.url} target="_blank" rel="noreferrer noopener">
                {article.url}
              </a>
            </>
          )}
        </p>
      </header>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <article ref={textRef} className="article-text" aria-label={article.title} tabIndex={0} onMouseUp={readSelection} onKeyUp={readSelection} onClick={onClick}>
        <ArticleText text={article.text} annotations={annotations} selectedId={selectedId} />
      </article>
      {pending && (
        <div role="toolbar" aria-label="Selection" className="floating-toolbar" style={{ top: pending.top, left: pending.left }}>
          <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={() => void highlight()} disabled={busy} aria-keyshortcuts="H" title="Highlight (H)">
            Highlight
          </button>
        </div>
      )}
      {selected && (
        <div role="toolbar" aria-label="Annotation" className="annotation-bar">
          <span className="annotation-bar-label">
            Highlight: “{selected.target.exact.length > 80 ? `${selected.target.exact.slice(0, 80)}…` : selected.target.exact}”
          </span>
          <button type="button" onClick={() => void remove()} disabled={busy} aria-keyshortcuts="Delete" title="Delete (Delete key)">
            Delete
          </button>
        </div>
      )}
    </div>
  );
}
