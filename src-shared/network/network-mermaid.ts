import type { NetworkEdgeType, NetworkGraph } from './network-graph';

/** A diagram past this many actors is unreadable in a Markdown viewer: the most present ones are kept. */
export const MERMAID_MAX_NODES = 40;
/** Mermaid refuses diagrams with more than 500 edges by default. */
export const MERMAID_MAX_EDGES = 400;

const ARROWS: Record<NetworkEdgeType, string> = {
  mentions: '-->',
  supports: '==>',
  contradicts: '-.->',
  repeats: '-->',
  'co-mention': '---',
};

/**
 * A label as Mermaid reads it inside a quoted node label: every character that is not a letter,
 * digit, mark or plain space becomes an entity code (`#34;`), which Mermaid turns into the
 * character itself when drawing. No name can then close the quotes, the brackets or the
 * statement, start a comment (`%%`), a Markdown string (a backtick) or HTML (`<`); line breaks
 * and other controls become spaces.
 */
export function mermaidLabel(name: string): string {
  let out = '';
  for (const ch of name.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')) {
    out += /[\p{L}\p{N}\p{M} ]/u.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  }
  return out.trim() || '#8203;';
}

/**
 * The network as a Mermaid `flowchart` diagram (the body of a `mermaid` code block).
 * Node ids are generated (`a0`, `a1`…), never taken from names; labels go through
 * `mermaidLabel`. A large network keeps its `MERMAID_MAX_NODES` most present actors and the
 * edges among them, and says so in a comment line.
 */
export function networkToMermaid(graph: NetworkGraph): string {
  const nodes = graph.nodes.slice(0, MERMAID_MAX_NODES);
  const ids = new Map(nodes.map((n, i) => [n.id, `a${i}`]));
  const edges = graph.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .sort((a, b) => b.count - a.count)
    .slice(0, MERMAID_MAX_EDGES);
  const lines = ['flowchart LR'];
  if (nodes.length < graph.nodes.length || edges.length < graph.edges.length) {
    lines.push(`  %% ${nodes.length} of ${graph.nodes.length} actors and ${edges.length} of ${graph.edges.length} links: the most present ones`);
  }
  for (const node of nodes) lines.push(`  ${ids.get(node.id)}["${mermaidLabel(node.name)}"]`);
  for (const edge of edges) {
    const label = edge.count > 1 ? `${edge.type} ×${edge.count}` : edge.type;
    lines.push(`  ${ids.get(edge.source)} ${ARROWS[edge.type]}|"${mermaidLabel(label)}"| ${ids.get(edge.target)}`);
  }
  return lines.join('\n');
}
