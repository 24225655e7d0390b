/**
 * Krippendorff's unitizing alpha (uα) for one category over a continuum, for two or more coders:
 * Krippendorff (1995), "On the reliability of unitizing continuous data", Sociological Methodology
 * 25: 47–76; formulas as restated in Krippendorff (2004), Content Analysis, 2nd ed., section 12.4,
 * generalised to m coders as in DKPro Statistics (Meyer et al. 2014).
 *
 * Each coder's continuum is cut into units (what the coder marked) and gaps (the rest). Two
 * segments disagree only where they overlap: two overlapping units by the squared differences of
 * their starts and ends, a unit lying wholly inside the other coder's gap by its squared length.
 */

/** One unit a coder marked: `[start, end)` in continuum positions (characters here). */
export interface CodedSpan {
  coder: number;
  start: number;
  end: number;
}

/** The continuum `[begin, begin + length)`, the number of coders, and their units of one category. */
export interface UnitizingStudy {
  begin: number;
  length: number;
  coders: number;
  spans: readonly CodedSpan[];
}

/** uα with its parts; `alpha` is `null` when undefined (no unit at all, or fewer than two coders). */
export interface UnitizingResult {
  alpha: number | null;
  observed: number;
  expected: number;
  /** Units after a coder's overlapping units were joined (see `segmentsOf`). */
  units: number;
}

interface Segment {
  start: number;
  end: number;
  unit: boolean;
}

/**
 * One coder's segmentation. uα needs each coder's units not to overlap; an analyst may mark two
 * overlapping passages with the same kind, so overlapping (not merely touching) units are joined
 * into one: the characters the coder marked are what counts.
 */
export function segmentsOf(spans: readonly CodedSpan[], begin: number, end: number): Segment[] {
  const sorted = spans
    .map((s) => ({ start: Math.max(begin, s.start), end: Math.min(end, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const units: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = units[units.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else units.push({ ...s });
  }
  const segments: Segment[] = [];
  let pos = begin;
  for (const u of units) {
    if (u.start > pos) segments.push({ start: pos, end: u.start, unit: false });
    segments.push({ start: u.start, end: u.end, unit: true });
    pos = u.end;
  }
  if (pos < end) segments.push({ start: pos, end, unit: false });
  return segments;
}

/** δ² between two overlapping segments of different coders (Krippendorff 2004, eq. in §12.4). */
export function segmentDistance(a: Segment, b: Segment): number {
  if (a.unit && b.unit) {
    if (a.start < b.end && b.start < a.end) return (a.start - b.start) ** 2 + (a.end - b.end) ** 2;
    return 0;
  }
  if (a.unit && !b.unit && b.start <= a.start && a.end <= b.end) return (a.end - a.start) ** 2;
  if (!a.unit && b.unit && a.start <= b.start && b.end <= a.end) return (b.end - b.start) ** 2;
  return 0;
}

/** Σ δ² over every overlapping pair of segments of two coders, by one sweep along the continuum. */
function pairDisagreement(x: readonly Segment[], y: readonly Segment[]): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < x.length && j < y.length) {
    const a = x[i]!;
    const b = y[j]!;
    sum += segmentDistance(a, b);
    if (a.end < b.end) i++;
    else if (b.end < a.end) j++;
    else {
      i++;
      j++;
    }
  }
  return sum;
}

/** uα of one category: 1 − Do/De. */
export function unitizingAlpha(study: UnitizingStudy): UnitizingResult {
  const { begin, length: L, coders: m } = study;
  const end = begin + L;
  if (m < 2 || L <= 0) return { alpha: null, observed: 0, expected: 0, units: 0 };
  const byCoder: CodedSpan[][] = Array.from({ length: m }, () => []);
  for (const s of study.spans) {
    if (s.coder < 0 || s.coder >= m || !Number.isInteger(s.coder)) throw new RangeError(`coder ${s.coder} is outside 0..${m - 1}`);
    byCoder[s.coder]!.push(s);
  }
  const segmentations = byCoder.map((spans) => segmentsOf(spans, begin, end));

  let pairSum = 0;
  for (let p = 0; p < m; p++) for (let q = p + 1; q < m; q++) pairSum += pairDisagreement(segmentations[p]!, segmentations[q]!);
  const observed = (2 * pairSum) / (m * (m - 1) * L * L);

  const units: number[] = [];
  const gaps: number[] = [];
  for (const segments of segmentations) for (const s of segments) (s.unit ? units : gaps).push(s.end - s.start);
  const nc = units.length;
  if (nc === 0) return { alpha: null, observed, expected: 0, units: 0 };
  // Σ over gaps at least as long as the unit of (gap − l + 1): gaps sorted longest first, with
  // running sums, so each unit costs one binary search.
  gaps.sort((a, b) => b - a);
  const prefix = new Float64Array(gaps.length + 1);
  for (let g = 0; g < gaps.length; g++) prefix[g + 1] = prefix[g]! + gaps[g]!;
  let numerator = 0;
  let squared = 0;
  for (const l of units) {
    squared += l * (l - 1);
    let lo = 0;
    let hi = gaps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (gaps[mid]! >= l) lo = mid + 1;
      else hi = mid;
    }
    const fitting = prefix[lo]! - lo * (l - 1);
    numerator += ((nc - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * fitting;
  }
  const expected = ((2 / L) * numerator) / (m * L * (m * L - 1) - squared);
  const alpha = expected === 0 ? null : observed === expected ? 0 : 1 - observed / expected;
  return { alpha, observed, expected, units: nc };
}
