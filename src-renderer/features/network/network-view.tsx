import { useMemo, useRef, useState } from 'react';
import { VERIFICATION_LABELS, type Verification } from '../../../src-shared/domain/claim';
import type { ReviewStatus } from '../../../src-shared/domain/annotation';
import type { NetworkEdge, NetworkFilters } from '../../../src-shared/network/network-graph';
import { networkToSvg } from '../../../src-shared/network/network-svg';
import { useApiQuery } from '../../api/queries';
import { useNavigation } from '../../app/navigation';
import { useWorkbench } from '../../app/workbench-context';
import { LabelOptions } from '../../ui/label-options';
import { ACTOR_KIND_LABELS, REVIEW_STATUS_LABELS } from '../../ui/labels';
import { EntryView } from '../dossier/entry-view';
import { useSaveFile } from '../export/use-save-file';
import { EDGE_TYPE_LABELS, EdgeList } from './edge-list';
import { edgeLabel, NetworkCanvas, type NetworkCanvasHandle } from './network-canvas';
import { KIND_SHAPES, readPalette } from './network-palette';
import './network.css';

const EMPTY = { nodes: [], edges: [] };

/** Who says what about whom: the network of actors, with its links as a table and the claims behind a link. */
export function NetworkView() {
  const nav = useNavigation();
  const { project, reportError } = useWorkbench();
  const save = useSaveFile();
  const [filters, setFilters] = useState<NetworkFilters>({ coMention: false });
  const [edge, setEdge] = useState<NetworkEdge | null>(null);
  const canvas = useRef<NetworkCanvasHandle | null>(null);
  const query = useApiQuery('network:graph', { filters });
  const graph = query.data ?? EMPTY;
  const names = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n.name])), [graph]);
  const claims = useApiQuery('network:edge', { source: edge?.source ?? '', target: edge?.target ?? '', type: edge?.type ?? 'mentions', filters }, { enabled: edge !== null });

  const set = (patch: Partial<NetworkFilters>) => {
    setEdge(null);
    setFilters((f) => Object.fromEntries(Object.entries({ ...f, ...patch }).filter(([, v]) => v !== '' && v !== undefined)) as NetworkFilters);
  };

  async function exportDrawing(kind: 'svg' | 'png'): Promise<void> {
    const handle = canvas.current;
    if (!handle) return;
    try {
      const stem = `${project.name || 'Project'} network`.replace(/[^\p{L}\p{N} -]+/gu, '').trim();
      if (kind === 'svg') await save(`${stem}.svg`, networkToSvg(graph, handle.positions(), readPalette()), 'image/svg+xml');
      else {
        // A data URL is text; the browser download keeps it as the PNG it encodes.
        const link = document.createElement('a');
        link.href = handle.png();
        link.download = `${stem}.png`;
        link.click();
      }
    } catch (failure) {
      reportError(failure);
    }
  }

  return (
    <div className="network-view">
      <main className="network-main" aria-label="Network">
        <div className="network-toolbar">
          <label>
            From <input type="date" value={filters.from ?? ''} onChange={(e) => set({ from: e.target.value })} />
          </label>
          <label>
            to <input type="date" value={filters.to ?? ''} onChange={(e) => set({ to: e.target.value })} />
          </label>
          <select aria-label="Filter by tag" value={filters.tagId ?? ''} onChange={(e) => set({ tagId: e.target.value })}>
            <option value="">Any tag</option>
            {project.tags.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <select aria-label="Filter by verification" value={filters.verification ?? ''} onChange={(e) => set({ verification: (e.target.value || undefined) as Verification | undefined })}>
            <option value="">Any verification</option>
            <LabelOptions labels={VERIFICATION_LABELS} />
          </select>
          <select aria-label="Filter by review status" value={filters.reviewStatus ?? ''} onChange={(e) => set({ reviewStatus: (e.target.value || undefined) as ReviewStatus | undefined })}>
            <option value="">Any review status</option>
            <LabelOptions labels={REVIEW_STATUS_LABELS} />
          </select>
          <label>
            <input type="checkbox" checked={filters.coMention ?? false} onChange={(e) => set({ coMention: e.target.checked })} /> Named in one paragraph
          </label>
          <span className="spacer" />
          <button type="button" className="icon-button" aria-label="Zoom in" onClick={() => canvas.current?.zoom(1.25)}>
            +
          </button>
          <button type="button" className="icon-button" aria-label="Zoom out" onClick={() => canvas.current?.zoom(0.8)}>
            −
          </button>
          <button type="button" onClick={() => canvas.current?.fit()}>
            Fit
          </button>
          <button type="button" onClick={() => void exportDrawing('svg')} disabled={!graph.nodes.length}>
            Export SVG
          </button>
          <button type="button" onClick={() => void exportDrawing('png')} disabled={!graph.nodes.length}>
            Export PNG
          </button>
        </div>
        <div className="network-stage">
          {graph.nodes.length > 0 && <NetworkCanvas graph={graph} selectedEdge={edge?.id ?? null} onNode={(id) => nav.showActor(id)} onEdge={setEdge} handle={canvas} />}
          {query.isPending && <p className="network-empty muted">Drawing the network…</p>}
          {!query.isPending && graph.nodes.length === 0 && (
            <p className="network-empty muted">No actors in this network yet: mark claims with a speaker and the actors they name, or widen the filters.</p>
          )}
        </div>
        <Legend coMention={filters.coMention ?? false} />
      </main>
      <aside className="network-side" aria-label="Links and claims">
        {edge && (
          <section className="edge-claims" aria-labelledby="edge-claims-heading">
            <div className="edge-claims-head">
              <h2 id="edge-claims-heading" className="panel-heading">
                {edgeLabel(edge, (id) => names.get(id) ?? '?')}
              </h2>
              <button type="button" className="icon-button" aria-label="Close the claims of this link" onClick={() => setEdge(null)}>
                ×
              </button>
            </div>
            {claims.isPending && <p className="muted">Loading…</p>}
            {claims.data?.length === 0 && <p className="muted">This link is no longer in the network.</p>}
            {claims.data?.map((entry) => (
              <EntryView key={`${entry.articleId}/${entry.annotation.id}`} entry={entry} />
            ))}
          </section>
        )}
        <EdgeList graph={graph} selected={edge?.id ?? null} onSelect={setEdge} />
        {!edge && graph.edges.length > 0 && <p className="muted network-hint">Choose a link in the drawing, or its number of claims in the table, to read the claims behind it. Choose an actor to open their dossier.</p>}
      </aside>
    </div>
  );
}

/** What the shapes, colours and lines mean; "named beside" only while those links are drawn. */
function Legend({ coMention }: { coMention: boolean }) {
  return (
    <div className="network-legend" aria-hidden="true">
      {Object.entries(ACTOR_KIND_LABELS).map(([kind, label]) => (
        <span key={kind} className={`legend-kind kind-${kind}`}>
          <span className={`legend-shape shape-${KIND_SHAPES[kind as keyof typeof KIND_SHAPES]}`} /> {label}
        </span>
      ))}
      {Object.entries(EDGE_TYPE_LABELS)
        .filter(([type]) => coMention || type !== 'co-mention')
        .map(([type, label]) => (
        <span key={type} className={`legend-edge edge-${type}`}>
          <span className="legend-line" /> {label}
        </span>
      ))}
    </div>
  );
}
