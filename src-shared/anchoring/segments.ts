/** A run of text covered by the same set of annotations. */
export interface Segment {
  start: number;
  end: number;
  /** Ids of the annotations covering this run, outermost (earliest start) first. */
  ids: string[];
}

export interface Span {
  id: string;
  start: number;
  end: number;
}

/**
 * Cuts `[from, to)` into runs at every annotation boundary, so overlapping and nested
 * annotations each stay visible. `spans` need not be sorted; spans outside the window are ignored.
 */
export function segmentRange(from: number, to: number, spans: readonly Span[]): Segment[] {
  const inside = spans.filter((s) => s.end > from && s.start < to);
  if (inside.length === 0) return [{ start: from, end: to, ids: [] }];
  const cuts = new Set<number>([from, to]);
  for (const s of inside) {
    cuts.add(Math.max(from, s.start));
    cuts.add(Math.min(to, s.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const ordered = [...inside].sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const ids = ordered.filter((s) => s.start <= start && s.end >= end).map((s) => s.id);
    segments.push({ start, end, ids });
  }
  return segments;
}
