import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { Actor } from '../../../src-shared/domain/actor';
import { useFocusedRow, useListOffset } from '../../ui/virtual-rows';

type ListedActor = Pick<Actor, 'id' | 'name' | 'aliases'> & { mentionCount: number; claimCount: number };

/** An actor's row: name and one line of counts. Measured, so a long name that wraps is fine. */
const ROW_HEIGHT = 50;

/**
 * The actors of the project, most mentioned first, filtered by name or alias; virtualised (a
 * library of 100,000 articles names thousands), with the chosen actor scrolled into view when it
 * changes, here or from elsewhere (a node of the Network view).
 */
export function ActorList({ actors, chosen, onSelect }: { actors: readonly ListedActor[]; chosen: string | null; onSelect(id: string): void }) {
  const [filter, setFilter] = useState('');
  const scrollRef = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const q = filter.toLowerCase();
  const shown = actors.filter((a) => !q || [a.name, ...a.aliases].some((n) => n.toLowerCase().includes(q))).sort((a, b) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
  const focus = useFocusedRow();
  const margin = useListOffset(() => scrollRef.current, listRef);
  const virtualizer = useVirtualizer({ count: shown.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8, scrollMargin: margin, rangeExtractor: focus.rangeExtractor });

  const chosenIndex = shown.findIndex((a) => a.id === chosen);
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    // Once per choice: scrolling by hand afterwards is the user's business.
    if (chosenIndex < 0 || scrolledTo.current === chosen) return;
    scrolledTo.current = chosen;
    virtualizer.scrollToIndex(chosenIndex, { align: 'auto' });
  }, [chosen, chosenIndex, virtualizer]);

  return (
    <nav className="view-list" aria-label="Actor list" ref={scrollRef}>
      <input type="search" aria-label="Filter actors" placeholder="Filter actors…" value={filter} onChange={(e) => setFilter(e.target.value)} />
      {shown.length === 0 ? (
        <ul>
          <li className="muted">{actors.length === 0 ? 'No actors yet: mark them in an article (select a name, press A).' : 'No actor has that name.'}</li>
        </ul>
      ) : (
        <ul ref={listRef} className="virtual-list" style={{ height: virtualizer.getTotalSize() }} onFocus={focus.onFocus} onBlur={focus.onBlur}>
          {virtualizer.getVirtualItems().map((row) => {
            const a = shown[row.index]!;
            return (
              <li key={a.id} data-index={row.index} ref={virtualizer.measureElement} aria-posinset={row.index + 1} aria-setsize={shown.length} style={{ transform: `translateY(${row.start - margin}px)` }}>
                <button type="button" aria-current={a.id === chosen} className={a.id === chosen ? 'selected' : undefined} onClick={() => onSelect(a.id)}>
                  <span>{a.name}</span>
                  <span className="muted">
                    {a.mentionCount} {a.mentionCount === 1 ? 'mention' : 'mentions'} · {a.claimCount} {a.claimCount === 1 ? 'claim' : 'claims'}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </nav>
  );
}
