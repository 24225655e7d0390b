import nlp from 'compromise/two';
import type { Token } from './tokens';
import type { WordHint, WordHints } from './word-hints';

/**
 * Word hints from compromise's bundled English lexicon (about 25,000 words with their tags:
 * countries, cities, given names, organisations, titles, parts of speech). Only the lexicon is
 * used, not compromise's full tagger: a dictionary look-up per word keeps a 20,000-word article
 * far under the time budget (the full tagger takes seconds; docs/performance.md).
 */
type Lexicon = Record<string, string | string[] | undefined>;

let lexicon: Lexicon | null = null;
/** Hints already worked out, by word (bounded: cleared when it grows past CACHE_LIMIT). */
const cache = new Map<string, WordHint>();
const CACHE_LIMIT = 200_000;

function lex(): Lexicon {
  if (lexicon === null) lexicon = (nlp.model() as { one: { lexicon: Lexicon } }).one.lexicon;
  return lexicon;
}

const PLACE = new Set(['Country', 'City', 'Region', 'Place', 'Continent', 'State', 'Province', 'Town', 'Address']);
const ORG = new Set(['Organization', 'SportsTeam', 'Company', 'School']);
const DATE = new Set(['WeekDay', 'Month', 'Date', 'Holiday', 'Duration']);

function hintOf(tags: string | string[] | undefined): WordHint {
  if (tags === undefined) return 'unknown';
  const list = (Array.isArray(tags) ? tags : [tags]).flatMap((tag) => tag.split(','));
  if (list.some((tag) => PLACE.has(tag))) return 'place';
  if (list.some((tag) => ORG.has(tag))) return 'org';
  if (list.includes('MaleName')) return 'given-male';
  if (list.includes('FemaleName')) return 'given-female';
  if (list.includes('FirstName')) return 'given';
  if (list.includes('Demonym')) return 'demonym';
  if (list.includes('Actor') || list.includes('Honorific')) return 'role';
  if (list.some((tag) => DATE.has(tag))) return 'date';
  if (list.includes('ProperNoun') || list.includes('Person') || list.includes('LastName')) return 'unknown';
  return 'common';
}

/** The compromise lexicon as word hints. */
export const compromiseHints: WordHints = {
  tokens(_text: string, tokens: readonly Token[]): WordHint[] {
    const table = lex();
    if (cache.size > CACHE_LIMIT) cache.clear();
    return tokens.map((token) => {
      let hint = cache.get(token.lower);
      if (hint === undefined) {
        hint = hintOf(table[token.lower]);
        cache.set(token.lower, hint);
      }
      return hint;
    });
  },
  phrase(folded: string): WordHint | null {
    const tags = lex()[folded];
    return tags === undefined ? null : hintOf(tags);
  },
};
