/**
 * Krippendorff's alpha for reliability data, by the coincidence-matrix method of
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability" (repository.upenn.edu/asc_papers/43).
 *
 * Reliability data are units (rows) × coders (columns); a missing value is `null`. Units coded by
 * fewer than two coders carry no information about agreement and are left out ("pairable" values).
 */

/** Level of measurement: decides how far apart two different values are. */
export type AlphaMetric = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** What alpha found, with the counts a reader needs to judge it. */
export interface AlphaResult {
  /** 1 − Do/De; `null` when undefined (fewer than two pairable values, or no variation at all). */
  alpha: number | null;
  observed: number;
  expected: number;
  /** Units with at least two values (the ones that count). */
  units: number;
  /** Pairable values n.. (the total of the coincidence matrix). */
  values: number;
}

/**
 * Alpha over `data[unit][coder]`. Values are numbers for every metric (a nominal code may be any
 * number standing for a category); ordinal distances use the values' rank order.
 */
export function krippendorffAlpha(data: ReadonlyArray<ReadonlyArray<number | null>>, metric: AlphaMetric): AlphaResult {
  const valueSet = new Set<number>();
  const pairable: number[][] = [];
  for (const row of data) {
    const present = row.filter((v): v is number => v !== null && Number.isFinite(v));
    if (present.length < 2) continue;
    pairable.push(present);
    for (const v of present) valueSet.add(v);
  }
  const values = [...valueSet].sort((a, b) => a - b);
  const index = new Map(values.map((v, i) => [v, i]));
  const k = values.length;
  // Coincidence matrix o_ck: each ordered pair of values within a unit, weighted 1/(m_u − 1).
  const o = Array.from({ length: k }, () => new Float64Array(k));
  for (const present of pairable) {
    const m = present.length;
    const counts = new Map<number, number>();
    for (const v of present) counts.set(index.get(v)!, (counts.get(index.get(v)!) ?? 0) + 1);
    for (const [c, nc] of counts) {
      for (const [d, nd] of counts) {
        o[c]![d]! += (c === d ? nc * (nc - 1) : nc * nd) / (m - 1);
      }
    }
  }
  const n = o.map((row) => row.reduce((s, x) => s + x, 0));
  const total = n.reduce((s, x) => s + x, 0);
  const empty = { observed: 0, expected: 0, units: pairable.length, values: Math.round(total) };
  if (total < 2 || k === 0) return { alpha: null, ...empty };
  const delta = distances(values, n, metric);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < k; d++) {
      const dist = delta[c]![d]!;
      if (dist === 0) continue;
      observed += o[c]![d]! * dist;
      expected += n[c]! * n[d]! * dist;
    }
  }
  observed /= total;
  expected /= total * (total - 1);
  const alpha = expected === 0 ? null : 1 - observed / expected;
  return { alpha, observed, expected, units: pairable.length, values: Math.round(total) };
}

/** Squared distance δ²(c, k) between every two values, per Krippendorff (2011), section C. */
function distances(values: readonly number[], n: readonly number[], metric: AlphaMetric): number[][] {
  const k = values.length;
  const delta = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < k; d++) {
      if (c === d) continue;
      const a = values[c]!;
      const b = values[d]!;
      switch (metric) {
        case 'nominal':
          delta[c]![d] = 1;
          break;
        case 'interval':
          delta[c]![d] = (a - b) ** 2;
          break;
        case 'ratio':
          delta[c]![d] = a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
          break;
        case 'ordinal': {
          // (Σ_{g=c..k} n_g − (n_c + n_k)/2)², over the ranks between the two values inclusive.
          const lo = Math.min(c, d);
          const hi = Math.max(c, d);
          let sum = 0;
          for (let g = lo; g <= hi; g++) sum += n[g]!;
          delta[c]![d] = (sum - (n[c]! + n[d]!) / 2) ** 2;
          break;
        }
      }
    }
  }
  return delta;
}
