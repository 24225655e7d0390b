import type { Token } from './tokens';

/**
 * What a language resource knows about a word, as far as finding names needs it. The engine's
 * rules are the same whichever resource fills these in (the NLP library is swappable, and the
 * benchmark compares two).
 */
export type WordHint =
  | 'place' // a country, city or region ("Ukraine", "Kyiv")
  | 'org' // an organisation ("NATO")
  | 'given-male' // a man's given name ("Sergei")
  | 'given-female' // a woman's given name ("Anna")
  | 'given' // a given name of either gender ("Mark" is also a verb; compromise tags some names only as first names)
  | 'demonym' // "Chinese", "German"
  | 'role' // a role or title ("minister", "analysts")
  | 'date' // weekday, month
  | 'common' // an ordinary word: a capital here only starts a sentence
  | 'unknown'; // not known: probably part of a name

/** A resource that gives each token of a text a hint. */
export interface WordHints {
  /** One hint per token, same order. */
  tokens(text: string, tokens: readonly Token[]): WordHint[];
  /** A multi-word name the resource knows ("new york", "united nations"), folded; null when unknown. */
  phrase(folded: string): WordHint | null;
}
