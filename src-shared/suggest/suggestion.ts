import type { ActorKind } from '../domain/actor';

/**
 * What the suggestion engine proposes for one article. Pure data: offsets are UTF-16 code units
 * into the article's canonical text (the same offsets annotation targets use), `end` exclusive.
 * Nothing here is written to the project; the analyst accepts or rejects each suggestion.
 */

/** A stretch of the article text. */
export interface TextSpan {
  start: number;
  end: number;
  /** The text between start and end, for display and for checking the offsets. */
  text: string;
}

/** The actors of the project the engine matches names against. */
export interface RegistryActor {
  id: string;
  name: string;
  kind: ActorKind;
  aliases: readonly string[];
}

/** What the engine is given. */
export interface SuggestInput {
  text: string;
  /** The article's language (BCP 47) when known; the engine may propose nothing for languages it cannot read. */
  language?: string | null;
  actors: readonly RegistryActor[];
}

/**
 * A key that identifies a suggestion across runs and small edits of the text (not an offset), so
 * that a rejection is remembered: e.g. `actor:person:wang yi` or `claim:<hash of the quote text>`.
 */
export type SuggestionKey = string;

/** One actor named in the article, with every mention of it (full name and short forms). */
export interface ActorSuggestion {
  type: 'actor';
  key: SuggestionKey;
  /** The fullest name found in the text (or the registry actor's name when matched). */
  name: string;
  actorKind: ActorKind;
  /** Short forms seen in this article ("Wang" for "Wang Yi"), proposed as aliases of a new actor. */
  aliases: string[];
  /** The registry actor this is, when matched by name or alias; null proposes a new actor. */
  existingActorId: string | null;
  /** Every mention in the article, in text order, not overlapping. */
  mentions: TextSpan[];
}

/** How a claim is reported: in the speaker's own words, in the reporter's, or both. */
export type QuoteForm = 'direct' | 'indirect' | 'mixed';

/** Who the engine thinks said it. */
export interface SpeakerGuess {
  /** The name as written (or the antecedent's name for a pronoun). */
  name: string;
  /** The registry actor, when the speaker matched one. */
  existingActorId: string | null;
  /** The key of the ActorSuggestion for this speaker in the same result, when there is one. */
  actorKey: SuggestionKey | null;
}

/** One attributed quote or reported statement. */
export interface ClaimSuggestion {
  type: 'claim';
  key: SuggestionKey;
  /** The claim's passage: for a direct quote the quoted words without the marks; for a split quote, from the first part's start to the last part's end. */
  span: TextSpan;
  form: QuoteForm;
  /** "social media post", "statement", "interview", "remarks to reporters", or null when the text gives no cue. */
  medium: string | null;
  speaker: SpeakerGuess | null;
  /** The reporting verb or phrase ("said", "according to"), when found. */
  cue: TextSpan | null;
}

export type Suggestion = ActorSuggestion | ClaimSuggestion;
