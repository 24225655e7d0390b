import { startTransition, useCallback, useEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import type { Annotation } from '../../../src-shared/domain/annotation';
import type { ArticleStatus } from '../../../src-shared/domain/article';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../app/use-async-error';
import { useWorkbench, type ArticleSession } from '../../app/workbench-context';
import { ActorPickerDialog } from '../actors/actor-picker-dialog';
import { ClaimFormDialog } from '../claims/claim-form-dialog';
import { ArticleText } from './article-text';
import { EditTextDialog } from './edit-text-dialog';
import { handleSelectionKey } from './keyboard-selection';
import { selectionOffsets } from './selection-offsets';

export interface PendingSelection {
  start: number;
  end: number;
  exact: string;
  top: number;
  left: number;
}

type Dialog = { kind: 'actor' | 'claim'; range: PendingSelection } | { kind: 'edit-claim'; annotation: Annotation } | { kind: 'edit-text' } | null;

interface Props {
  session: ArticleSession;
  /** Shows a new annotation at once, before the store has confirmed it. */
  addOptimistic(annotation: Annotation): void;
}

/** Paints the selection as a pending highlight, or clears it (null). A no-op without the API. */
function paintPending(selection: Selection | null): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  if (selection && selection.rangeCount > 0) CSS.highlights.set('workbench-pending', new Highlight(selection.getRangeAt(0).cloneRange()));
  else CSS.highlights.delete('workbench-pending');
}

const STATUS_LABELS: Record<ArticleStatus, string> = { todo: 'To do', 'in-progress': 'In progress', done: 'Done' };

