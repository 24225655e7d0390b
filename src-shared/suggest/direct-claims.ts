import type { ActorDraft } from './actors';
import type { QuoteMarks } from './quotes';
import { LABEL_VERBS, REPORTING_VERBS } from './reporting-verbs';
import { speakerIn, type SpeakerContext } from './speakers';
import { firstTokenFrom, type ClaimDraft } from './claim-draft';
import { mediumOf } from './medium';

/** Words an attribution may take before or after its quote ("the ministry said in a statement"). */
const ATTRIBUTION_REACH = 14;
/** Shorter quotations without attribution are scare quotes or titles, not claims. */
const MIN_UNATTRIBUTED_WORDS = 4;

interface Attribution {
  speaker: ActorDraft | null;
  verb: number;
  /** Offsets of the attribution's words, for the medium and for merging split quotes. */
  start: number;
  end: number;
}

/**
 * Claims from direct quotations: the speaker from the attribution after the quote (“…,” he said)
 * or before it (X said: “…”); a quote split by its attribution (“…,” he said, “…”) is one claim; a
 * quoted label (called the plan a “farce”) is a mixed claim; an unattributed quote continuing a
 * paragraph takes the speaker of the claim before it.
 */
export function directClaims(text: string, ctx: SpeakerContext, quotes: readonly QuoteMarks[], usedVerbs: Set<number>): ClaimDraft[] {
  const { tokens } = ctx;
  const out: ClaimDraft[] = [];
  const attributions = quotes.map((q, i) => after(text, ctx, q, quotes[i + 1]) ?? null);
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i]!;
    const inner = innerSpan(text, q);
    const label = labelVerb(ctx, q);
    if (label !== null) {
      usedVerbs.add(label);
      const first = sentenceStart(ctx, label);
      const participle = /ing$/.test(tokens[label]!.lower);
      const who = speakerIn(ctx, first, label - 1, participle ? 'first' : 'last');
      out.push({ start: inner.start, end: inner.end, form: 'mixed', medium: mediumOf(text.slice(tokens[first]!.start, q.open)), speaker: who.actor, cue: tokens[label]! });
      continue;
    }
    let attribution = attributions[i] ?? before(text, ctx, q);
    let end = inner.end;
    // A quote split by its attribution: “…,” he said, “…” is one claim.
    if (attribution !== null && i + 1 < quotes.length && splitContinues(text, q, attributions[i] ?? null, quotes[i + 1]!, attributions[i + 1] ?? null)) {
      i++;
      end = innerSpan(text, quotes[i]!).end;
    }
    if (attribution !== null) usedVerbs.add(attribution.verb);
    else {
      const words = text.slice(inner.start, inner.end).split(/\s+/).length;
      const previous = out[out.length - 1];
      const firstWord = tokens[firstTokenFrom(tokens, q.open)];
      const samePara = previous !== undefined && !/\n/.test(text.slice(previous.end, q.open));
      if (samePara && previous.speaker !== null && previous.form === 'direct') attribution = { speaker: previous.speaker, verb: -1, start: q.open, end: q.open };
      else if (words < MIN_UNATTRIBUTED_WORDS || firstWord === undefined || !firstWord.sentStart) continue;
    }
    const medium = attribution !== null && attribution.verb >= 0 ? mediumOf(text.slice(attribution.start, attribution.end)) : null;
    out.push({ start: inner.start, end, form: 'direct', medium, speaker: attribution?.speaker ?? null, cue: attribution !== null && attribution.verb >= 0 ? tokens[attribution.verb]! : null });
  }
  return out;
}

/** The quoted words without marks, spaces, or a trailing comma or full stop. */
export function innerSpan(text: string, q: QuoteMarks): { start: number; end: number } {
  let end = q.end;
  while (end > q.start && /[\s,.;:]/.test(text[end - 1]!)) end--;
  return { start: q.start, end };
}

function sentenceStart(ctx: SpeakerContext, k: number): number {
  const sent = ctx.tokens[k]!.sent;
  let i = k;
  while (i > 0 && ctx.tokens[i - 1]!.sent === sent) i--;
  return i;
}

/** “…,” he said / “…,” said the minister: the attribution right after the closing mark. */
function after(text: string, ctx: SpeakerContext, q: QuoteMarks, next: QuoteMarks | undefined): Attribution | null {
  const { tokens } = ctx;
  const from = firstTokenFrom(tokens, q.close + 1);
  const first = tokens[from];
  if (first === undefined || first.sentStart || /\n/.test(text.slice(q.close, first.start))) return null;
  const limit = next?.open ?? Infinity;
  let last = from;
  while (last + 1 < tokens.length && last - from < ATTRIBUTION_REACH && tokens[last + 1]!.sent === first.sent && tokens[last + 1]!.start < limit) last++;
  for (let v = from; v <= last; v++) {
    const t = tokens[v]!;
    const according = t.lower === 'according' && tokens[v + 1]?.lower === 'to';
    if (!REPORTING_VERBS.has(t.lower) && !according) continue;
    const subject = v > from ? speakerIn(ctx, from, v - 1, 'last') : speakerIn(ctx, v + (according ? 2 : 1), Math.min(last, v + 7), 'first');
    return { speaker: subject.actor, verb: v, start: q.close, end: tokens[last]!.end };
  }
  return null;
}

/** X said: “…” — the attribution right before the opening mark, ending in a colon or comma. */
function before(text: string, ctx: SpeakerContext, q: QuoteMarks): Attribution | null {
  const { tokens } = ctx;
  const to = firstTokenFrom(tokens, q.open) - 1;
  const last = tokens[to];
  if (last === undefined || !/^[\s]*[:,][\s]*$/.test(text.slice(last.end, q.open))) return null;
  let from = to;
  while (from > 0 && to - from < ATTRIBUTION_REACH && tokens[from - 1]!.sent === last.sent && tokens[from - 1]!.para === last.para) from--;
  for (let v = to; v >= from; v--) {
    if (!REPORTING_VERBS.has(tokens[v]!.lower)) continue;
    const subject = v > from ? speakerIn(ctx, from, v - 1, 'last') : speakerIn(ctx, v + 1, to, 'first');
    return { speaker: subject.actor, verb: v, start: tokens[from]!.start, end: q.open };
  }
  return null;
}

/** Whether quote `b` continues quote `a` across a short attribution ("…,” he said, “…"). */
function splitContinues(text: string, a: QuoteMarks, attribution: Attribution | null, b: QuoteMarks, own: Attribution | null): boolean {
  if (attribution === null || own !== null) return false;
  if (!/,\s*$/.test(text.slice(a.start, a.end + 1).replace(/[”"’»“]$/u, ''))) return false;
  const between = text.slice(a.close + 1, b.open);
  return between.length <= 160 && !/\n/.test(between) && attribution.end <= b.open;
}

/** A short quote right after "called"/"described … as": the index of the labelling verb. */
function labelVerb(ctx: SpeakerContext, q: QuoteMarks): number | null {
  const { tokens } = ctx;
  const to = firstTokenFrom(tokens, q.open) - 1;
  const words = (tokens.slice(firstTokenFrom(tokens, q.start), firstTokenFrom(tokens, q.end))).length;
  if (to < 0 || words > 6) return null;
  for (let v = to; v >= 0 && to - v < 8 && tokens[v]!.sent === tokens[to]!.sent; v--) {
    if (LABEL_VERBS.has(tokens[v]!.lower)) return v;
  }
  return null;
}
