import type { ActorDraft } from './actors';
import { ORG_ANAPHORS } from './name-words';
import { PRONOUNS } from './reporting-verbs';
import type { Token } from './tokens';

/** An actor mention placed in the text, for finding who speaks. */
export interface PlacedMention {
  start: number;
  end: number;
  actor: ActorDraft;
  sent: number;
  /** Inside a direct quotation: a name the speaker says, never the speaker. */
  inQuote: boolean;
}

/** What the speaker finder needs about the article. */
export interface SpeakerContext {
  tokens: readonly Token[];
  mentions: readonly PlacedMention[];
  /** The grammatical gender a given name suggests, by actor key. */
  gender: ReadonlyMap<string, 'male' | 'female' | null>;
  /** The mentions of each sentence, in text order. */
  bySent: ReadonlyMap<number, readonly PlacedMention[]>;
}

/** Index of the first mention starting at or after `offset` (mentions are sorted by start). */
export function firstMentionFrom(mentions: readonly PlacedMention[], offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How far back (in sentences) a pronoun looks for its speaker. */
const PRONOUN_REACH = 6;

/**
 * The speaker named by the words of tokens [from, to] (the subject of a reporting verb): a name
 * (the last one for a subject before the verb, the first for one after it), a pronoun resolved to
 * an earlier speaker, or "the ministry"/"the company" for the organisation the article is about.
 * `unnamed` is true when there are words but no name ("a spokesman said").
 */
export function speakerIn(ctx: SpeakerContext, from: number, to: number, pick: 'first' | 'last'): { actor: ActorDraft | null; unnamed: boolean } {
  if (from > to) return { actor: null, unnamed: false };
  const start = ctx.tokens[from]!.start;
  const end = ctx.tokens[to]!.end;
  const inside: PlacedMention[] = [];
  for (let i = firstMentionFrom(ctx.mentions, start); i < ctx.mentions.length && ctx.mentions[i]!.start < end; i++) {
    const m = ctx.mentions[i]!;
    if (!m.inQuote) inside.push(m);
  }
  const people = inside.filter((m) => m.actor.kind === 'person');
  if (inside.length > 0) {
    // A person in the subject is the speaker rather than the body named beside them ("Anna Müller, a steward at Bosch, said").
    const pool = people.length > 0 ? people : inside;
    const chosen = pick === 'first' ? pool[0]! : pool[pool.length - 1]!;
    return { actor: chosen.actor, unnamed: false };
  }
  for (let k = pick === 'first' ? from : to; pick === 'first' ? k <= to : k >= from; k += pick === 'first' ? 1 : -1) {
    const t = ctx.tokens[k]!;
    const want = PRONOUNS[t.lower];
    if (want !== undefined) return { actor: resolvePronoun(ctx, t, want), unnamed: false };
    if (ORG_ANAPHORS.has(t.lower) || t.lower === 'group') {
      const org = lastMention(ctx, t.start, (m) => m.actor.kind === 'organization');
      if (org !== null) return { actor: org, unnamed: false };
    }
  }
  return { actor: null, unnamed: true };
}

/**
 * A pronoun's antecedent: the first compatible name (outside quotations) of the nearest sentence
 * that has one, looking back from the pronoun. The first name of a sentence is usually its subject,
 * which is what "prefer the subject over the object" asks ("Wang told Kuleba ... he added": Wang).
 */
export function resolvePronoun(ctx: SpeakerContext, pronoun: Token, want: 'male' | 'female' | 'org' | 'any'): ActorDraft | null {
  const fits = (m: PlacedMention): boolean => {
    if (m.inQuote) return false;
    if (want === 'org') return m.actor.kind === 'organization';
    if (want === 'any') return m.actor.kind === 'organization' || m.actor.kind === 'person' || m.actor.kind === 'group';
    if (m.actor.kind !== 'person') return false;
    const gender = ctx.gender.get(m.actor.key) ?? null;
    return gender === null || gender === want;
  };
  for (let sent = pronoun.sent; sent >= Math.max(0, pronoun.sent - PRONOUN_REACH); sent--) {
    const found = ctx.bySent.get(sent)?.find((m) => m.start < pronoun.start && fits(m));
    if (found !== undefined) return found.actor;
  }
  return null;
}

function lastMention(ctx: SpeakerContext, before: number, fits: (m: PlacedMention) => boolean): ActorDraft | null {
  for (let i = firstMentionFrom(ctx.mentions, before) - 1; i >= 0; i--) {
    const m = ctx.mentions[i]!;
    if (m.start < before && !m.inQuote && fits(m)) return m.actor;
  }
  return null;
}
