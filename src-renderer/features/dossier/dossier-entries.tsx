import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { scrollParent, useFocusedRow, useListOffset } from '../../ui/virtual-rows';
import { EntryView, type LibraryEntry } from './entry-view';

type Row = { date: string } | { entry: LibraryEntry };

/** First guesses, replaced by each row's measure once drawn. */
const DATE_HEIGHT = 48;
const ENTRY_HEIGHT = 170;

/**
 * An actor's mentions and claims under their dates, oldest first, virtualised: an actor named
 * across 100,000 articles has thousands of entries, and only those in view (and a few either
 * side) are in the page. Dates and entries are one flat list, each a list item, so a date's
 * heading is drawn only while it is near the view; the list says how many items it holds.
 */
export function DossierEntries({ entries, speakerId }: { entries: readonly LibraryEntry[]; speakerId: string }) {
  const listRef = useRef<HTMLOListElement>(null);
  // Found from the list, not from a ref of the view around it: when the dossier comes from the
  // cache, the list mounts with the view, and a parent's ref is set only after this component's
  // layout effects have run (the virtualizer would find no scroller, and draw nothing).
  const scroller = () => scrollParent(listRef.current);
  const rows = useMemo(() => {
    const out: Row[] = [];
    let date: string | null = null;
    // The main process sends the entries in date order; a date heads its run of entries.
    for (const entry of entries) {
      const day = entry.published || 'Undated';
      if (day !== date) out.push({ date: (date = day) });
      out.push({ entry });
    }
    return out;
  }, [entries]);
  const focus = useFocusedRow();
  const margin = useListOffset(scroller, listRef);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: scroller,
    estimateSize: (index) => ('date' in rows[index]! ? DATE_HEIGHT : ENTRY_HEIGHT),
    getItemKey: (index) => {
      const row = rows[index]!;
      return 'date' in row ? `date-${row.date}` : row.entry.annotation.id;
    },
    overscan: 6,
    scrollMargin: margin,
    rangeExtractor: focus.rangeExtractor,
  });

  return (
    <ol ref={listRef} className="timeline virtual-list" aria-label="Timeline" style={{ height: virtualizer.getTotalSize() }} onFocus={focus.onFocus} onBlur={focus.onBlur}>
      {virtualizer.getVirtualItems().map((item) => {
        const row = rows[item.index]!;
        return (
          <li key={item.key} data-index={item.index} ref={virtualizer.measureElement} aria-posinset={item.index + 1} aria-setsize={rows.length} style={{ transform: `translateY(${item.start - margin}px)` }}>
            {'date' in row ? <h2 className="timeline-date">{row.date}</h2> : <EntryView entry={row.entry} showLinks={row.entry.annotation.claim?.speakerId === speakerId} />}
          </li>
        );
      })}
    </ol>
  );
}
