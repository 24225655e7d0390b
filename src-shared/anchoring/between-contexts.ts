import type { TextTarget } from '../domain/annotation';
import { tidy } from './characters';
import { distance } from './distance';
import { CONTEXT_LENGTH } from './quote-selector';
import { occurrences, type Window } from './search-windows';

/** Stored context needed on both sides for the between-the-contexts rule, and how much the
 * passage between may have changed (share of its length; at least one character). */
const SANDWICH_SIDE = CONTEXT_LENGTH;
const MAX_SANDWICH_CHANGE = 0.5;
const MAX_SANDWICH_QUOTE = 1000;
/** A side of context shorter than this is no evidence. */
const MIN_SHORT_SIDE = 4;

/**
 * Looks for the stored prefix and suffix, each whole and at least SANDWICH_SIDE long, with at
 * most about twice the quote between them, and text between that is still mostly the quote.
 */
export function sandwiched(
  text: string,
  target: TextTarget,
  windows: readonly Window[],
  expected: number,
  allowed: (range: { start: number; end: number }) => boolean,
): { start: number; end: number } | 'ambiguous' | null {
  const { prefix, suffix, exact } = target;
  // A side shorter than full context (the passage was near an edge of the article) counts only
  // if it still reaches that edge, and only beside a full side.
  if (Math.max(prefix.length, suffix.length) < SANDWICH_SIDE || Math.min(prefix.length, suffix.length) < MIN_SHORT_SIDE || exact.length > MAX_SANDWICH_QUOTE) return null;
  const maxGap = exact.length * 2 + 16;
  const found: { start: number; end: number }[] = [];
  const reach = windows.map((w) => ({ start: Math.max(0, w.start - prefix.length), end: Math.min(text.length, w.end + maxGap) }));
  for (const hit of occurrences(text, prefix, reach)) {
    if (prefix.length < SANDWICH_SIDE && hit.start !== 0) continue;
    const after = text.indexOf(suffix, hit.end);
    if (after === -1 || after - hit.end > maxGap) continue;
    if (suffix.length < SANDWICH_SIDE && after + suffix.length !== text.length) continue;
    const range = tidy(text, hit.end, after);
    if (!range || found.some((f) => f.start === range[0])) continue;
    const candidate = { start: range[0], end: range[1] };
    const now = text.slice(candidate.start, candidate.end);
    if (distance(now, exact) > Math.max(1, Math.floor(Math.max(now.length, exact.length) * MAX_SANDWICH_CHANGE))) continue;
    if (allowed(candidate)) found.push(candidate);
  }
  if (found.length > 1) return 'ambiguous';
  const only = found[0];
  // Far from where it was expected, identical context on both sides is a copied paragraph's.
  return only && Math.abs(only.start - expected) <= Math.max(exact.length * 4, 400) ? only : null;
}
