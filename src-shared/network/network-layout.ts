import type { NetworkGraph } from './network-graph';

/** Where each node is drawn, in layout units (about 0–1000 across). */
export type NetworkPositions = Map<string, { x: number; y: number }>;

/** Past this many nodes, a force layout costs more than the drawing (O(n²) per step): a spiral instead. */
export const FORCE_LAYOUT_LIMIT = 300;

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Places the nodes deterministically (the same graph is drawn the same way every time, so an
 * analyst's eye can find an actor again). Small graphs get a force-directed layout (Fruchterman
 * and Reingold) started from a sunflower spiral; large ones keep the spiral, the most mentioned
 * actors in the centre, which costs nothing and draws 2,000 actors within the time budget.
 */
export function layoutNetwork(graph: NetworkGraph, iterations = 200): NetworkPositions {
  const n = graph.nodes.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  // Nodes come sorted by weight: the first ones sit in the middle of the spiral.
  for (let i = 0; i < n; i++) {
    const r = 30 * Math.sqrt(i + 0.5);
    xs[i] = r * Math.cos(i * GOLDEN_ANGLE);
    ys[i] = r * Math.sin(i * GOLDEN_ANGLE);
  }
  if (n > 1 && n <= FORCE_LAYOUT_LIMIT) force(graph, xs, ys, iterations);
  const positions: NetworkPositions = new Map();
  graph.nodes.forEach((node, i) => positions.set(node.id, { x: xs[i]!, y: ys[i]! }));
  return positions;
}

function force(graph: NetworkGraph, xs: Float64Array, ys: Float64Array, iterations: number): void {
  const n = xs.length;
  const index = new Map(graph.nodes.map((node, i) => [node.id, i]));
  const links = graph.edges.map((e) => [index.get(e.source)!, index.get(e.target)!] as const).filter(([a, b]) => a !== undefined && b !== undefined);
  const area = 600 * 600;
  const k = Math.sqrt(area / n);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  let temperature = 60;
  for (let step = 0; step < iterations; step++) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const ddx = xs[i]! - xs[j]!;
        const ddy = ys[i]! - ys[j]!;
        const d2 = Math.max(ddx * ddx + ddy * ddy, 0.01);
        const push = (k * k) / d2;
        dx[i]! += ddx * push;
        dy[i]! += ddy * push;
        dx[j]! -= ddx * push;
        dy[j]! -= ddy * push;
      }
    }
    for (const [a, b] of links) {
      const ddx = xs[a]! - xs[b]!;
      const ddy = ys[a]! - ys[b]!;
      const d = Math.max(Math.sqrt(ddx * ddx + ddy * ddy), 0.1);
      const pull = d / k;
      dx[a]! -= ddx * pull;
      dy[a]! -= ddy * pull;
      dx[b]! += ddx * pull;
      dy[b]! += ddy * pull;
    }
    for (let i = 0; i < n; i++) {
      // A weak pull to the centre keeps unconnected actors from drifting off.
      dx[i]! -= xs[i]! * 0.02 * k;
      dy[i]! -= ys[i]! * 0.02 * k;
      const d = Math.sqrt(dx[i]! * dx[i]! + dy[i]! * dy[i]!);
      if (d > 0) {
        const move = Math.min(d, temperature);
        xs[i]! += (dx[i]! / d) * move;
        ys[i]! += (dy[i]! / d) * move;
      }
    }
    temperature = Math.max(1, temperature * 0.97);
  }
}
