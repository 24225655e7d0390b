import type { ActorKind } from '../domain/actor';
import { CONNECTORS, DEMONYM_ORG_HEADS, FUNCTION_WORDS, INNER_FUNCTION_WORDS, NAME_PARTS, ORG_CONTEXT, ORG_HEADS, ORG_MODIFIERS, PERSON_CUES, PLACE_HEADS, PLATFORMS, TITLE_MODIFIERS, TITLES } from './name-words';
import type { Token } from './tokens';
import type { WordHint, WordHints } from './word-hints';

/** A stretch of the text that names someone, with the kind the rules give it. */
export interface NameSpan {
  start: number;
  end: number;
  text: string;
  /** Folded words of the name. */
  words: string[];
  kind: ActorKind;
  /** How sure the kind is: 2 from a title, lexicon or organisation word; 1 from the shape alone. */
  sure: number;
  /** Index of the first and last token. */
  first: number;
  last: number;
  /**
   * One word whose capital proves nothing (a sentence's first word, or an ordinary English word
   * such as "West"): kept only as a short form of a name found elsewhere.
   */
  weak: boolean;
}

/** Words before "of" in names of institutions that ORG_HEADS does not list ("Bank of England" has one; "Ministry of …" too). */
const INSTITUTION_WORDS = new Set(['house', 'court', 'chamber', 'church', 'republic', 'kingdom', 'state', 'states', 'duke', 'prince', 'princess', 'emirate', 'people']);

/** Months and weekdays: capitalised, never actors (the lexicon does not always know them). */
const CALENDAR = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Endings of country names ("Caldonia", "Estonia", "Iceland", "Kazakhstan"). */
const COUNTRY_ENDING = /(?:ia|land|stan)$/;

/** Acronyms of states ("US", "UK"); other short all-capital names are organisations. */
const ACRONYM_STATES = new Set(['us', 'usa', 'uk', 'uae', 'drc', 'prc', 'dprk', 'rok', 'ussr']);

/** Where the dateline ends ("NEW YORK (Reuters) - "): names in it are not the article's actors. */
export function datelineEnd(text: string): number {
  const head = text.slice(0, 120);
  // "NEW YORK (Reuters) - ", "NEW YORK, Sept 24 — ": capitals, then an optional date or agency, then a dash.
  const m = /^\s*\p{Lu}[\p{Lu}\s.'’-]{1,40}(?:,[^\n—–-]{1,30})?(?:\([^)\n]{0,40}\))?\s*[-–—]{1,2}\s/u.exec(head);
  return m === null ? 0 : m[0].length;
}

/** Finds the names in the text and guesses their kind. */
export function findNames(text: string, tokens: readonly Token[], hints: WordHints, registry: ReadonlyMap<string, ActorKind>): NameSpan[] {
  const hint = hints.tokens(text, tokens);
  const skipBefore = datelineEnd(text);
  // Capitalised words shaped like country names, so "Caldonian" can be read as their adjective.
  const places = new Set(tokens.filter((t) => t.cap && /(?:ia|land|stan)$/.test(t.lower)).map((t) => t.lower));
  const names: NameSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.start < skipBefore || !startsName(tokens, hint, i)) {
      i++;
      continue;
    }
    // Grow the run of capitalised words (with small connectors inside, not across punctuation).
    let j = i;
    while (j + 1 < tokens.length && adjacent(text, tokens[j]!, tokens[j + 1]!)) {
      const next = tokens[j + 1]!;
      // "Information Commissioner's Office": a possessive inside an organisation's name.
      if (tokens[j]!.possessive && !(next.cap && ORG_HEADS.has(next.lower))) break;
      if (next.cap && !FUNCTION_WORDS.has(next.lower) && hint[j + 1] !== 'date' && !CALENDAR.has(next.lower)) j++;
      else if (next.cap && INNER_FUNCTION_WORDS.has(next.lower) && tokens[j + 2]?.cap && adjacent(text, next, tokens[j + 2]!) && !FUNCTION_WORDS.has(tokens[j + 2]!.lower)) j++;
      else if (!next.cap && CONNECTORS.has(next.lower) && next.lower !== 'and' && joinsHere(tokens[j]!, next)) {
        // "von der Leyen", "bin Salman": up to three small words, then a capital.
        let k = j + 1;
        while (k < j + 4 && tokens[k] !== undefined && !tokens[k]!.cap && CONNECTORS.has(tokens[k]!.lower) && adjacent(text, tokens[k]!, tokens[k + 1] ?? tokens[k]!)) k++;
        if (tokens[k]?.cap && adjacent(text, tokens[k - 1]!, tokens[k]!) && !FUNCTION_WORDS.has(tokens[k]!.lower)) j = k;
        else break;
      } else break;
    }
    names.push(...segments(text, tokens, hint, hints, registry, i, j, places));
    i = j + 1;
  }
  names.push(...demonymOrgs(text, tokens, hint, skipBefore));
  return names.sort((a, b) => a.start - b.start);
}

