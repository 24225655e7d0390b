import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

const ROW_HEIGHT = 54;

interface Props {
  /** The listbox's name ("Annotations to review"). */
  label: string;
  count: number;
  /** The item shown in the view beside the list. */
  current: number;
  onPick(index: number): void;
  /** What a row shows: a title line and the words in question. */
  row(index: number): { title: string; words: ReactNode };
}

/**
 * The Review view's queue beside the item shown: a listbox with one tab stop, virtualised (the
 * queue holds up to 500 items, each with its context), the shown item selected and scrolled into
 * view as the review moves on. Arrow keys, Home and End move through it and show what they reach;
 * the view's own keys (R, D, N…) keep working from here.
 */
export function QueueList({ label, count, current, onPick, row }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  // The shown item's row is the tab stop; scrolled away from it, the first row in view.
  const tabStop = items.some((item) => item.index === current) ? current : items[0]?.index;

  useEffect(() => {
    if (current < count) virtualizer.scrollToIndex(current, { align: 'auto' });
  }, [current, count, virtualizer]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    // From the focused row (the first in view, when the list was scrolled away from the shown item).
    const from = Number((event.target as HTMLElement).dataset.index ?? current);
    const to = event.key === 'ArrowDown' ? from + 1 : event.key === 'ArrowUp' ? from - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? count - 1 : null;
    if (to === null) return;
    event.preventDefault();
    const bounded = Math.max(0, Math.min(count - 1, to));
    onPick(bounded);
    const rowAt = () => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${bounded}"]`);
    // At once when the row is drawn, so that quick presses each move on from the last; else once
    // the list has scrolled to it.
    const row = rowAt();
    if (row) row.focus();
    else {
      virtualizer.scrollToIndex(bounded);
      requestAnimationFrame(() => rowAt()?.focus());
    }
  }

  if (count === 0) return null;
  return (
    <nav className="view-list review-queue-list" aria-label="Review queue list">
      <div ref={scrollRef} role="listbox" aria-label={label} className="queue-list" onKeyDown={onKeyDown}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const { title, words } = row(item.index);
            const isCurrent = item.index === current;
            return (
              <div
                // By position: the row keeps its element (and the focus) when the item under it is done.
                key={item.key}
                data-index={item.index}
                role="option"
                aria-selected={isCurrent}
                aria-posinset={item.index + 1}
                aria-setsize={count}
                tabIndex={item.index === tabStop ? 0 : -1}
                className={isCurrent ? 'queue-item selected' : 'queue-item'}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                onClick={() => onPick(item.index)}
              >
                <span className="queue-title">
                  <bdi>{title}</bdi>
                </span>
                <span className="queue-words" dir="auto">
                  {words}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </nav>
  );
}
