import type { ActorDraft } from './actors';
import type { QuoteForm } from './suggestion';
import type { Token } from './tokens';

/** A claim while it is being built: offsets of its passage, its form, medium, speaker and cue. */
export interface ClaimDraft {
  start: number;
  end: number;
  form: QuoteForm;
  medium: string | null;
  speaker: ActorDraft | null;
  cue: { start: number; end: number } | null;
}

/** Index of the first token starting at or after `offset` (tokens.length when none). */
export function firstTokenFrom(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
