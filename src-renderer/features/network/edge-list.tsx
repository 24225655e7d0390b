import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import type { NetworkEdge, NetworkGraph } from '../../../src-shared/network/network-graph';
import { rowsWithGaps, scrollParent, useFocusedRow, useListOffset } from '../../ui/virtual-rows';

/** A row of one line; measured, so a long name that wraps is fine. */
const ROW_HEIGHT = 29;

export const EDGE_TYPE_LABELS: Record<NetworkEdge['type'], string> = {
  mentions: 'mentions',
  supports: 'supports',
  contradicts: 'contradicts',
  repeats: 'repeats',
  'co-mention': 'named beside',
};

/**
 * The network's links as a table: the same edges as the drawing, for keyboard and screen-reader
 * users (and for anyone who would rather read). Each row opens the claims behind its link. All the
 * links are there, most claims first, and the table is virtualised (a library of 100,000 articles
 * draws thousands of links): only the rows in view are in the page, with `aria-rowcount` and
 * `aria-rowindex` saying where they are. It scrolls with the panel around it.
 */
export function EdgeList({ graph, selected, onSelect }: { graph: NetworkGraph; selected: string | null; onSelect(edge: NetworkEdge): void }) {
  const [filter, setFilter] = useState('');
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const q = filter.trim().toLowerCase();
  const rows = graph.edges
    .filter((e) => !q || (names.get(e.source) ?? '').toLowerCase().includes(q) || (names.get(e.target) ?? '').toLowerCase().includes(q) || e.type.includes(q))
    .sort((a, b) => b.count - a.count || (names.get(a.source) ?? '').localeCompare(names.get(b.source) ?? ''));
  const focus = useFocusedRow();
  const margin = useListOffset(() => scrollParent(bodyRef.current), bodyRef);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollParent(bodyRef.current),
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]!.id,
    overscan: 10,
    scrollMargin: margin,
    rangeExtractor: focus.rangeExtractor,
  });
  return (
    <section className="edge-list" aria-labelledby="edge-list-heading">
      <h2 id="edge-list-heading" className="panel-heading">
        Links
      </h2>
      <input type="search" aria-label="Filter links by actor or kind" placeholder="Filter by actor or kind…" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <p className="muted small">{rows.length < graph.edges.length ? `${rows.length} of ${graph.edges.length} links, most claims first` : `${graph.edges.length} ${graph.edges.length === 1 ? 'link' : 'links'}`}</p>
      <table className="edge-table" aria-label="Links between actors" aria-rowcount={rows.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">From</th>
            <th scope="col">Link</th>
            <th scope="col">To</th>
            <th scope="col">Claims</th>
          </tr>
        </thead>
        <tbody ref={bodyRef} onFocus={focus.onFocus} onBlur={focus.onBlur}>
          {rowsWithGaps(virtualizer.getVirtualItems(), margin, virtualizer.getTotalSize()).map((item) => {
            if ('gap' in item) return <tr key={item.key} aria-hidden="true" style={{ height: item.gap }} />;
            const e = rows[item.row.index]!;
            return (
              <tr key={e.id} data-index={item.row.index} ref={virtualizer.measureElement} aria-rowindex={item.row.index + 2} className={e.id === selected ? 'selected' : undefined} aria-current={e.id === selected ? true : undefined}>
                <td>{names.get(e.source)}</td>
                <td className={`edge-type edge-${e.type}`}>{EDGE_TYPE_LABELS[e.type]}</td>
                <td>{names.get(e.target)}</td>
                <td>
                  <button type="button" className="link-button" onClick={() => onSelect(e)} aria-label={`Show the ${e.count} ${e.type === 'co-mention' ? 'passages' : e.count === 1 ? 'claim' : 'claims'}: ${names.get(e.source)} ${EDGE_TYPE_LABELS[e.type]} ${names.get(e.target)}`}>
                    {e.count}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
