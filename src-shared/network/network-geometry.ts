/**
 * The plane geometry of the network drawing, apart from the canvas that paints it: where the view
 * looks (a scale and a shift from layout units to screen pixels), fitting a drawing into a box,
 * and what lies under the pointer (a node, else the nearest link within a few pixels). Pure, so
 * that hit testing is tested without a browser.
 */

/** Layout units to screen pixels: screen = layout × scale + shift. */
export interface ViewTransform {
  scale: number;
  x: number;
  y: number;
}

export const MIN_SCALE = 0.05;
export const MAX_SCALE = 4;

export const clampScale = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The box around every node, radii included; null when there are none. */
export function boundsOf(xs: Float64Array, ys: Float64Array, radii: Float64Array): Box | null {
  if (!xs.length) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    const r = radii[i]!;
    minX = Math.min(minX, xs[i]! - r);
    minY = Math.min(minY, ys[i]! - r);
    maxX = Math.max(maxX, xs[i]! + r);
    maxY = Math.max(maxY, ys[i]! + r);
  }
  return { minX, minY, maxX, maxY };
}

/** The view that shows the whole box, centred, with `padding` pixels around it. */
export function fitTransform(box: Box, width: number, height: number, padding = 40): ViewTransform {
  const w = Math.max(1, box.maxX - box.minX);
  const h = Math.max(1, box.maxY - box.minY);
  const scale = clampScale(Math.min((width - 2 * padding) / w, (height - 2 * padding) / h));
  return { scale, x: width / 2 - ((box.minX + box.maxX) / 2) * scale, y: height / 2 - ((box.minY + box.maxY) / 2) * scale };
}

/** The view zoomed by `factor` about a screen point, which stays where it is. */
export function zoomAbout(view: ViewTransform, factor: number, sx: number, sy: number): ViewTransform {
  const scale = clampScale(view.scale * factor);
  const k = scale / view.scale;
  return { scale, x: sx - (sx - view.x) * k, y: sy - (sy - view.y) * k };
}

export const toLayout = (view: ViewTransform, sx: number, sy: number) => ({ x: (sx - view.x) / view.scale, y: (sy - view.y) / view.scale });

/** The topmost node (drawn last) whose disc holds the point, in layout units; -1 if none. */
export function nodeAt(xs: Float64Array, ys: Float64Array, radii: Float64Array, x: number, y: number, slack = 0): number {
  for (let i = xs.length - 1; i >= 0; i--) {
    const dx = xs[i]! - x;
    const dy = ys[i]! - y;
    const r = radii[i]! + slack;
    if (dx * dx + dy * dy <= r * r) return i;
  }
  return -1;
}

/** Squared distance from a point to the segment (ax, ay)–(bx, by). */
export function segmentDistance2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const vx = bx - ax;
  const vy = by - ay;
  const length2 = vx * vx + vy * vy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / length2));
  const dx = ax + t * vx - px;
  const dy = ay + t * vy - py;
  return dx * dx + dy * dy;
}

/**
 * Where a link is drawn: from its source's centre to its target's, moved sideways by its offset
 * (layout units, to the left of the line from the lower-numbered node to the higher), so that
 * links between the same two actors lie side by side instead of on top of each other. Writes
 * ax, ay, bx, by into `out`; false for a link of a node to itself (not drawn).
 */
export function edgeEnds(xs: Float64Array, ys: Float64Array, a: number, b: number, offset: number, out: Float64Array): boolean {
  if (a === b) return false;
  let ax = xs[a]!;
  let ay = ys[a]!;
  let bx = xs[b]!;
  let by = ys[b]!;
  if (offset !== 0) {
    const [lx, ly, hx, hy] = a < b ? [ax, ay, bx, by] : [bx, by, ax, ay];
    const length = Math.hypot(hx - lx, hy - ly) || 1;
    const nx = (-(hy - ly) / length) * offset;
    const ny = ((hx - lx) / length) * offset;
    ax += nx;
    ay += ny;
    bx += nx;
    by += ny;
  }
  out[0] = ax;
  out[1] = ay;
  out[2] = bx;
  out[3] = by;
  return true;
}

/**
 * Sideways offsets for links that share their two actors (either way round): 0 for a link alone,
 * else spread evenly `gap` apart around the line between the two centres.
 */
export function parallelOffsets(sources: Int32Array, targets: Int32Array, gap: number): Float64Array {
  const offsets = new Float64Array(sources.length);
  const pairs = new Map<number, number[]>();
  let n = 1;
  for (let e = 0; e < sources.length; e++) n = Math.max(n, sources[e]! + 1, targets[e]! + 1);
  for (let e = 0; e < sources.length; e++) {
    const a = sources[e]!;
    const b = targets[e]!;
    if (a < 0 || b < 0 || a === b) continue;
    const key = Math.min(a, b) * n + Math.max(a, b);
    const list = pairs.get(key);
    if (list) list.push(e);
    else pairs.set(key, [e]);
  }
  for (const list of pairs.values()) {
    if (list.length < 2) continue;
    list.forEach((e, k) => (offsets[e] = (k - (list.length - 1) / 2) * gap));
  }
  return offsets;
}

/**
 * The link nearest the point within `tolerance` (layout units), as an index into `sources` and
 * `targets` (node indices), drawn where `edgeEnds` puts it; -1 if none is that close. Links of a
 * node to itself are not drawn and never hit.
 */
export function edgeAt(xs: Float64Array, ys: Float64Array, sources: Int32Array, targets: Int32Array, x: number, y: number, tolerance: number, offsets?: Float64Array): number {
  let best = -1;
  let bestDistance = tolerance * tolerance;
  const ends = new Float64Array(4);
  for (let e = 0; e < sources.length; e++) {
    if (!edgeEnds(xs, ys, sources[e]!, targets[e]!, offsets?.[e] ?? 0, ends)) continue;
    const [ax, ay, bx, by] = ends as unknown as [number, number, number, number];
    // Outside the segment's box grown by the tolerance: too far, without the arithmetic.
    if (x < Math.min(ax, bx) - tolerance || x > Math.max(ax, bx) + tolerance || y < Math.min(ay, by) - tolerance || y > Math.max(ay, by) + tolerance) continue;
    const d = segmentDistance2(x, y, ax, ay, bx, by);
    if (d <= bestDistance) {
      bestDistance = d;
      best = e;
    }
  }
  return best;
}
