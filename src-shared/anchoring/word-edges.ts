/** Word edges of a passage, which a fuzzy match must keep (see `reanchor`). */
import type { TextTarget } from '../domain/annotation';
import { tidy } from './characters';
import { distance } from './distance';

const WORD = /[\p{L}\p{N}]/u;
const splitsWord = (before: string, after: string) => WORD.test(before) && WORD.test(after);

/**
 * A passage selected on word edges keeps them through a typo or a reworded word: a fuzzy match
 * starting or ending inside a word ("minister had h" for a cut "minister said the") is the quote
 * stretched over other words.
 */
export function keepsWordEdges(text: string, target: TextTarget, start: number, end: number): boolean {
  const { prefix, exact, suffix } = target;
  if (!splitsWord(prefix.slice(-1), exact.charAt(0)) && splitsWord(text.charAt(start - 1), text.charAt(start))) return false;
  return splitsWord(exact.slice(-1), suffix.charAt(0)) || !splitsWord(text.charAt(end - 1), text.charAt(end));
}

/** Longest quote whose fuzzy match is snapped to word edges (the comparison is quadratic). */
const MAX_SNAPPED_QUOTE = 200;

/**
 * The best of `[start, end)` widened or narrowed to the word edges the stored passage has, with
 * its quote similarity; null if none keeps white space off its ends.
 */
export function onWordEdges(text: string, target: TextTarget, start: number, end: number, quote: string): { start: number; end: number; quote: number } | null {
  if (quote.length > MAX_SNAPPED_QUOTE) return null;
  const splits = (at: number) => splitsWord(text.charAt(at - 1), text.charAt(at));
  const edges = (at: number, fixed: boolean) => {
    if (fixed || !splits(at)) return [at];
    let back = at;
    while (back > 0 && splits(back)) back--;
    let ahead = at;
    while (ahead < text.length && splits(ahead)) ahead++;
    return [back, ahead];
  };
  const startFree = splitsWord(target.prefix.slice(-1), target.exact.charAt(0));
  const endFree = splitsWord(target.exact.slice(-1), target.suffix.charAt(0));
  let best: { start: number; end: number; quote: number } | null = null;
  for (const s of edges(start, startFree)) {
    for (const e of edges(end, endFree)) {
      const range = e > s ? tidy(text, s, e) : null;
      if (!range || !keepsWordEdges(text, target, range[0], range[1])) continue;
      const similar = 1 - distance(text.slice(range[0], range[1]), quote) / quote.length;
      if (!best || similar > best.quote) best = { start: range[0], end: range[1], quote: similar };
    }
  }
  return best;
}
