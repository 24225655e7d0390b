import type { ActorKind } from '../domain/actor';
import type { NetworkEdgeType, NetworkGraph } from './network-graph';
import type { NetworkPositions } from './network-layout';

/** The colours a drawing uses, read by the renderer from the page's theme (CSS custom properties). */
export interface NetworkPalette {
  background: string;
  ink: string;
  muted: string;
  kinds: Record<ActorKind, string>;
  edges: Record<NetworkEdgeType, string>;
}

/** Radius of an actor's node: grows with the square root of mentions and claims, so area follows presence. */
export const nodeRadius = (node: { mentions: number; claims: number }): number => 6 + 3 * Math.sqrt(node.mentions + node.claims);

const escapeXml = (text: string) =>
  // Controls XML 1.0 cannot hold are dropped; the five markup characters are escaped.
  text.replace(/[\p{Cc}\ufffe\uffff]/gu, (c) => (c === '\t' || c === '\n' || c === '\r' ? c : '')).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const DASH: Partial<Record<NetworkEdgeType, string>> = { contradicts: '6 4', 'co-mention': '2 3' };

/**
 * The network as a standalone SVG document, at the positions it is drawn (after the user's
 * dragging): what "Export as SVG" saves. Names are XML-escaped; shapes follow the kind as on
 * screen only by colour (an SVG viewer has no legend), and the legend is drawn in a corner.
 */
export function networkToSvg(graph: NetworkGraph, positions: NetworkPositions, palette: NetworkPalette): string {
  const placed = graph.nodes.filter((n) => positions.has(n.id));
  const xs = placed.map((n) => positions.get(n.id)!.x);
  const ys = placed.map((n) => positions.get(n.id)!.y);
  const pad = 80;
  const minX = Math.min(0, ...xs) - pad;
  const minY = Math.min(0, ...ys) - pad;
  const width = Math.max(1, ...xs) - minX + pad;
  const height = Math.max(1, ...ys) - minY + pad + 40;
  const at = (id: string) => positions.get(id);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX.toFixed(0)} ${minY.toFixed(0)} ${width.toFixed(0)} ${height.toFixed(0)}" width="${width.toFixed(0)}" height="${height.toFixed(0)}" font-family="system-ui, sans-serif" font-size="12">`,
    `<defs>${Object.entries(palette.edges).map(([type, color]) => `<marker id="arrow-${type}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${escapeXml(color)}"/></marker>`).join('')}</defs>`,
    `<rect x="${minX.toFixed(0)}" y="${minY.toFixed(0)}" width="100%" height="100%" fill="${escapeXml(palette.background)}"/>`,
  ];
  const radius = new Map(placed.map((n) => [n.id, nodeRadius(n)]));
  for (const edge of graph.edges) {
    const a = at(edge.source);
    const b = at(edge.target);
    if (!a || !b) continue;
    // Stop the line at the target's rim so the arrowhead shows.
    const d = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const r = (radius.get(edge.target) ?? 6) + 2;
    const x2 = b.x - ((b.x - a.x) / d) * r;
    const y2 = b.y - ((b.y - a.y) / d) * r;
    const dash = DASH[edge.type] ? ` stroke-dasharray="${DASH[edge.type]}"` : '';
    const marker = edge.type === 'co-mention' ? '' : ` marker-end="url(#arrow-${edge.type})"`;
    parts.push(
      `<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="${escapeXml(palette.edges[edge.type])}" stroke-width="${Math.min(6, 1 + Math.log2(edge.count)).toFixed(1)}"${dash}${marker}><title>${escapeXml(`${edge.type} ×${edge.count}`)}</title></line>`,
    );
  }
  for (const node of placed) {
    const { x, y } = at(node.id)!;
    const r = radius.get(node.id)!;
    parts.push(
      `<g><circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}" fill="${escapeXml(palette.kinds[node.kind])}"/><text x="${x.toFixed(1)}" y="${(y + r + 13).toFixed(1)}" text-anchor="middle" fill="${escapeXml(palette.ink)}">${escapeXml(node.name)}</text></g>`,
    );
  }
  const legendY = minY + height - 24;
  let legendX = minX + 12;
  for (const [type, color] of Object.entries(palette.edges)) {
    parts.push(`<line x1="${legendX}" y1="${legendY}" x2="${legendX + 24}" y2="${legendY}" stroke="${escapeXml(color)}" stroke-width="2"${DASH[type as NetworkEdgeType] ? ` stroke-dasharray="${DASH[type as NetworkEdgeType]}"` : ''}/><text x="${legendX + 30}" y="${legendY + 4}" fill="${escapeXml(palette.muted)}">${type}</text>`);
    legendX += 120;
  }
  parts.push('</svg>');
  return parts.join('\n');
}
