/** The nearest-rank percentile (p from 0 to 100). Throws on an empty list. */
export function percentile(values: readonly number[], p: number): number;
/** The middle value (the upper middle for an even count). Throws on an empty list. */
export function median(values: readonly number[]): number;
