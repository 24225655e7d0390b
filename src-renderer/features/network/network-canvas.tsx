import cytoscape, { type Core, type StylesheetJson } from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { NetworkEdge, NetworkGraph } from '../../../src-shared/network/network-graph';
import { layoutNetwork, type NetworkPositions } from '../../../src-shared/network/network-layout';
import { nodeRadius, type NetworkPalette } from '../../../src-shared/network/network-svg';
import { KIND_SHAPES, onThemeChange, readPalette } from './network-palette';

/** What the view can ask of the drawing. */
export interface NetworkCanvasHandle {
  /** Where each node is now (after the user's dragging), for the SVG export. */
  positions(): NetworkPositions;
  png(): string;
  fit(): void;
  zoom(factor: number): void;
}

interface Props {
  graph: NetworkGraph;
  selectedEdge: string | null;
  onNode(actorId: string): void;
  onEdge(edge: NetworkEdge): void;
  handle: React.RefObject<NetworkCanvasHandle | null>;
}

export const edgeLabel = (edge: NetworkEdge, name: (id: string) => string) =>
  `${name(edge.source)} ${edge.type === 'co-mention' ? 'named beside' : edge.type} ${name(edge.target)}${edge.count > 1 ? ` (${edge.count} ${edge.type === 'co-mention' ? 'paragraphs' : 'claims'})` : ''}`;

function stylesheet(p: NetworkPalette, large: boolean): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        shape: 'data(shape)' as never,
        'background-color': 'data(color)',
        label: 'data(name)',
        color: p.ink,
        'font-size': 11,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': p.background,
        'text-outline-width': 2,
        // Labels of small nodes appear as one zooms in: 2,000 labels at once are unreadable and slow.
        'min-zoomed-font-size': 9,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': 'data(color)',
        'target-arrow-color': 'data(color)',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        // Straight 'haystack' lines cost far less than curves past a few thousand edges (no arrowheads).
        'curve-style': large ? 'haystack' : 'bezier',
        opacity: 0.75,
        'font-size': 11,
        color: p.ink,
        'text-background-color': p.background,
        'text-background-opacity': 0.9,
        'text-background-padding': '2px',
      },
    },
    { selector: 'edge[type = "contradicts"]', style: { 'line-style': 'dashed' } },
    { selector: 'edge[type = "co-mention"]', style: { 'line-style': 'dotted', 'target-arrow-shape': 'none' } },
    { selector: 'edge.hover', style: { label: 'data(label)', opacity: 1, 'z-index': 10 } },
    // The claims panel is headed by the selected link's label: on the drawing it would only cover the nodes' names.
    { selector: 'edge:selected', style: { width: 4, opacity: 1, 'z-index': 10 } },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': p.ink } },
  ];
}

/** The network drawn with Cytoscape.js (chosen by measurement: docs/performance.md). */
export function NetworkCanvas({ graph, selectedEdge, onNode, onEdge, handle }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const callbacks = useRef({ onNode, onEdge });
  callbacks.current = { onNode, onEdge };

  useEffect(() => {
    const positions = layoutNetwork(graph);
    const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
    const palette = readPalette();
    const large = graph.edges.length > 3000;
    const core = cytoscape({
      container: container.current,
      elements: [
        ...graph.nodes.map((n) => ({
          data: { id: n.id, name: n.name, size: 2 * nodeRadius(n), shape: KIND_SHAPES[n.kind], color: palette.kinds[n.kind] },
          position: positions.get(n.id)!,
        })),
        ...graph.edges.map((e) => ({
          data: { id: e.id, source: e.source, target: e.target, type: e.type, width: Math.min(6, 1 + Math.log2(e.count)), color: palette.edges[e.type], label: edgeLabel(e, (id) => names.get(id) ?? '?') },
        })),
      ],
      layout: { name: 'preset', fit: true, padding: 40 },
      style: stylesheet(palette, large),
      minZoom: 0.05,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      // Large networks pan as a moved picture, edges hidden until the view rests.
      hideEdgesOnViewport: graph.edges.length > 3000,
      textureOnViewport: graph.nodes.length > 500,
    });
    core.on('mouseover', 'edge', (e) => e.target.addClass('hover'));
    core.on('mouseout', 'edge', (e) => e.target.removeClass('hover'));
    core.on('tap', 'node', (e) => callbacks.current.onNode(e.target.id()));
    const edges = new Map(graph.edges.map((e) => [e.id, e]));
    core.on('tap', 'edge', (e) => {
      const edge = edges.get(e.target.id());
      if (edge) callbacks.current.onEdge(edge);
    });
    cy.current = core;
    container.current?.setAttribute('data-drawn', String(graph.nodes.length));
    const restyle = () => {
      const p = readPalette();
      const kinds = new Map(graph.nodes.map((n) => [n.id, n.kind]));
      core.batch(() => {
        core.nodes().forEach((n) => void n.data('color', p.kinds[kinds.get(n.id()) ?? 'other']));
        core.edges().forEach((e) => void e.data('color', p.edges[e.data('type') as NetworkEdge['type']]));
      });
      core.style(stylesheet(p, large));
    };
    const stop = onThemeChange(restyle);
    return () => {
      stop();
      core.destroy();
      cy.current = null;
    };
  }, [graph]);

  useEffect(() => {
    const core = cy.current;
    if (!core) return;
    core.edges(':selected').unselect();
    if (selectedEdge) core.getElementById(selectedEdge).select();
  }, [selectedEdge, graph]);

  useEffect(() => {
    handle.current = {
      positions: () => new Map((cy.current?.nodes().toArray() ?? []).map((n) => [n.id(), { ...n.position() }])),
      png: () => cy.current?.png({ full: true, scale: 2, bg: readPalette().background }) ?? '',
      fit: () => cy.current?.fit(undefined, 40),
      zoom: (factor) => {
        const core = cy.current;
        if (!core) return;
        core.zoom({ level: core.zoom() * factor, renderedPosition: { x: core.width() / 2, y: core.height() / 2 } });
      },
    };
  }, [handle]);

  return <div ref={container} className="network-canvas" role="img" aria-label={`Network of ${graph.nodes.length} actors and ${graph.edges.length} links; the same links are listed in the table beside it`} />;
}
