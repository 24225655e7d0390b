/** An actor mention as the speaker suggestion needs it. */
export interface MentionRef {
  actorId: string;
  start: number;
  end: number;
}

const VERBS = 'said|says|told|tells|wrote|writes|added|adds|stated|states|announced|announces|argued|argues|insisted|insists|claimed|claims|warned|warns|declared|declares|posted|posts|noted|notes|replied|replies|asserted|asserts|stressed|stresses|urged|urges|according to';

// "X said", "X, the minister, told reporters", "X has said"
const AFTER_MENTION = new RegExp(`^\\s*(?:,[^,.;:!?]{0,60},)?\\s*(?:has |had |also |later |then )?(?:${VERBS})\\b`, 'i');
// "said X", "according to X", "told by X"
const BEFORE_MENTION = new RegExp(`\\b(?:${VERBS}|by)\\s*(?:the\\s+)?$`, 'i');

/** Start and end of the sentence around `offset` (a sentence never crosses a paragraph). */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  while (from > 0 && !/[.!?]/.test(text[from - 1]!) && text.slice(from - 2, from) !== '\n\n') from--;
  // A closing quote right after the full stop still belongs to the previous sentence.
  while (from < start && /[\s"'”’]/.test(text[from]!)) from++;
  let to = end;
  while (to < text.length && !/[.!?]/.test(text[to]!) && text.slice(to, to + 2) !== '\n\n') to++;
  return { start: from, end: Math.min(text.length, to + 1) };
}

/**
 * The most likely speaker of the claim `text[start, end)`: an actor mentioned in the same
 * sentence next to a reporting verb ("X said", "said X", "X told", "according to X"); else the
 * nearest mention before the passage; else null. Mentions inside the claim itself are not
 * speakers of it.
 */
export function suggestSpeaker(text: string, start: number, end: number, mentions: readonly MentionRef[]): string | null {
  const outside = mentions.filter((m) => m.end <= start || m.start >= end);
  // Look in the claim's sentence and the one right after it ("…," she said.).
  const sentence = sentenceAround(text, start, end);
  const next = sentence.end < text.length ? sentenceAround(text, sentence.end + 1, sentence.end + 1) : sentence;
  const windowEnd = text.slice(sentence.end, next.end).includes('\n\n') ? sentence.end : next.end;
  const candidates = outside.filter((m) => m.start >= sentence.start && m.end <= windowEnd);
  const reporting = candidates
    .filter((m) => AFTER_MENTION.test(text.slice(m.end, m.end + 80)) || BEFORE_MENTION.test(text.slice(Math.max(0, m.start - 40), m.start)))
    .sort((a, b) => distance(a, start, end) - distance(b, start, end));
  if (reporting[0]) return reporting[0].actorId;
  const before = outside.filter((m) => m.end <= start).sort((a, b) => b.end - a.end);
  return before[0]?.actorId ?? null;
}

function distance(m: MentionRef, start: number, end: number): number {
  return m.end <= start ? start - m.end : m.start - end;
}
