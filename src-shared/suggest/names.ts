import type { ActorKind } from '../domain/actor';
import { CONNECTORS, DEMONYM_ORG_HEADS, FUNCTION_WORDS, ORG_HEADS, ORG_MODIFIERS, PERSON_CUES, PLACE_HEADS, TITLES } from './name-words';
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
}

/** Where the dateline ends ("NEW YORK (Reuters) - "): names in it are not the article's actors. */
export function datelineEnd(text: string): number {
  const head = text.slice(0, 120);
  const m = /^\s*\p{Lu}[\p{Lu}\s.,'’-]{1,40}(?:\([^)\n]{0,40}\))?\s*[-–—]{1,2}\s/u.exec(head);
  return m === null ? 0 : m[0].length;
}

/** Finds the names in the text and guesses their kind. */
export function findNames(text: string, tokens: readonly Token[], hints: WordHints, registry: ReadonlyMap<string, ActorKind>): NameSpan[] {
  const hint = hints.tokens(text, tokens);
  const skipBefore = datelineEnd(text);
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
    while (j + 1 < tokens.length && !tokens[j]!.possessive && adjacent(text, tokens[j]!, tokens[j + 1]!)) {
      const next = tokens[j + 1]!;
      if (next.cap && !FUNCTION_WORDS.has(next.lower) && hint[j + 1] !== 'date') j++;
      else if (CONNECTORS.has(next.lower) && !next.cap && j + 2 < tokens.length && tokens[j + 2]!.cap && adjacent(text, next, tokens[j + 2]!) && next.lower !== 'and') j++;
      else break;
    }
    names.push(...segments(text, tokens, hint, hints, registry, i, j));
    i = j + 1;
  }
  names.push(...demonymOrgs(text, tokens, hint, skipBefore));
  return names.sort((a, b) => a.start - b.start);
}

function startsName(tokens: readonly Token[], hint: readonly WordHint[], i: number): boolean {
  const t = tokens[i]!;
  if (!t.cap || hint[i] === 'date' || FUNCTION_WORDS.has(t.lower) || t.text === 'I') return false;
  if (!t.sentStart) return true;
  // A capital at a sentence start says nothing: keep the word only if it is not an ordinary one,
  // or if a capitalised word follows ("Amnesty International").
  if (hint[i] !== 'common') return true;
  const next = tokens[i + 1];
  return next !== undefined && next.cap && next.sent === t.sent && !t.possessive;
}

function adjacent(text: string, a: Token, b: Token): boolean {
  if (a.para !== b.para) return false;
  const gap = text.slice(a.end, b.start);
  return /^[ \u00a0]$/.test(gap) || (gap === '. ' && /^(jr|sr)$/i.test(a.text) === false && /^(?:\p{Lu}\.)+$/u.test(a.text + '.'));
}

function isTitle(tokens: readonly Token[], hint: readonly WordHint[], k: number): boolean {
  const lower = tokens[k]!.lower;
  if (lower === 'state' && tokens[k - 1]?.lower === 'of' && tokens[k - 2]?.lower === 'secretary') return true;
  if (lower === 'general') return TITLES.has(tokens[k - 1]?.lower ?? '');
  return TITLES.has(lower) || (hint[k] === 'role' && !ORG_HEADS.has(lower));
}

/** Splits a run at titles ("NATO | Secretary General | Mark Rutte") and classifies each part. */
function segments(text: string, tokens: readonly Token[], hint: readonly WordHint[], hints: WordHints, registry: ReadonlyMap<string, ActorKind>, from: number, to: number): NameSpan[] {
  const out: NameSpan[] = [];
  // A run the registry knows whole is one name, titles or not.
  const whole = fold(tokens, from, to);
  if (registry.has(whole)) return [span(text, tokens, from, to, registry.get(whole)!, 2)];
  let start = from;
  let cue = personCueBefore(tokens, from);
  for (let k = from; k <= to + 1; k++) {
    if (k <= to && !isTitle(tokens, hint, k) && !(tokens[k]!.lower === 'of' && isTitle(tokens, hint, k + 1))) continue;
    const part = classify(text, tokens, hint, hints, registry, start, k - 1, cue);
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

function span(text: string, tokens: readonly Token[], first: number, last: number, kind: ActorKind, sure: number): NameSpan {
  const start = tokens[first]!.start;
  let end = tokens[last]!.end;
  if (/^(jr|sr)$/i.test(tokens[last]!.text) && text[end] === '.') end++;
  return { start, end, text: text.slice(start, end), words: tokens.slice(first, last + 1).map((t) => t.lower), kind, sure, first, last };
}

function classify(text: string, tokens: readonly Token[], hint: readonly WordHint[], hints: WordHints, registry: ReadonlyMap<string, ActorKind>, from: number, to: number, cue: boolean): NameSpan | null {
  // Trim connectors and demonyms at the edges ("Chinese" before a title says where, not who).
  while (from <= to && (CONNECTORS.has(tokens[from]!.lower) || FUNCTION_WORDS.has(tokens[from]!.lower))) from++;
  while (to >= from && CONNECTORS.has(tokens[to]!.lower)) to--;
  if (from > to) return null;
  const folded = fold(tokens, from, to);
  const known = registry.get(folded);
  if (known !== undefined) return span(text, tokens, from, to, known, 2);
  const n = to - from + 1;
  const hs = hint.slice(from, to + 1);
  const words = tokens.slice(from, to + 1);
  if (hs.every((h) => h === 'demonym')) return null;
  const phrase = n > 1 ? hints.phrase(folded) : null;
  if (phrase === 'place') return span(text, tokens, from, to, 'state', 2);
  if (phrase === 'org') return span(text, tokens, from, to, 'organization', 2);
  const last = words[n - 1]!;
  if (n === 1 && (ORG_HEADS.has(last.lower) || PLACE_HEADS.has(last.lower))) return null;
  if (n === 1 && hs[0] === 'common' && !last.allCaps) return null;
  if (/^(?:\p{Lu}\.){2,}$/u.test(last.text) || (n === 1 && hs[0] === 'place')) return span(text, tokens, from, to, 'state', 2);
  if (words.some((w) => ORG_HEADS.has(w.lower)) || hs.includes('org')) return span(text, tokens, from, to, 'organization', 2);
  if (n === 1 && last.allCaps && last.text.length <= 6) return span(text, tokens, from, to, 'organization', 2);
  if (PLACE_HEADS.has(last.lower) || (n > 1 && hs.every((h) => h === 'place'))) return span(text, tokens, from, to, 'state', 2);
  if (cue || hs[0] === 'given-male' || hs[0] === 'given-female') return span(text, tokens, from, to, 'person', 2);
  if (n > 1) return span(text, tokens, from, to, 'person', 1);
  return span(text, tokens, from, to, 'person', 0);
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
      out.push({ ...span(text, tokens, i, j, 'organization', 2) });
      i = j;
    }
  }
  return out;
}
