/**
 * BENCH_SMOKE=1 (set by `npm run bench:smoke`, part of `npm test`) runs every benchmark's steps at
 * a tiny size: seconds, no figures judged, but a change that breaks a benchmark fails CI.
 */
export const SMOKE = process.env.BENCH_SMOKE === '1';

/** The full size for a real run, or the small one for a smoke run. */
export function benchSize(full: number, smoke: number): number {
  return SMOKE ? smoke : full;
}
