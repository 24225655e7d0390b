import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { ArticleSummary } from '../../../src-shared/domain/article';
import { ARTICLE_STATUS_LABELS } from '../../ui/labels';
import { MetaLine } from '../../ui/meta-line';

interface Props {
  articles: readonly ArticleSummary[];
  openId: string | null;
  onOpen(id: string): void;
  /** Articles chosen for a report (Ctrl/Cmd+click, Shift+click, Space). */
  selected: ReadonlySet<string>;
  onSelect(ids: Set<string>): void;
  emptyMessage: string;
}

const ROW_HEIGHT = 96;

/**
 * The library as a multi-select listbox, virtualised: only the rows in view are in the page, so
 * 10,000 articles scroll as smoothly as ten. Arrow keys move, Enter opens, Space selects.
 */
export function LibraryList({ articles, openId, onOpen, selected, onSelect, emptyMessage }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const anchor = useRef<number>(0);
  const virtualizer = useVirtualizer({ count: articles.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const focusIndex = Math.max(0, articles.findIndex((a) => a.id === openId));

  function focusRow(index: number): void {
    const bounded = Math.max(0, Math.min(articles.length - 1, index));
    virtualizer.scrollToIndex(bounded);
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${bounded}"]`)?.focus());
  }

  function onClick(event: MouseEvent, index: number, id: string): void {
    if (event.shiftKey) {
      const [from, to] = [Math.min(anchor.current, index), Math.max(anchor.current, index)];
      onSelect(new Set([...selected, ...articles.slice(from, to + 1).map((a) => a.id)]));
      return;
    }
    anchor.current = index;
    if (event.ctrlKey || event.metaKey) {
      const next = new Set(selected);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      onSelect(next);
      return;
    }
    onOpen(id);
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
    else if (event.key === 'End') move(articles.length - 1);
    else if (event.key === 'Enter' && index >= 0) {
      event.preventDefault();
      onOpen(articles[index]!.id);
    } else if (event.key === ' ' && index >= 0) {
      event.preventDefault();
      const id = articles[index]!.id;
      const next = new Set(selected);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      onSelect(next);
    }
  }

  if (articles.length === 0) {
    return (
      // Not an empty listbox: a listbox must hold options, and this is a message, not a choice.
      <div className="library-empty">
        <p>{emptyMessage}</p>
      </div>
    );
  }

  return (
    <div ref={scrollRef} role="listbox" aria-label="Library" aria-multiselectable="true" className="library" onKeyDown={onKeyDown}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const article = articles[row.index]!;
          const isOpen = article.id === openId;
          return (
            <div
              key={article.id}
              data-index={row.index}
              role="option"
              aria-selected={selected.has(article.id)}
              aria-current={isOpen}
              aria-posinset={row.index + 1}
              aria-setsize={articles.length}
              tabIndex={row.index === focusIndex ? 0 : -1}
              className={['library-item', isOpen ? 'open' : '', selected.has(article.id) ? 'chosen' : ''].join(' ')}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
              onClick={(event) => onClick(event, row.index, article.id)}
            >
              <span className="library-title" dir="auto">{article.title}</span>
              <span className="library-meta">{article.source || article.published ? <MetaLine parts={[{ text: article.source, lang: article.language }, { date: article.published }]} /> : 'No source'}</span>
              <span className="library-counts">
                {article.wordCount.toLocaleString()} words · {article.annotationCount} {article.annotationCount === 1 ? 'annotation' : 'annotations'} · {article.claimCount} {article.claimCount === 1 ? 'claim' : 'claims'} · {ARTICLE_STATUS_LABELS[article.status]}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
