import { groupActors, registryIndex, toSuggestion, type ActorDraft } from './actors';
import type { ClaimDraft } from './claim-draft';
import { compromiseHints } from './compromise-hints';
import { directClaims } from './direct-claims';
import { fold, hashText } from './fold';
import { indirectClaims } from './indirect-claims';
import { findNames } from './names';
import { findQuotes } from './quotes';
import type { PlacedMention, SpeakerContext } from './speakers';
import type { ActorKind } from '../domain/actor';
import type { ClaimSuggestion, Suggestion, SuggestInput } from './suggestion';
import { tokenize, type Token } from './tokens';
import type { WordHints } from './word-hints';

export type * from './suggestion';

/**
 * Longest text analysed, in UTF-16 code units (about 150,000 words, seven times the longest article the engine is sized for). Beyond it the engine reads
 * the first part only and says so (`truncated`): suggestions are a help, and a 5 MB paste must
 * not hold a worker for seconds.
 */
export const MAX_TEXT = 1_000_000;

/** What the engine found, and whether it had to stop early. */
export interface SuggestResult {
  suggestions: Suggestion[];
  /** True when the text was longer than MAX_TEXT and only its start was read. */
  truncated: boolean;
  /** Why nothing was proposed, when that is not simply "nothing found" (e.g. a language the engine cannot read). */
  skipped: string | null;
}

/** Options for tests and the benchmark: the word-hint resource (compromise's lexicon by default). */
export interface SuggestOptions {
  hints?: WordHints;
}

/**
 * Proposes the actors and attributed quotes of an article. Pure and deterministic: the same input
 * gives the same suggestions with the same keys. Never throws on any text.
 */
export function suggest(input: SuggestInput, options: SuggestOptions = {}): Suggestion[] {
  return analyse(input, options).suggestions;
}

/** As `suggest`, with whether the text was cut and why nothing was proposed. */
export function analyse(input: SuggestInput, options: SuggestOptions = {}): SuggestResult {
  const language = input.language?.toLowerCase() ?? null;
  if (language !== null && language !== '' && !language.startsWith('en')) {
    return { suggestions: [], truncated: false, skipped: `The suggestions read English only; this article is marked as "${input.language}".` };
  }
  const truncated = input.text.length > MAX_TEXT;
  const text = truncated ? input.text.slice(0, MAX_TEXT) : input.text;
  const hints = options.hints ?? compromiseHints;
  const tokens = tokenize(text);
  const registry = registryIndex(input.actors);
  const kinds = new Map<string, ActorKind>();
  for (const [name, actor] of registry) if (actor) kinds.set(name, actor.kind);
  const names = findNames(text, tokens, hints, kinds);
  const drafts = groupActors(names, tokens, text, registry);
  const quotes = findQuotes(text);
  const ctx = speakerContext(tokens, drafts, quotes, hints);
  const used = new Set<number>();
  const direct = directClaims(text, ctx, quotes, used);
  const indirect = indirectClaims(text, ctx, quotes, used);
  // A quotation inside a reported clause is part of that mixed claim, not a claim of its own.
  const mixed = indirect.filter((c) => c.form === 'mixed');
  const standalone = direct.filter((d) => d.speaker !== null || !mixed.some((m) => m.start <= d.start && d.end <= m.end));
  const claims = [...standalone, ...indirect].sort((a, b) => a.start - b.start);
  const actors = drafts.map(toSuggestion).sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  return { suggestions: [...actors, ...claimSuggestions(text, claims)], truncated, skipped: null };
}

function speakerContext(tokens: readonly Token[], drafts: readonly ActorDraft[], quotes: ReturnType<typeof findQuotes>, hints: WordHints): SpeakerContext {
  const mentions: PlacedMention[] = [];
  let q = 0;
  let t = 0;
  const placed = drafts.flatMap((actor) => actor.mentions.map((m) => ({ ...m, actor }))).sort((a, b) => a.start - b.start);
  for (const m of placed) {
    while (q < quotes.length && quotes[q]!.close < m.start) q++;
    while (t + 1 < tokens.length && tokens[t + 1]!.start <= m.start) t++;
    const inQuote = q < quotes.length && quotes[q]!.open < m.start;
    mentions.push({ start: m.start, end: m.end, actor: m.actor, sent: tokens[t]?.sent ?? 0, inQuote });
  }
  const bySent = new Map<number, PlacedMention[]>();
  for (const m of mentions) {
    const list = bySent.get(m.sent);
    if (list === undefined) bySent.set(m.sent, [m]);
    else list.push(m);
  }
  const gender = new Map<string, 'male' | 'female' | null>();
  for (const d of drafts) {
    const hint = d.kind === 'person' ? hints.phrase(d.words[0] ?? '') : null;
    gender.set(d.key, hint === 'given-male' ? 'male' : hint === 'given-female' ? 'female' : null);
  }
  return { tokens, mentions, bySent, gender };
}

function claimSuggestions(text: string, claims: readonly ClaimDraft[]): ClaimSuggestion[] {
  const seen = new Map<string, number>();
  return claims.map((c) => {
    // The key is the quote's words, not its place: a rejection survives edits elsewhere in the text.
    const base = `claim:${hashText(fold(text.slice(c.start, c.end)))}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const speaker = c.speaker === null ? null : { name: c.speaker.name, existingActorId: c.speaker.existing?.id ?? null, actorKey: c.speaker.key };
    return {
      type: 'claim',
      key: n === 1 ? base : `${base}-${n}`,
      span: { start: c.start, end: c.end, text: text.slice(c.start, c.end) },
      form: c.form,
      medium: c.medium,
      speaker,
      cue: c.cue === null ? null : { start: c.cue.start, end: c.cue.end, text: text.slice(c.cue.start, c.cue.end) },
    };
  });
}