/**
 * "of" and "for" join names only after a word that heads one ("House of Commons", "Secretary of
 * State", "Institute for Fiscal Studies"); after a person's name they start a phrase ("President
 * Halvard Strand of Caldonia").
 */
function joinsHere(left: Token, connector: Token): boolean {
  if (connector.lower !== 'of' && connector.lower !== 'for') return true;
  return ORG_HEADS.has(left.lower) || PLACE_HEADS.has(left.lower) || TITLES.has(left.lower) || INSTITUTION_WORDS.has(left.lower);
}

function startsName(tokens: readonly Token[], hint: readonly WordHint[], i: number): boolean {
  const t = tokens[i]!;
  // "WHO", "US": an acronym is a name even when it spells a small word.
  if (!t.cap || hint[i] === 'date' || CALENDAR.has(t.lower) || (FUNCTION_WORDS.has(t.lower) && !t.allCaps) || t.text === 'I') return false;
  // A capital at a sentence start says nothing; such a word is kept as weak (names.ts: classify)
  // and counts only as the short form of a name found elsewhere.
  return true;
}

function adjacent(text: string, a: Token, b: Token): boolean {
  if (a.para !== b.para) return false;
  const gap = text.slice(a.end, b.start);
  if (a.possessive && /^['’]s? $/u.test(gap)) return true;
  return /^[ \u00a0]$/.test(gap) || (gap === '. ' && /^(jr|sr)$/i.test(a.text) === false && /^(?:\p{Lu}\.)+$/u.test(a.text + '.'));
}

function isTitle(tokens: readonly Token[], hint: readonly WordHint[], k: number, to: number): boolean {
  const lower = tokens[k]!.lower;
  if (NAME_PARTS.has(lower)) return false;
  if (lower === 'state' && tokens[k - 1]?.lower === 'of' && tokens[k - 2]?.lower === 'secretary') return true;
  if (lower === 'general') return TITLES.has(tokens[k - 1]?.lower ?? '');
  // "Foreign Minister", "Deputy Prime Minister": a modifier is a title only before a title.
  if (TITLE_MODIFIERS.has(lower)) return k < to && isTitle(tokens, hint, k + 1, to);
  // The lexicon's roles count as titles in the singular only ("Reporters Without Borders" is a name).
  return TITLES.has(lower) || (hint[k] === 'role' && !ORG_HEADS.has(lower) && !/[^s]s$/.test(lower));
}

/** Splits a run at titles ("NATO | Secretary General | Mark Rutte") and classifies each part. */
function segments(text: string, tokens: readonly Token[], hint: readonly WordHint[], hints: WordHints, registry: ReadonlyMap<string, ActorKind>, from: number, to: number, places: ReadonlySet<string>): NameSpan[] {
  const out: NameSpan[] = [];
  // A run the registry knows whole is one name, titles or not.
  const whole = fold(tokens, from, to);
  if (registry.has(whole)) return [span(text, tokens, from, to, registry.get(whole)!, 2)];
  // A run ending in an organisation word is one name, titles inside or not ("Information Commissioner's Office").
  if (ORG_HEADS.has(tokens[to]!.lower) && to > from) {
    const part = classify(text, tokens, hint, hints, registry, from, to, false, false, places);
    return part === null ? [] : [part];
  }
  let start = from;
  let cue = personCueBefore(tokens, from);
  for (let k = from; k <= to + 1; k++) {
    if (k <= to && !isTitle(tokens, hint, k, to) && !(tokens[k]!.lower === 'of' && k < to && isTitle(tokens, hint, k + 1, to))) continue;
    // What stands before a title is where the person works ("Bundesbank President Joachim Nagel").
    const part = classify(text, tokens, hint, hints, registry, start, k - 1, cue, k <= to, places);
    if (part !== null) out.push(part);
    if (k <= to) cue = true;
    start = k + 1;
  }
  return out;
}

function personCueBefore(tokens: readonly Token[], i: number): boolean {
  // "union leader Claus Weselsky", "The opposition leader, Kemi Badenoch,"
  const prev = tokens[i - 1];
  if (prev === undefined || prev.para !== tokens[i]!.para) return false;
  return PERSON_CUES.has(prev.lower) && !prev.cap;
}

function fold(tokens: readonly Token[], from: number, to: number): string {
  return tokens.slice(from, to + 1).map((t) => t.lower).join(' ');
}

function span(text: string, tokens: readonly Token[], first: number, last: number, kind: ActorKind, sure: number, weak = false): NameSpan {
  const start = tokens[first]!.start;
  let end = tokens[last]!.end;
  if (/^(jr|sr)$/i.test(tokens[last]!.text) && text[end] === '.') end++;
  return { start, end, text: text.slice(start, end), words: tokens.slice(first, last + 1).map((t) => t.lower), kind, sure, first, last, weak };
}

function classify(text: string, tokens: readonly Token[], hint: readonly WordHint[], hints: WordHints, registry: ReadonlyMap<string, ActorKind>, from: number, to: number, cue: boolean, beforeTitle: boolean, places: ReadonlySet<string>): NameSpan | null {
  // Trim connectors at the edges.
  while (from <= to && !tokens[from]!.allCaps && (CONNECTORS.has(tokens[from]!.lower) || FUNCTION_WORDS.has(tokens[from]!.lower))) from++;
  while (to >= from && CONNECTORS.has(tokens[to]!.lower)) to--;
  if (from > to) return null;
  const folded = fold(tokens, from, to);
  const known = registry.get(folded);
  if (known !== undefined) return span(text, tokens, from, to, known, 2);
  const n = to - from + 1;
  const hs = hint.slice(from, to + 1);
  const words = tokens.slice(from, to + 1);
  const first = words[0]!;
  const last = words[n - 1]!;
  const prev = from > 0 && tokens[from - 1]!.sent === first.sent ? tokens[from - 1]! : null;
  const next = tokens[to + 1]?.sent === last.sent ? tokens[to + 1]! : null;
  // "Caldonian" where the text names "Caldonia": an adjective of nationality the lexicon does not know.
  if (n === 1 && hs[0] === 'unknown' && first.lower.endsWith('n') && !first.allCaps && (places.has(first.lower.slice(0, -1)) || hints.phrase(first.lower.slice(0, -1)) === 'place')) hs[0] = 'demonym';
  if (hs.every((h) => h === 'demonym')) return null;
  if (n === 1 && PLATFORMS.has(first.lower) && (prev?.lower === 'on' || prev?.lower === 'via')) return null;
  if (n === 1 && first.text.length === 1) return null;
  const phrase = n > 1 ? hints.phrase(folded) : null;
  if (phrase === 'place') return span(text, tokens, from, to, 'state', 2);
  if (phrase === 'org') return span(text, tokens, from, to, 'organization', 2);
  if (n === 1 && (ORG_HEADS.has(last.lower) || PLACE_HEADS.has(last.lower)) && !last.allCaps) return null;
  if (/^(?:\p{Lu}\.){2,}$/u.test(last.text) || (n === 1 && hs[0] === 'place')) return span(text, tokens, from, to, 'state', 2);
  if (words.some((w) => ORG_HEADS.has(w.lower)) || hs.includes('org')) return span(text, tokens, from, to, 'organization', 2);
  if (n === 1 && ACRONYM_STATES.has(last.lower)) return span(text, tokens, from, to, 'state', 2);
  if (n === 1 && last.allCaps && last.text.length <= 6) return span(text, tokens, from, to, 'organization', 2);
  if (PLACE_HEADS.has(last.lower) || (n > 1 && hs.every((h) => h === 'place'))) return span(text, tokens, from, to, 'state', 2);
  const given = hs[0] === 'given-male' || hs[0] === 'given-female' || hs[0] === 'given';
  // "the disputed Arvel valley", "Caldonia": a place by the word after it or by its shape.
  if (!given && !cue && hs[0] === 'unknown' && ((next !== null && !next.cap && PLACE_HEADS.has(next.lower)) || (n === 1 && COUNTRY_ENDING.test(first.lower)))) return span(text, tokens, from, to, 'state', 1);
  const weakWord = n === 1 && (first.sentStart || hs[0] === 'common' || hs[0] === 'role');
  // Where the name stands says what it names: "analysts at Nomura", "the Georgian Dream party", "in Baden-Württemberg".
  const orgContext = (prev !== null && !prev.cap && ORG_CONTEXT.has(prev.lower)) || (next !== null && !next.cap && ORG_HEADS.has(next.lower));
  if (!given && !cue && (beforeTitle || orgContext || (n > 1 && hs[0] === 'demonym'))) return span(text, tokens, from, to, 'organization', 1, weakWord && !beforeTitle);
  if (!given && !cue && n === 1 && prev?.lower === 'in' && hs[0] === 'unknown') return span(text, tokens, from, to, 'state', 1);
  if (cue || given) return span(text, tokens, from, to, 'person', 2);
  if (n > 1) return span(text, tokens, from, to, 'person', 1);
  // People are not "the X" ("the West").
  if (prev?.lower === 'the') return span(text, tokens, from, to, 'organization', 0, true);
  // One word alone: weak evidence when its capital may only mark a sentence start or it is an ordinary word.
  return span(text, tokens, from, to, 'person', 0, weakWord);
}

/** "the Russian foreign ministry", "the Chinese embassy": an organisation named by a demonym and a lower-case noun. */
function demonymOrgs(text: string, tokens: readonly Token[], hint: readonly WordHint[], skipBefore: number): NameSpan[] {
  const out: NameSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (hint[i] !== 'demonym' || tokens[i]!.start < skipBefore) continue;
    let j = i + 1;
    while (j < i + 3 && tokens[j] !== undefined && ORG_MODIFIERS.has(tokens[j]!.lower) && !tokens[j]!.cap) j++;
    const head = tokens[j];
    if (head !== undefined && !head.cap && DEMONYM_ORG_HEADS.has(head.lower) && head.sent === tokens[i]!.sent) {
      out.push(span(text, tokens, i, j, 'organization', 2));
      i = j;
    }
  }
  return out;
}
