/**
 * Which annotations of different analysts are "the same unit": annotations of one kind whose
 * passages overlap, paired greedily by the size of the overlap, at most one per analyst in a
 * unit. Used for value agreement (units both analysts marked) and by the curation view.
 */

/** What alignment and agreement need of an annotation (structurally a subset of `Annotation`). */
export interface CodedAnnotation {
  id: string;
  kind: 'highlight' | 'actor' | 'claim';
  start: number;
  end: number;
  tags: readonly string[];
  actorId: string | null;
  claim: { speakerId: string | null; reliability: string | null; credibility: number | null; verification: string } | null;
  /** Index of the analyst in the chosen list. */
  coder: number;
}

/** A unit: per analyst, their annotation in it or `null`. */
export type AlignedUnit<A extends CodedAnnotation = CodedAnnotation> = (A | null)[];

/** Aligns annotations of one kind; every annotation ends up in exactly one unit. */
export function alignAnnotations<A extends CodedAnnotation>(annotations: readonly A[], coders: number): AlignedUnit<A>[] {
  const sorted = [...annotations].sort((a, b) => a.start - b.start || a.end - b.end);
  const pairs: { i: number; j: number; overlap: number }[] = [];
  // Sweep: an annotation can overlap only those that start before it ends.
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.start < a.end; j++) {
      const b = sorted[j]!;
      if (a.coder === b.coder || a.kind !== b.kind) continue;
      const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
      if (overlap > 0) pairs.push({ i, j, overlap });
    }
  }
  pairs.sort((p, q) => q.overlap - p.overlap || p.i - q.i || p.j - q.j);
  const unitOf = sorted.map((_, i) => i);
  const members = new Map<number, number[]>(sorted.map((_, i) => [i, [i]]));
  for (const { i, j } of pairs) {
    const u = unitOf[i]!;
    const v = unitOf[j]!;
    if (u === v) continue;
    const left = members.get(u)!;
    const right = members.get(v)!;
    const coders = new Set(left.map((k) => sorted[k]!.coder));
    if (right.some((k) => coders.has(sorted[k]!.coder))) continue;
    for (const k of right) unitOf[k] = u;
    left.push(...right);
    members.delete(v);
  }
  const units: AlignedUnit<A>[] = [];
  for (const list of members.values()) {
    const unit: AlignedUnit<A> = new Array<A | null>(coders).fill(null);
    for (const k of list) unit[sorted[k]!.coder] = sorted[k]!;
    units.push(unit);
  }
  const first = (u: AlignedUnit<A>) => Math.min(...u.filter((a): a is A => a !== null).map((a) => a.start));
  return units.sort((a, b) => first(a) - first(b));
}
