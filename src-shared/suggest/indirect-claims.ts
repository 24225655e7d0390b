import type { ClaimDraft } from './claim-draft';
import { mediumOf } from './medium';
import type { QuoteMarks } from './quotes';
import { NEEDS_THAT, REPORTING_VERBS } from './reporting-verbs';
import { speakerIn, type SpeakerContext } from './speakers';

/** How far after the verb "that" may stand ("said on Wednesday in a statement that"). */
const THAT_REACH = 12;
/** Words after which "said" has no clause of its own ("said in a statement."). */
const NO_CLAUSE = new Set(['on', 'in', 'at', 'last', 'earlier', 'this', 'yesterday', 'today', 'tomorrow', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'after', 'before', 'during', 'while', 'when', 'of', 'by', 'to', 'for', 'with', 'as', 'so', 'and', 'but', 'nothing', 'little', 'more']);

/**
 * Reported speech: "X said (that) CLAUSE", "X told Y that CLAUSE", "According to X, CLAUSE". The
 * claim's passage is the reported clause up to the end of the sentence; a quotation inside it
 * makes the claim mixed. Verbs already used as a direct quote's attribution are skipped.
 */
export function indirectClaims(text: string, ctx: SpeakerContext, quotes: readonly QuoteMarks[], usedVerbs: ReadonlySet<number>): ClaimDraft[] {
  const { tokens } = ctx;
  const out: ClaimDraft[] = [];
  const inQuote = (offset: number): boolean => {
    const i = firstQuoteAfter(quotes, offset) - 1;
    return i >= 0 && quotes[i]!.open < offset && quotes[i]!.close > offset;
  };
  for (let k = 0; k < tokens.length; k++) {
    const verb = tokens[k]!;
    const according = verb.lower === 'according' && tokens[k + 1]?.lower === 'to';
    if ((!REPORTING_VERBS.has(verb.lower) && !according) || usedVerbs.has(k) || inQuote(verb.start)) continue;
    let s0 = k;
    while (s0 > 0 && tokens[s0 - 1]!.sent === verb.sent) s0--;
    let sEnd = k;
    while (sEnd + 1 < tokens.length && tokens[sEnd + 1]!.sent === verb.sent) sEnd++;
    let clauseFrom: number;
    let speaker;
    if (according) {
      // "According to NATO figures, CLAUSE": the clause follows the comma after the source.
      let comma = -1;
      for (let c = k + 2; c <= Math.min(sEnd, k + 10); c++) if (text.slice(tokens[c]!.end, tokens[c + 1]?.start ?? tokens[c]!.end).includes(',')) { comma = c; break; }
      if (comma < 0 || k !== s0) continue;
      speaker = speakerIn(ctx, k + 2, comma, 'first');
      clauseFrom = comma + 1;
    } else {
      if (k === s0 || /^\s*,/.test(text.slice(verb.end, verb.end + 2))) continue;
      let that = -1;
      for (let t = k + 1; t <= Math.min(sEnd, k + THAT_REACH); t++) {
        if (tokens[t]!.lower === 'that' && !inQuote(tokens[t]!.start)) { that = t; break; }
      }
      if (that >= 0) clauseFrom = that + 1;
      else if (NEEDS_THAT.has(verb.lower) || NO_CLAUSE.has(tokens[k + 1]?.lower ?? 'on') || tokens[k + 1]?.sent !== verb.sent) continue;
      else clauseFrom = k + 1;
      // The subject stands before the verb; a quotation between them means this verb attributes it.
      if (quoteWithin(quotes, tokens[s0]!.start, verb.start)) continue;
      speaker = speakerIn(ctx, s0, k - 1, 'last');
    }
    if (clauseFrom > sEnd) continue;
    const start = tokens[clauseFrom]!.start;
    const end = tokens[sEnd]!.end;
    const passage = text.slice(start, end);
    if (passage.split(/\s+/).length < 2) continue;
    const mixed = quoteWithin(quotes, start, end);
    out.push({ start, end, form: mixed ? 'mixed' : 'indirect', medium: mediumOf(text.slice(tokens[s0]!.start, start)), speaker: speaker.actor, cue: { start: verb.start, end: according ? tokens[k + 1]!.end : verb.end } });
    k = sEnd;
  }
  return out;
}

/** Whether a whole quotation lies between two offsets. */
function quoteWithin(quotes: readonly QuoteMarks[], from: number, to: number): boolean {
  const q = quotes[firstQuoteAfter(quotes, from)];
  return q !== undefined && q.close < to;
}

function firstQuoteAfter(quotes: readonly QuoteMarks[], offset: number): number {
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid]!.open < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
