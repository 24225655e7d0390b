import { useEffect, useRef } from 'react';
import type { ActorKind } from '../../../src-shared/domain/actor';
import type { NetworkEdge, NetworkEdgeType, NetworkGraph } from '../../../src-shared/network/network-graph';
import { boundsOf, edgeAt, edgeEnds, fitTransform, parallelOffsets, nodeAt, toLayout, zoomAbout, type ViewTransform } from '../../../src-shared/network/network-geometry';
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

const DASHES: Record<NetworkEdgeType, number[]> = { mentions: [], supports: [], repeats: [], contradicts: [6, 4], 'co-mention': [2, 3] };
/** Past this many links, arrowheads are left out: at that density they are a smudge and cost a path each. */
const ARROW_LIMIT = 3000;
/** Names are drawn once a node's name would be at least this many pixels high, and always for the most present actors. */
const LABEL_MIN_PX = 9;
const FONT_PX = 11;
const ALWAYS_LABELLED = 30;
/** Names written at most per frame (each is checked against those already written). */
const MAX_LABELS = 300;
/** How near (in screen pixels) the pointer must be to a link to hover or choose it; further than this, a press pans. */
const HIT_PX = 5;
const CLICK_SLOP_PX = 4;
/** Layout units between two links that join the same two actors. */
const PARALLEL_GAP = 7;

/** The drawing's data in flat arrays (one index per node and per link), built once per graph. */
interface Scene {
  graph: NetworkGraph;
  xs: Float64Array;
  ys: Float64Array;
  radii: Float64Array;
  sources: Int32Array;
  targets: Int32Array;
  widths: Float64Array;
  /** Sideways shift of links that share their two actors (layout units). */
  offsets: Float64Array;
  edgeIndex: Map<string, number>;
  /** Links grouped by type and width, each group stroked as one path. */
  groups: { type: NetworkEdgeType; width: number; edges: number[] }[];
  /** Node indices by kind, each kind filled as one path. */
  kinds: Map<ActorKind, number[]>;
  names: Map<string, string>;
}

function sceneOf(graph: NetworkGraph): Scene {
  const positions = layoutNetwork(graph);
  const n = graph.nodes.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const radii = new Float64Array(n);
  const index = new Map<string, number>();
  const kinds = new Map<ActorKind, number[]>();
  graph.nodes.forEach((node, i) => {
    const p = positions.get(node.id)!;
    xs[i] = p.x;
    ys[i] = p.y;
    radii[i] = nodeRadius(node);
    index.set(node.id, i);
    const list = kinds.get(node.kind) ?? [];
    list.push(i);
    kinds.set(node.kind, list);
  });
  const m = graph.edges.length;
  const sources = new Int32Array(m);
  const targets = new Int32Array(m);
  const widths = new Float64Array(m);
  const edgeIndex = new Map<string, number>();
  const groups = new Map<string, Scene['groups'][number]>();
  graph.edges.forEach((edge, e) => {
    sources[e] = index.get(edge.source) ?? -1;
    targets[e] = index.get(edge.target) ?? -1;
    widths[e] = Math.min(6, 1 + Math.log2(edge.count));
    edgeIndex.set(edge.id, e);
    if (sources[e]! < 0 || targets[e]! < 0) return;
    const width = Math.round(widths[e]! * 2) / 2;
    const key = `${edge.type} ${width}`;
    const group = groups.get(key) ?? { type: edge.type, width, edges: [] };
    group.edges.push(e);
    groups.set(key, group);
  });
  // Quiet links first, contradictions last (on top).
  const order: NetworkEdgeType[] = ['co-mention', 'mentions', 'repeats', 'supports', 'contradicts'];
  const sorted = [...groups.values()].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type) || a.width - b.width);
  const offsets = parallelOffsets(sources, targets, PARALLEL_GAP);
  return { graph, xs, ys, radii, sources, targets, widths, offsets, edgeIndex, groups: sorted, kinds, names: new Map(graph.nodes.map((node) => [node.id, node.name])) };
}

