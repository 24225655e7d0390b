import { useState } from 'react';
import type { NetworkEdge, NetworkGraph } from '../../../src-shared/network/network-graph';

/** Rows past this are summarised: a table of 15,000 links helps nobody, a filter does. */
const MAX_ROWS = 300;

export const EDGE_TYPE_LABELS: Record<NetworkEdge['type'], string> = {
  mentions: 'mentions',
  supports: 'supports',
  contradicts: 'contradicts',
  repeats: 'repeats',
  'co-mention': 'named beside',
};

/**
 * The network's links as a table: the same edges as the drawing, for keyboard and screen-reader
 * users (and for anyone who would rather read). Each row opens the claims behind its link.
 */
export function EdgeList({ graph, selected, onSelect }: { graph: NetworkGraph; selected: string | null; onSelect(edge: NetworkEdge): void }) {
  const [filter, setFilter] = useState('');
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const q = filter.trim().toLowerCase();
  const matching = graph.edges
    .filter((e) => !q || (names.get(e.source) ?? '').toLowerCase().includes(q) || (names.get(e.target) ?? '').toLowerCase().includes(q) || e.type.includes(q))
    .sort((a, b) => b.count - a.count || (names.get(a.source) ?? '').localeCompare(names.get(b.source) ?? ''));
  const rows = matching.slice(0, MAX_ROWS);
  return (
    <section className="edge-list" aria-labelledby="edge-list-heading">
      <h2 id="edge-list-heading" className="panel-heading">
        Links
      </h2>
      <input type="search" aria-label="Filter links by actor or kind" placeholder="Filter by actor or kind…" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <p className="muted small">{matching.length < graph.edges.length || rows.length < matching.length ? `${rows.length} of ${graph.edges.length} links shown, most claims first` : `${graph.edges.length} ${graph.edges.length === 1 ? 'link' : 'links'}`}</p>
      <table className="edge-table" aria-label="Links between actors">
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Link</th>
            <th scope="col">To</th>
            <th scope="col">Claims</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.id} className={e.id === selected ? 'selected' : undefined} aria-current={e.id === selected ? true : undefined}>
              <td>{names.get(e.source)}</td>
              <td className={`edge-type edge-${e.type}`}>{EDGE_TYPE_LABELS[e.type]}</td>
              <td>{names.get(e.target)}</td>
              <td>
                <button type="button" className="link-button" onClick={() => onSelect(e)} aria-label={`Show the ${e.count} ${e.type === 'co-mention' ? 'passages' : e.count === 1 ? 'claim' : 'claims'}: ${names.get(e.source)} ${EDGE_TYPE_LABELS[e.type]} ${names.get(e.target)}`}>
                  {e.count}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