/** The open article: its text with annotations, and the toolbars and keys that act on it. */
export function Reader({ session, addOptimistic }: Props) {
  const api = useApi();
  const { project, tagsById, changed, reportError, setStatus } = useWorkbench();
  const { article, annotations, selectedId, select } = session;
  const [pending, setPending] = useState<PendingSelection | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [tagMenu, setTagMenu] = useState(false);
  const [note, setNote] = useState(article.note);
  const [showNote, setShowNote] = useState(article.note.length > 0);
  const textRef = useRef<HTMLElement>(null);
  const paneRef = useRef<HTMLDivElement>(null);
  useEffect(() => setNote(article.note), [article.note]);

  const tagColors = useMemo(() => new Map(project.tags.map((t) => [t.id, t.color])), [project.tags]);
  const ordered = useMemo(() => annotations.filter((a) => a.anchor === 'anchored').sort((a, b) => a.target.start - b.target.start), [annotations]);
  const selected = annotations.find((a) => a.id === selectedId) ?? null;

  const readSelection = useCallback(() => {
    const root = textRef.current;
    const pane = paneRef.current;
    if (!root || !pane) return;
    const selection = window.getSelection();
    const offsets = selectionOffsets(root, selection, article.text);
    if (!offsets || !selection) {
      setPending(null);
      return;
    }
    const rect = selection.getRangeAt(0).getBoundingClientRect();
    const paneRect = pane.getBoundingClientRect();
    setTagMenu(false);
    // A new selection replaces the selected annotation, except an orphan waiting to be re-attached.
    if (selected?.anchor !== 'orphan') select(null);
    setPending({
      ...offsets,
      exact: article.text.slice(offsets.start, offsets.end),
      top: Math.max(0, rect.top - paneRect.top + pane.scrollTop - 44),
      left: Math.max(0, Math.min(rect.left - paneRect.left, paneRect.width - 330)),
    });
  }, [article.text, select, selected]);

  const clearSelection = useCallback(() => {
    setPending(null);
    setTagMenu(false);
    window.getSelection()?.removeAllRanges();
  }, []);

  const create = useCallback(
    async (range: PendingSelection, kind: 'highlight', tags: string[] = []) => {
      // Painted in the very next frame with the CSS Custom Highlight API (no re-render needed),
      // then drawn by React as a pending annotation, then replaced by the store's answer (or
      // removed, with the error shown, if the save fails).
      paintPending(window.getSelection());
      const stamp = new Date().toISOString();
      startTransition(() => {
        clearSelection();
        addOptimistic({
        id: `pending-${Date.now()}`,
        articleId: article.id,
        kind,
        target: { start: range.start, end: range.end, exact: range.exact, prefix: '', suffix: '' },
        tags,
        note: '',
        status: 'draft',
        actorId: null,
        claim: null,
        anchor: 'anchored',
        createdAt: stamp,
        updatedAt: stamp,
        });
      });
      try {
        const created = await api.call('annotations:create', { articleId: article.id, start: range.start, end: range.end, exact: range.exact, kind, tags });
        await changed({ article: true, library: true, project: tags.length > 0 });
        select(created.id);
        setStatus(tags.length ? `Tagged ${tags.map((t) => tagsById.get(t)?.name).join(', ')}.` : 'Highlight saved.');
      } catch (failure) {
        reportError(failure);
        await changed({ article: true });
      } finally {
        paintPending(null);
      }
    },
    [addOptimistic, api, article.id, changed, clearSelection, reportError, select, setStatus, tagsById],
  );

  const applyTag = useCallback(
    async (tagId: string) => {
      if (pending) return create(pending, 'highlight', [tagId]);
      if (!selected) return;
      const on = selected.tags.includes(tagId);
      try {
        await api.call('annotations:update', { articleId: article.id, id: selected.id, patch: { tags: on ? selected.tags.filter((t) => t !== tagId) : [...selected.tags, tagId] } });
        await changed({ article: true, library: true, project: true });
        setStatus(`${on ? 'Removed' : 'Applied'} tag ${tagsById.get(tagId)?.name ?? ''}.`);
      } catch (failure) {
        reportError(failure);
      }
    },
    [api, article.id, changed, create, pending, reportError, selected, setStatus, tagsById],
  );

  const remove = useCallback(async () => {
    if (!selected) return;
    const index = ordered.findIndex((a) => a.id === selected.id);
    try {
      await api.call('annotations:delete', { articleId: article.id, id: selected.id });
      select(ordered[index + 1]?.id ?? ordered[index - 1]?.id ?? null);
      await changed({ article: true, library: true, project: true });
      setStatus('Annotation deleted. Undo with Ctrl+Z.');
    } catch (failure) {
      reportError(failure);
    }
  }, [api, article.id, changed, ordered, reportError, select, selected, setStatus]);

  const setReview = useCallback(
    async (status: 'reviewed' | 'disputed') => {
      if (!selected) return;
      try {
        await api.call('annotations:update', { articleId: article.id, id: selected.id, patch: { status } });
        await changed({ article: true });
        setStatus(`Marked ${status}.`);
      } catch (failure) {
        reportError(failure);
      }
    },
    [api, article.id, changed, reportError, selected, setStatus],
  );

  const reattach = useCallback(async () => {
    if (!selected || !pending) return;
    try {
      await api.call('annotations:reattach', { articleId: article.id, id: selected.id, start: pending.start, end: pending.end });
      clearSelection();
      await changed({ article: true, library: true });
      setStatus('Annotation re-attached.');
    } catch (failure) {
      reportError(failure);
    }
  }, [api, article.id, changed, clearSelection, pending, reportError, selected, setStatus]);

  // Keys that act on the article: on the selection, or on the selected annotation.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select, dialog, [role="menu"]') || event.defaultPrevented) return;
      if (textRef.current && target === textRef.current && handleSelectionKey(textRef.current, event)) {
        event.preventDefault();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key;
      const act = (fn: () => void): void => {
        event.preventDefault();
        fn();
      };
      if (key === 'Escape') act(() => (pending ? clearSelection() : select(null)));
      else if (/^[1-9]$/.test(key)) {
        const tag = project.tags.find((t) => t.hotkey === Number(key));
        if (tag && (pending || selected)) act(() => void applyTag(tag.id));
      } else if (pending && key === 'h') act(() => void create(pending, 'highlight'));
      else if (pending && key === 'a') act(() => setDialog({ kind: 'actor', range: pending }));
      else if (pending && key === 'c') act(() => setDialog({ kind: 'claim', range: pending }));
      else if (pending && key === 't') act(() => setTagMenu(true));
      else if (key === 'j' || key === 'k') {
        act(() => {
          const index = ordered.findIndex((a) => a.id === selectedId);
          const next = key === 'j' ? ordered[index + 1] ?? ordered[0] : ordered[index - 1] ?? ordered[ordered.length - 1];
          if (next) select(next.id, { scroll: true });
        });
      } else if (selected && (key === 'Delete' || key === 'Backspace')) act(() => void remove());
      else if (selected && key === 'e') act(() => (selected.kind === 'claim' ? setDialog({ kind: 'edit-claim', annotation: selected }) : document.getElementById('annotation-note')?.focus()));
      else if (selected && key === 'r') act(() => void setReview('reviewed'));
      else if (selected && key === 'd') act(() => void setReview('disputed'));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [applyTag, clearSelection, create, ordered, pending, project.tags, remove, select, selected, selectedId, setReview]);

  function onClick(event: ReactMouseEvent<HTMLElement>): void {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    const mark = (event.target as HTMLElement).closest<HTMLElement>('mark[data-ids]');
    if (!mark) {
      select(null);
      return;
    }
    const ids = (mark.dataset.ids ?? '').split(' ').filter(Boolean);
    // Clicking again on nested annotations steps outwards through them.
    const position = selectedId ? ids.indexOf(selectedId) : -1;
    select(position > 0 ? ids[position - 1]! : ids[ids.length - 1]!);
    setPending(null);
  }

  async function updateArticle(patch: { status?: ArticleStatus; note?: string }, message: string): Promise<void> {
    try {
      await api.call('articles:update', { id: article.id, patch });
      await changed({ article: true, library: true });
      setStatus(message);
    } catch (failure) {
      setStatus(messageOf(failure));
      reportError(failure);
    }
  }

  const meta = [article.source, article.published].filter(Boolean).join(' · ');
  return (
    <div className="reader-layout">
      <div className="reader-pane" ref={paneRef}>
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
          <div className="reader-tools">
            <label htmlFor="article-status">Article status</label>
            <select id="article-status" value={article.status} onChange={(e) => void updateArticle({ status: e.target.value as ArticleStatus }, `Article marked ${STATUS_LABELS[e.target.value as ArticleStatus].toLowerCase()}.`)}>
              {Object.entries(STATUS_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
            <button type="button" aria-expanded={showNote} onClick={() => setShowNote((v) => !v)}>
              Article note
            </button>
            <button type="button" onClick={() => setDialog({ kind: 'edit-text' })}>
              Edit text
            </button>
          </div>
          {showNote && (
            <textarea
              className="article-note"
              aria-label="Article note"
              rows={3}
              value={note}
              placeholder="Notes on this article…"
              onChange={(e) => setNote(e.target.value)}
              onBlur={() => note !== article.note && void updateArticle({ note }, 'Article note saved.')}
            />
          )}
        </header>
        <article ref={textRef} className="article-text" aria-label={article.title} tabIndex={0} onMouseUp={readSelection} onKeyUp={readSelection} onClick={onClick}>
          <ArticleText text={article.text} annotations={annotations} selectedId={selectedId} tagColors={tagColors} />
        </article>
        {pending && (
          <div role="toolbar" aria-label="Selection" className="floating-toolbar" style={{ top: pending.top, left: pending.left }} onMouseDown={(event) => event.preventDefault()}>
            <button type="button" onClick={() => void create(pending, 'highlight')} aria-keyshortcuts="H" title="Highlight (H)">
              Highlight
            </button>
            <button type="button" onClick={() => setDialog({ kind: 'actor', range: pending })} aria-keyshortcuts="A" title="Mark an actor (A)">
              Actor
            </button>
            <button type="button" onClick={() => setDialog({ kind: 'claim', range: pending })} aria-keyshortcuts="C" title="Mark a claim (C)">
              Claim
            </button>
            <button type="button" aria-haspopup="menu" aria-expanded={tagMenu} onClick={() => setTagMenu((v) => !v)} aria-keyshortcuts="T" title="Tag (T, or 1–9)">
              Tag
            </button>
            {selected?.anchor === 'orphan' && (
              <button type="button" onClick={() => void reattach()}>
                Re-attach
              </button>
            )}
            {tagMenu && (
              <div role="menu" aria-label="Tags" className="menu tag-menu" onKeyDown={(e) => e.key === 'Escape' && setTagMenu(false)}>
                {project.tags.length === 0 && (
                  <button type="button" role="menuitem" disabled>
                    No tags yet: add them in the Codebook
                  </button>
                )}
                {project.tags.map((tag, index) => (
                  <button key={tag.id} type="button" role="menuitem" autoFocus={index === 0} onClick={() => void applyTag(tag.id)}>
                    <span className="swatch" style={{ background: tag.color }} aria-hidden />
                    {tag.name}
                    {tag.hotkey && <kbd>{tag.hotkey}</kbd>}
                  </button>
                ))}
              </div>
            )}
          </div>
        )}
      </div>
      {dialog?.kind === 'actor' && (
        <ActorPickerDialog
          articleId={article.id}
          range={dialog.range}
          onClose={() => setDialog(null)}
          onSaved={(id) => {
            setDialog(null);
            clearSelection();
            select(id);
            setStatus('Actor mention saved.');
          }}
        />
      )}
      {(dialog?.kind === 'claim' || dialog?.kind === 'edit-claim') && (
        <ClaimFormDialog
          range={dialog.kind === 'claim' ? dialog.range : undefined}
          annotation={dialog.kind === 'edit-claim' ? dialog.annotation : undefined}
          onClose={() => setDialog(null)}
          onSaved={(id) => {
            setDialog(null);
            clearSelection();
            select(id);
            setStatus('Claim saved.');
          }}
        />
      )}
      {dialog?.kind === 'edit-text' && <EditTextDialog article={article} onClose={() => setDialog(null)} />}
    </div>
  );
}
