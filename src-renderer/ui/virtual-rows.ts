import { defaultRangeExtractor, type Range, type VirtualItem } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState, type FocusEvent, type RefObject } from 'react';

/**
 * How far below the top of its scrolling element's content a virtual list starts (the filters,
 * headings and charts above it scroll with it): the virtualizer's `scrollMargin`. Measured after
 * every render, since what sits above changes height as it loads; the state changes only when the
 * measure does, so it settles at once.
 */
export function useListOffset(getScrollElement: () => HTMLElement | null, startRef: RefObject<HTMLElement | null>): number {
  const [offset, setOffset] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const scroller = getScrollElement();
    const start = startRef.current;
    const next = scroller && start ? Math.round(start.getBoundingClientRect().top - scroller.getBoundingClientRect().top - scroller.clientTop + scroller.scrollTop) : 0;
    if (next !== offset) setOffset(next);
  });
  return offset;
}

/** Rows kept either side of the focused one: Tab and Shift+Tab go on to them (past a dossier's date heading). */
const FOCUS_NEIGHBOURS = 2;

/**
 * Keeps the row that holds the focus, and its neighbours, in the page while it is scrolled out of
 * view: unmounted, it would drop the focus to the document, and the next Tab would start again
 * from the top; without its neighbours, Tab would jump to the rows in view. Give
 * `rangeExtractor` to the virtualizer and the handlers to the element around the rows; each row
 * carries `data-index`, as the virtualizer's `measureElement` wants anyway.
 */
export function useFocusedRow() {
  const focused = useRef<number | null>(null);
  return {
    rangeExtractor(range: Range): number[] {
      const rows = defaultRangeExtractor(range);
      const index = focused.current;
      if (index === null || index >= range.count) return rows;
      const kept = new Set(rows);
      for (let i = Math.max(0, index - FOCUS_NEIGHBOURS); i <= Math.min(range.count - 1, index + FOCUS_NEIGHBOURS); i++) kept.add(i);
      return [...kept].sort((a, b) => a - b);
    },
    onFocus(event: FocusEvent<HTMLElement>): void {
      const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
      focused.current = row ? Number(row.dataset.index) : null;
    },
    onBlur(event: FocusEvent<HTMLElement>): void {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) focused.current = null;
    },
  };
}

/** A row to draw, or the empty space that stands for the rows between two drawn ones. */
export type RowOrGap = { row: VirtualItem } | { gap: number; key: string };

/**
 * The rows of a virtual table in order, with the space before, between (a focused row kept far
 * from the others) and after them as gaps of the rows' height: a table cannot place rows at
 * absolute positions without losing its columns, so spacer rows hold the scroll height instead.
 */
export function rowsWithGaps(items: readonly VirtualItem[], scrollMargin: number, totalSize: number): RowOrGap[] {
  const out: RowOrGap[] = [];
  let end = 0;
  for (const row of items) {
    const start = row.start - scrollMargin;
    if (start > end) out.push({ gap: start - end, key: `gap-${row.index}` });
    out.push({ row });
    end = row.end - scrollMargin;
  }
  if (totalSize > end) out.push({ gap: totalSize - end, key: 'gap-end' });
  return out;
}

/** The nearest element above `element` that scrolls vertically (the list's viewport). */
export function scrollParent(element: HTMLElement | null): HTMLElement | null {
  for (let parent = element?.parentElement ?? null; parent; parent = parent.parentElement) {
    const { overflowY } = getComputedStyle(parent);
    if (overflowY === 'auto' || overflowY === 'scroll') return parent;
  }
  return null;
}
