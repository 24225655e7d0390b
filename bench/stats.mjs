// Order statistics shared by the benchmarks (plain JavaScript so that both the bundled `.ts`
// benchmarks and the `.mjs` ones that Node runs as they are can import it).

/**
 * The nearest-rank percentile: the smallest value with at least p % of the values at or below it.
 * @param {readonly number[]} values
 * @param {number} p 0–100
 * @returns {number}
 */
export function percentile(values, p) {
  if (values.length === 0) throw new Error('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * The middle value (the upper one of the two middles for an even count, as the benchmarks always reported).
 * @param {readonly number[]} values
 * @returns {number}
 */
export function median(values) {
  if (values.length === 0) throw new Error('median of no values');
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}