/** Adds one node's outline, in its kind's shape, to the current path. */
function shapePath(ctx: CanvasRenderingContext2D, shape: string, x: number, y: number, r: number): void {
  const polygon = (points: number, rotation: number, scale = 1) => {
    for (let k = 0; k < points; k++) {
      const a = rotation + (k * 2 * Math.PI) / points;
      const px = x + r * scale * Math.cos(a);
      const py = y + r * scale * Math.sin(a);
      if (k === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    }
    ctx.closePath();
  };
  switch (shape) {
    case 'round-rectangle':
      ctx.roundRect(x - r, y - r * 0.8, 2 * r, 1.6 * r, r * 0.3);
      break;
    case 'hexagon':
      polygon(6, 0);
      break;
    case 'triangle':
      polygon(3, -Math.PI / 2, 1.15);
      break;
    case 'diamond':
      polygon(4, -Math.PI / 2, 1.1);
      break;
    default:
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
  }
}

/** Paints the whole scene through `view` on a context whose pixels are `ratio` device pixels per CSS pixel. */
function paint(ctx: CanvasRenderingContext2D, scene: Scene, view: ViewTransform, size: { width: number; height: number; ratio: number }, palette: NetworkPalette, marks: { hover: number; selected: number }): void {
  const { xs, ys, radii, sources, targets, widths, graph } = scene;
  const { scale } = view;
  ctx.setTransform(size.ratio, 0, 0, size.ratio, 0, 0);
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.setTransform(size.ratio * scale, 0, 0, size.ratio * scale, size.ratio * view.x, size.ratio * view.y);
  // What is on screen, in layout units (with a margin for the largest node), to skip the rest.
  const left = -view.x / scale - 60;
  const top = -view.y / scale - 60;
  const right = (size.width - view.x) / scale + 60;
  const bottom = (size.height - view.y) / scale + 60;
  const visible = (i: number) => xs[i]! >= left && xs[i]! <= right && ys[i]! >= top && ys[i]! <= bottom;
  const arrows = graph.edges.length <= ARROW_LIMIT;
  ctx.lineCap = 'round';

  const ends = new Float64Array(4);
  const strokeEdge = (e: number, width: number) => {
    const a = sources[e]!;
    const b = targets[e]!;
    if (!(visible(a) || visible(b) || crosses(a, b)) || !edgeEnds(xs, ys, a, b, scene.offsets[e]!, ends)) return;
    const [ax, ay, bx, by] = ends as unknown as [number, number, number, number];
    ctx.moveTo(ax, ay);
    ctx.lineTo(bx, by);
    if (!arrows) return;
    // The arrowhead where the link meets the target's disc (the offset moves it along the rim).
    const dx = bx - ax;
    const dy = by - ay;
    const d = Math.hypot(dx, dy);
    const r = radii[b]!;
    const side = Math.abs(scene.offsets[e]!);
    if (d < r + 4 || side >= r) return;
    const ux = dx / d;
    const uy = dy / d;
    const back = Math.sqrt(r * r - side * side);
    const tipX = bx - ux * back;
    const tipY = by - uy * back;
    const length = 5 + 2 * width;
    const half = 2.5 + width;
    ctx.moveTo(tipX, tipY);
    ctx.lineTo(tipX - ux * length - uy * half, tipY - uy * length + ux * half);
    ctx.moveTo(tipX, tipY);
    ctx.lineTo(tipX - ux * length + uy * half, tipY - uy * length - ux * half);
  };
  // A link between two off-screen nodes may still cross the screen: test its box against the screen's.
  const crosses = (a: number, b: number) => Math.max(xs[a]!, xs[b]!) >= left && Math.min(xs[a]!, xs[b]!) <= right && Math.max(ys[a]!, ys[b]!) >= top && Math.min(ys[a]!, ys[b]!) <= bottom;

  ctx.globalAlpha = 0.75;
  for (const group of scene.groups) {
    ctx.beginPath();
    for (const e of group.edges) strokeEdge(e, group.width);
    ctx.strokeStyle = palette.edges[group.type];
    ctx.lineWidth = group.width;
    ctx.setLineDash(DASHES[group.type]);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  for (const [e, extra] of [
    [marks.selected, 3],
    [marks.hover, 2],
  ] as const) {
    if (e < 0 || sources[e]! < 0 || targets[e]! < 0) continue;
    const type = graph.edges[e]!.type;
    ctx.beginPath();
    strokeEdge(e, widths[e]! + extra);
    ctx.strokeStyle = palette.edges[type];
    ctx.lineWidth = widths[e]! + extra;
    ctx.setLineDash(DASHES[type]);
    ctx.stroke();
  }
  ctx.setLineDash([]);

  // Nodes, one path per kind, with a ring of the background so that overlapping ones stay apart.
  ctx.lineWidth = 1.5 / scale;
  ctx.strokeStyle = palette.background;
  for (const [kind, nodes] of scene.kinds) {
    ctx.beginPath();
    for (const i of nodes) if (visible(i)) shapePath(ctx, KIND_SHAPES[kind], xs[i]!, ys[i]!, radii[i]!);
    ctx.fillStyle = palette.kinds[kind];
    ctx.fill();
    ctx.stroke();
  }

  // Names under the nodes, once legible; the most present actors' always.
  const fontPx = FONT_PX / Math.max(scale, 0.35);
  const all = FONT_PX * scale >= LABEL_MIN_PX;
  ctx.font = `${fontPx}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3 / scale;
  ctx.strokeStyle = palette.background;
  ctx.fillStyle = palette.ink;
  const count = all ? graph.nodes.length : Math.min(ALWAYS_LABELLED, graph.nodes.length);
  // Most present first; a name that would overlap one already written is left out (it shows on zooming in).
  const placed: number[] = [];
  let written = 0;
  for (let i = 0; i < count && written < MAX_LABELS; i++) {
    if (!visible(i)) continue;
    const name = graph.nodes[i]!.name;
    const y = ys[i]! + radii[i]! + 3 / scale;
    const half = ctx.measureText(name).width / 2;
    const box = [xs[i]! - half, y, xs[i]! + half, y + fontPx];
    let free = true;
    for (let k = 0; k < placed.length && free; k += 4) free = box[2]! < placed[k]! || box[0]! > placed[k + 2]! || box[3]! < placed[k + 1]! || box[1]! > placed[k + 3]!;
    if (!free) continue;
    placed.push(...box);
    written++;
    ctx.strokeText(name, xs[i]!, y);
    ctx.fillText(name, xs[i]!, y);
  }
}

/**
 * The network drawn on a plain 2D canvas: links stroked as one path per type and width, nodes
 * filled as one path per kind, names once legible. Chosen over Cytoscape.js by measurement
 * (docs/performance.md): at 2,000 actors and 7,000 links Cytoscape spent 2 s building its
 * elements and styles before the first frame; this paints the same in tens of milliseconds.
 * Drag the background to pan, drag a node to move it, wheel to zoom; a link's label shows on
 * hover; choosing a node opens its dossier, choosing a link lists its claims. The same links
 * are in the table beside it for the keyboard and screen readers.
 */
export function NetworkCanvas({ graph, selectedEdge, onNode, onEdge, handle }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ onNode, onEdge });
  callbacks.current = { onNode, onEdge };
  const state = useRef<{ scene: Scene; view: ViewTransform | null; hover: number; selected: number; redraw(): void } | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const ctx = canvas.getContext('2d')!;
    const scene = sceneOf(graph);
    let palette = readPalette();
    let frame = 0;
    const size = { width: 0, height: 0, ratio: 1 };
    const current = { scene, view: null as ViewTransform | null, hover: -1, selected: -1, redraw: () => undefined as void };
    state.current = current;

    // While the background is dragged, frames move a picture of the drawing taken when the drag
    // started (or last rested) instead of painting 7,000 links again; the full paint follows
    // once the pointer rests or lets go.
    let pan: { image: HTMLCanvasElement; from: ViewTransform } | null = null;
    let rest = 0;
    const draw = () => {
      frame = 0;
      if (!size.width || !size.height) return;
      current.view ??= fitView();
      if (pan) {
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.fillStyle = palette.background;
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.drawImage(pan.image, Math.round((current.view.x - pan.from.x) * size.ratio), Math.round((current.view.y - pan.from.y) * size.ratio));
        return;
      }
      paint(ctx, scene, current.view, size, palette, { hover: current.hover, selected: current.selected });
      if (!canvas.hasAttribute('data-drawn')) canvas.setAttribute('data-drawn', String(graph.nodes.length));
    };
    const redraw = () => {
      frame ||= requestAnimationFrame(draw);
    };
    current.redraw = redraw;
    const fitView = () => {
      const box = boundsOf(scene.xs, scene.ys, scene.radii);
      return box ? fitTransform(box, size.width, size.height) : { scale: 1, x: size.width / 2, y: size.height / 2 };
    };

    const resize = () => {
      const { width, height } = canvas.getBoundingClientRect();
      const ratio = window.devicePixelRatio || 1;
      if (width === size.width && height === size.height && ratio === size.ratio) return;
      Object.assign(size, { width, height, ratio });
      canvas.width = Math.max(1, Math.round(width * ratio));
      canvas.height = Math.max(1, Math.round(height * ratio));
      // Drawn at once, not at the next frame: a resized canvas is blank until painted.
      if (frame) cancelAnimationFrame(frame);
      draw();
    };
    const observer = new ResizeObserver(resize);
    observer.observe(canvas);
    resize();

    // What is under a point of the canvas (CSS pixels from its corner): a node first, then a link.
    const hit = (sx: number, sy: number): { node: number } | { edge: number } | null => {
      const view = current.view;
      if (!view) return null;
      const p = toLayout(view, sx, sy);
      const node = nodeAt(scene.xs, scene.ys, scene.radii, p.x, p.y, 2 / view.scale);
      if (node >= 0) return { node };
      const edge = edgeAt(scene.xs, scene.ys, scene.sources, scene.targets, p.x, p.y, HIT_PX / view.scale, scene.offsets);
      return edge >= 0 ? { edge } : null;
    };
    const local = (event: PointerEvent | WheelEvent) => {
      const rect = canvas.getBoundingClientRect();
      return { x: event.clientX - rect.left, y: event.clientY - rect.top };
    };
    const showTip = (edge: number, x: number, y: number) => {
      const tip = tipRef.current;
      if (!tip) return;
      if (edge < 0) {
        tip.hidden = true;
        return;
      }
      tip.textContent = edgeLabel(graph.edges[edge]!, (id) => scene.names.get(id) ?? '?');
      tip.style.left = `${x + 12}px`;
      tip.style.top = `${y + 12}px`;
      tip.hidden = false;
    };

    let press: { x: number; y: number; node: number; moved: boolean; view: ViewTransform; id: number } | null = null;
    const down = (event: PointerEvent) => {
      if (event.button !== 0 || !current.view) return;
      const p = local(event);
      const under = hit(p.x, p.y);
      press = { ...p, node: under && 'node' in under ? under.node : -1, moved: false, view: current.view, id: event.pointerId };
      canvas.setPointerCapture(event.pointerId);
      canvas.classList.add('dragging');
    };
    const move = (event: PointerEvent) => {
      const p = local(event);
      if (press && event.pointerId === press.id) {
        const dx = p.x - press.x;
        const dy = p.y - press.y;
        if (!press.moved && Math.hypot(dx, dy) < CLICK_SLOP_PX) return;
        press.moved = true;
        if (press.node >= 0) {
          const at = toLayout(current.view!, p.x, p.y);
          scene.xs[press.node] = at.x;
          scene.ys[press.node] = at.y;
        } else {
          if (!pan) pan = { image: picture(), from: current.view! };
          current.view = { ...press.view, x: press.view.x + dx, y: press.view.y + dy };
          clearTimeout(rest);
          rest = window.setTimeout(settle, 120);
        }
        showTip(-1, 0, 0);
        redraw();
        return;
      }
      const under = hit(p.x, p.y);
      const hover = under && 'edge' in under ? under.edge : -1;
      canvas.style.cursor = under ? 'pointer' : '';
      if (hover !== current.hover) {
        current.hover = hover;
        redraw();
      }
      showTip(hover, p.x, p.y);
    };
    /** A copy of what the canvas shows now. */
    const picture = () => {
      const image = document.createElement('canvas');
      image.width = canvas.width;
      image.height = canvas.height;
      image.getContext('2d')!.drawImage(canvas, 0, 0);
      return image;
    };
    /** Ends a picture-moving pan: the drawing is painted in full where the view now is. */
    const settle = () => {
      clearTimeout(rest);
      if (!pan) return;
      pan = null;
      redraw();
    };
    const up = (event: PointerEvent) => {
      if (!press || event.pointerId !== press.id) return;
      const { moved } = press;
      press = null;
      canvas.classList.remove('dragging');
      settle();
      if (moved) return;
      const p = local(event);
      const under = hit(p.x, p.y);
      if (under && 'node' in under) callbacks.current.onNode(graph.nodes[under.node]!.id);
      else if (under) callbacks.current.onEdge(graph.edges[under.edge]!);
    };
    const cancel = () => {
      press = null;
      canvas.classList.remove('dragging');
      settle();
    };
    const leave = () => {
      showTip(-1, 0, 0);
      if (current.hover >= 0) {
        current.hover = -1;
        redraw();
      }
    };
    const wheel = (event: WheelEvent) => {
      if (!current.view) return;
      event.preventDefault();
      const p = local(event);
      current.view = zoomAbout(current.view, Math.exp(-event.deltaY * 0.0015), p.x, p.y);
      showTip(-1, 0, 0);
      redraw();
    };
    canvas.addEventListener('pointerdown', down);
    canvas.addEventListener('pointermove', move);
    canvas.addEventListener('pointerup', up);
    canvas.addEventListener('pointercancel', cancel);
    canvas.addEventListener('pointerleave', leave);
    canvas.addEventListener('wheel', wheel, { passive: false });
    const stopTheme = onThemeChange(() => {
      palette = readPalette();
      redraw();
    });

    handle.current = {
      positions: () => new Map(graph.nodes.map((node, i) => [node.id, { x: scene.xs[i]!, y: scene.ys[i]! }])),
      png: () => {
        // The whole network (not only what is on screen) at twice the size it is fitted to, within 8,192 pixels a side.
        const box = boundsOf(scene.xs, scene.ys, scene.radii);
        if (!box) return '';
        const pad = 40;
        const scale = Math.min(2, 8192 / (box.maxX - box.minX + 2 * pad), 8192 / (box.maxY - box.minY + 2 * pad));
        const width = Math.ceil((box.maxX - box.minX + 2 * pad) * scale);
        const height = Math.ceil((box.maxY - box.minY + 2 * pad) * scale);
        const out = document.createElement('canvas');
        out.width = width;
        out.height = height;
        const view = { scale, x: (pad - box.minX) * scale, y: (pad - box.minY) * scale };
        paint(out.getContext('2d')!, scene, view, { width, height, ratio: 1 }, readPalette(), { hover: -1, selected: current.selected });
        return out.toDataURL('image/png');
      },
      fit: () => {
        current.view = fitView();
        redraw();
      },
      zoom: (factor) => {
        if (!current.view) return;
        current.view = zoomAbout(current.view, factor, size.width / 2, size.height / 2);
        redraw();
      },
    };

    return () => {
      if (frame) cancelAnimationFrame(frame);
      clearTimeout(rest);
      observer.disconnect();
      stopTheme();
      canvas.removeEventListener('pointerdown', down);
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerup', up);
      canvas.removeEventListener('pointercancel', cancel);
      canvas.removeEventListener('pointerleave', leave);
      canvas.removeEventListener('wheel', wheel);
      canvas.removeAttribute('data-drawn');
      handle.current = null;
      state.current = null;
    };
  }, [graph, handle]);

  useEffect(() => {
    const current = state.current;
    if (!current) return;
    current.selected = selectedEdge ? (current.scene.edgeIndex.get(selectedEdge) ?? -1) : -1;
    current.redraw();
  }, [selectedEdge, graph]);

  return (
    <>
      <canvas
        ref={canvasRef}
        className="network-canvas"
        role="img"
        aria-label={`Network of ${graph.nodes.length} actors and ${graph.edges.length} links; the same links are listed in the table beside it`}
      />
      <div ref={tipRef} className="network-tip" role="tooltip" hidden />
    </>
  );
}
