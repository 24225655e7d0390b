import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { ArticleSummary } from '../../../src-shared/domain/article';
import { ARTICLE_STATUS_LABELS } from '../../ui/labels';
import { MetaLine } from '../../ui/meta-line';
import type { LibraryRows } from './use-library-rows';

interface Props {
  rows: LibraryRows;
  /** Changes when the sort, the words or the filters change: the list goes back to its top. */
  selectionKey: string;
  openId: string | null;
  onOpen(id: string): void;
  /** Articles chosen for a report (Ctrl/Cmd+click, Shift+click, Space). */
  selected: ReadonlySet<string>;
  onSelect(ids: Set<string>): void;
  emptyMessage: string;
}

const ROW_HEIGHT = 96;

/**
 * The library as a multi-select listbox, virtualised: only the rows in view are in the page, and
 * only their pages are read from the main process, so 100,000 articles scroll as smoothly as ten.
 * A row whose page is on its way shows as loading. Arrow keys move, Enter opens, Space selects.
 */
export function LibraryList({ rows, selectionKey, openId, onOpen, selected, onSelect, emptyMessage }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const anchor = useRef<number>(0);
  const count = rows.total ?? 0;
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { show } = rows;
  const shownKey = useRef(selectionKey);
  useEffect(() => {
    if (shownKey.current !== selectionKey) {
      // A new sort or filter starts at the top, where the rows hook starts reading; the rows on
      // screen now are where the old list was scrolled to, not worth a request.
      shownKey.current = selectionKey;
      if (scrollRef.current) scrollRef.current.scrollTop = 0;
      anchor.current = 0;
      return;
    }
    show(first, last);
  }, [show, first, last, selectionKey]);

  // The open article's row takes the tab stop when it is on screen, else the first row shown.
  const openIndex = items.find((row) => rows.at(row.index)?.id === openId)?.index;
  const focusIndex = openIndex ?? first;

  function focusRow(index: number): void {
    const bounded = Math.max(0, Math.min(count - 1, index));
    virtualizer.scrollToIndex(bounded);
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${bounded}"]`)?.focus());
  }

  function toggle(id: string): void {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  }

  async function onClick(event: MouseEvent, index: number, article: ArticleSummary | undefined): Promise<void> {
    if (event.shiftKey) {
      const [from, to] = [Math.min(anchor.current, index), Math.max(anchor.current, index)];
      // Rows between may be on pages never loaded: their ids come from the main process.
      const ids = await rows.idsBetween(from, to);
      onSelect(new Set([...selected, ...ids]));
      return;
    }
    if (!article) return;
    anchor.current = index;
    if (event.ctrlKey || event.metaKey) toggle(article.id);
    else onOpen(article.id);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const index = Number((document.activeElement as HTMLElement | null)?.dataset.index ?? -1);
    const move = (to: number) => {
      event.preventDefault();
      focusRow(to);
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(count - 1);
    else if ((event.key === 'Enter' || event.key === ' ') && index >= 0) {
      event.preventDefault();
      const article = rows.at(index);
      // A row still loading has nothing to open or choose yet.
      if (!article) return;
      if (event.key === 'Enter') onOpen(article.id);
      else toggle(article.id);
    }
  }

  if (rows.total === undefined) return <p className="library-empty muted">Loading the library…</p>;
  if (count === 0) {
    return (
      // Not an empty listbox: a listbox must hold options, and this is a message, not a choice.
      <div className="library-empty">
        <p>{emptyMessage}</p>
      </div>
    );
  }

  return (
    <div ref={scrollRef} role="listbox" aria-label="Library" aria-multiselectable="true" aria-busy={rows.previous} className="library" onKeyDown={onKeyDown}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((row) => {
          const article = rows.at(row.index);
          const isOpen = article !== undefined && article.id === openId;
          const isChosen = article !== undefined && selected.has(article.id);
          return (
            <div
              // By position: a row keeps its element (and focus) when its page arrives.
              key={row.key}
              data-index={row.index}
              role="option"
              aria-selected={isChosen}
              aria-current={isOpen}
              aria-posinset={row.index + 1}
              aria-setsize={count}
              tabIndex={row.index === focusIndex ? 0 : -1}
              className={['library-item', isOpen ? 'open' : '', isChosen ? 'chosen' : ''].join(' ')}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
              onClick={(event) => void onClick(event, row.index, article)}
            >
              {article ? <Row article={article} /> : <span className="library-title muted">Loading…</span>}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function Row({ article }: { article: ArticleSummary }) {
  return (
    <>
      <span className="library-title" dir="auto">
        {article.title}
      </span>
      <span className="library-meta">{article.source || article.published ? <MetaLine parts={[{ text: article.source, lang: article.language }, { date: article.published }]} /> : 'No source'}</span>
      <span className="library-counts">
        {article.wordCount.toLocaleString()} words · {article.annotationCount} {article.annotationCount === 1 ? 'annotation' : 'annotations'} · {article.claimCount} {article.claimCount === 1 ? 'claim' : 'claims'} · {ARTICLE_STATUS_LABELS[article.status]}
      </span>
    </>
  );
}
