import { startTransition, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import type { Annotation } from '../../../src-shared/domain/annotation';
import { PRIORITY, useShortcuts } from '../../app/keymap';
import { useWorkbench, type ArticleSession } from '../../app/workbench-context';
import { ActorPickerDialog } from '../actors/actor-picker-dialog';
import { ClaimFormDialog } from '../claims/claim-form-dialog';
import { ArticleText } from './article-text';
import { EditTextDialog } from './edit-text-dialog';
import { handleSelectionKey } from './keyboard-selection';
import { ReaderHeader } from './reader-header';
import { SelectionToolbar } from './selection-toolbar';
import { selectionOffsets } from './selection-offsets';
import { useAnnotationActions, type PendingSelection } from './use-annotation-actions';

type Dialog = { kind: 'actor' | 'claim'; range: PendingSelection } | { kind: 'edit-claim'; annotation: Annotation } | { kind: 'edit-text' } | null;

/** The open article: its text with annotations, and the toolbars and keys that act on it. */
export function Reader({ session }: { session: ArticleSession }) {
  const { project, setStatus } = useWorkbench();
  const { article, annotations, selectedId, select } = session;
  const [pending, setPending] = useState<PendingSelection | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [tagMenu, setTagMenu] = useState(false);
  const textRef = useRef<HTMLElement>(null);
  const paneRef = useRef<HTMLDivElement>(null);

  const tagColors = useMemo(() => new Map(project.tags.map((t) => [t.id, t.color])), [project.tags]);
  // The text with thousands of marks is redrawn in the background after a change (a new
  // highlight is already painted with the CSS Highlight API), so the next frame is not held up.
  const drawn = useDeferredValue(annotations);
  const ordered = useMemo(() => drawn.filter((a) => a.anchor === 'anchored').sort((a, b) => a.target.start - b.target.start), [drawn]);
  const selected = annotations.find((a) => a.id === selectedId) ?? null;
  // Re-rendering the reader (a toolbar, a mutation's progress) does not walk the whole text again.
  // A fixed direction (the article's, detected or chosen) holds for every paragraph; without one,
  // each paragraph runs the way its own letters do.
  const autoParagraphs = article.direction === undefined;
  const text = useMemo(
    () => <ArticleText text={article.text} annotations={drawn} selectedId={selectedId} tagColors={tagColors} autoParagraphs={autoParagraphs} />,
    [article.text, drawn, selectedId, tagColors, autoParagraphs],
  );
  const actions = useAnnotationActions(session, ordered);

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

  // A press outside the article and its toolbar drops the selection, as the browser drops a
  // text selection: the toolbar would otherwise float on, over whatever moved under it.
  useEffect(() => {
    if (!pending || dialog) return;
    const onPress = (event: MouseEvent) => {
      const target = event.target;
      if (!(target instanceof Node) || textRef.current?.contains(target)) return;
      if (target instanceof Element && target.closest('[role="toolbar"][aria-label="Selection"]')) return;
      clearSelection();
    };
    document.addEventListener('mousedown', onPress);
    return () => document.removeEventListener('mousedown', onPress);
  }, [pending, dialog, clearSelection]);

  /** Highlights the selection (with a tag, from the tag keys); it is drawn before the store answers. */
  const highlight = useCallback(
    (range: PendingSelection, tags: string[] = []) => {
      // The call paints the selection first, so the selection is cleared only after it starts.
      void actions.create(range, tags);
      // Not urgent: the click's frame goes to painting the highlight.
      startTransition(clearSelection);
    },
    [actions, clearSelection],
  );

  const applyTag = useCallback(
    (tagId: string) => {
      if (pending) highlight(pending, [tagId]);
      else if (selected) void actions.toggleTag(selected, tagId);
    },
    [actions, highlight, pending, selected],
  );

  const onSelectionKey = (event: KeyboardEvent): boolean => Boolean(textRef.current && event.target === textRef.current && handleSelectionKey(textRef.current, event));
  // Keys that act on the article: on the selection, or on the selected annotation.
  useShortcuts(
    {
      moveCaret: onSelectionKey,
      selectByCharacter: onSelectionKey,
      selectByLine: onSelectionKey,
      clear: () => (pending ? clearSelection() : select(null)),
      tagHotkey: (event) => {
        const tag = project.tags.find((t) => t.hotkey === Number(event.key));
        if (!tag || !(pending || selected)) return false;
        applyTag(tag.id);
      },
      highlight: () => (pending ? highlight(pending) : false),
      markActor: () => (pending ? setDialog({ kind: 'actor', range: pending }) : false),
      markClaim: () => (pending ? setDialog({ kind: 'claim', range: pending }) : false),
      tagMenu: () => (pending ? setTagMenu(true) : false),
      nextPrevious: (event) => {
        const index = ordered.findIndex((a) => a.id === selectedId);
        const next = event.key === 'j' ? ordered[index + 1] ?? ordered[0] : ordered[index - 1] ?? ordered[ordered.length - 1];
        if (next) select(next.id, { scroll: true });
      },
      remove: () => (selected ? void actions.remove(selected) : false),
      edit: () => {
        if (!selected) return false;
        if (selected.kind === 'claim') setDialog({ kind: 'edit-claim', annotation: selected });
        else document.getElementById('annotation-note')?.focus();
      },
      reviewed: () => (selected ? void actions.setReview(selected, 'reviewed') : false),
      disputed: () => (selected ? void actions.setReview(selected, 'disputed') : false),
    },
    PRIORITY.view,
  );

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

  const saved = (message: string) => (id: string) => {
    setDialog(null);
    clearSelection();
    select(id);
    setStatus(message);
  };

  return (
    <div className="reader-layout">
      <div className="reader-pane" ref={paneRef}>
        <ReaderHeader article={article} onEditText={() => setDialog({ kind: 'edit-text' })} />
        <article ref={textRef} className="article-text" aria-label={article.title} lang={article.language || undefined} dir={article.direction ?? 'auto'} tabIndex={0} onMouseUp={readSelection} onKeyUp={readSelection} onClick={onClick}>
          {text}
        </article>
        {/* Hidden while a dialog acts on the selection: it would show through the dimmed backdrop. */}
        {pending && !dialog && (
          <SelectionToolbar
            pending={pending}
            tagMenu={tagMenu}
            setTagMenu={setTagMenu}
            canReattach={selected?.anchor === 'orphan'}
            onHighlight={() => highlight(pending)}
            onActor={() => setDialog({ kind: 'actor', range: pending })}
            onClaim={() => setDialog({ kind: 'claim', range: pending })}
            onTag={applyTag}
            onReattach={() => selected && void actions.reattach(selected, pending).then((ok) => ok && clearSelection())}
          />
        )}
      </div>
      {dialog?.kind === 'actor' && <ActorPickerDialog articleId={article.id} range={dialog.range} onClose={() => setDialog(null)} onSaved={saved('Actor mention saved.')} />}
      {(dialog?.kind === 'claim' || dialog?.kind === 'edit-claim') && (
        <ClaimFormDialog
          range={dialog.kind === 'claim' ? dialog.range : undefined}
          annotation={dialog.kind === 'edit-claim' ? dialog.annotation : undefined}
          onClose={() => setDialog(null)}
          onSaved={saved('Claim saved.')}
        />
      )}
      {dialog?.kind === 'edit-text' && <EditTextDialog article={article} onClose={() => setDialog(null)} />}
    </div>
  );
}
