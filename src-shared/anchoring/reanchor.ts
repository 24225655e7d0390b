import search from 'approx-string-match';
import type { TextTarget } from '../domain/annotation';
import { buildEditMap, type EditMap } from './edit-map';
import { sandwiched } from './between-contexts';
import { insideCharacter, tidy } from './characters';
import { describeRange } from './quote-selector';
import { occurrences, searchWindows } from './search-windows';
import { typoInSentence } from './typo-in-sentence';
import { keepsWordEdges, onWordEdges } from './word-edges';

/**
 * Where a stored annotation lands in an edited article. `how` says which evidence placed it;
 * an orphan could not be placed with confidence and is listed for the user to re-attach or delete.
 */
export type AnchorResult =
  | { status: 'anchored'; target: TextTarget; how: 'position' | 'exact' | 'fuzzy' }
  | { status: 'orphan' };

// Weights as in the Hypothesis client's match-quote: the quote decides, the context tells
// repeated quotes apart, and nearness to the old offset only nudges near-ties.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** Quotes shorter than this (in code units) recur too often to be found fuzzily or without context. */
const SHORT_QUOTE = 8;
/** Mean prefix/suffix similarity needed where the quote alone is weak evidence. Unrelated English
 * text scores about 0.3–0.45 here, so 0.5 asks for real overlap with the stored context. */
const MIN_CONTEXT = 0.5;
/** A fuzzy match must keep at least this share of the quote (also caps the errors searched for). */
const MIN_FUZZY_QUOTE = 0.75;
/** And its weighted score must reach this; a bare 0.75 quote needs clearly matching context. */
const MIN_FUZZY_SCORE = 0.75;
/** Larger than the whole position share (2/92), so nearness alone never picks between two places. */
const MARGIN = 0.03;

interface Candidate {
  start: number;
  end: number;
  /** 0–1 similarity of the quote, and the mean of the prefix and suffix similarities. */
  quote: number;
  context: number;
  /** True when at least one side's stored context is clearly found beside the candidate. */
  agrees: boolean;
  /** Weighted 0–1 score. */
  score: number;
}

/** A side of stored context agrees when this share of it is found beside a candidate... */
const AGREE_SIMILARITY = 0.8;
/** ...and it is at least this long, or found whole and at least MIN_SHORT_SIDE long (near an edge). */
const AGREE_LENGTH = 16;
const MIN_SHORT_SIDE = 4;
/** Away from where the passage is expected, the other side must keep at least this similarity. */
const MIN_OTHER_SIDE = 0.5;
/** Code units from the expected place beyond which a candidate needs both sides of context. */
const FAR_FROM_EXPECTED = 200;
/** Code units of slack around the expected place. */
const NEAR_EXPECTED = 2;

const ORPHAN: AnchorResult = { status: 'orphan' };

/** What re-anchoring may know about the edit besides the new text (see `reanchorAll`). */
export interface ReanchorOptions {
  /** The map from the text the target was taken from to `text`. */
  map?: EditMap;
  /** That old text (with `map`): lets a passage be found in its own sentence, edited. */
  oldText?: string;
  /** False when the target's offsets do not point into that old text (an orphan's do not). */
  placed?: boolean;
}

/**
 * Re-anchors every target after an edit from `oldText` to `newText`, building the edit map once.
 * `placed[i]` false marks a target whose offsets mean nothing (an orphan).
 */
export function reanchorAll(oldText: string, newText: string, targets: readonly TextTarget[], placed?: readonly boolean[]): AnchorResult[] {
  const map = buildEditMap(oldText, newText);
  return targets.map((target, i) => reanchor(newText, target, { map, oldText, placed: placed?.[i] ?? true }));
}

/**
 * Finds `target` in `text` (the new canonical text). With an edit map, a passage in kept text is
 * carried over directly. Otherwise the quote is searched for, exactly then fuzzily, only where the
 * text changed (or everywhere, without a map). A candidate is accepted only when stored context
 * is clearly found beside it on at least one side, it does not sit in kept text that came from
 * elsewhere, and no other acceptable place scores nearly as well; otherwise the annotation is an
 * orphan. Same words elsewhere are never enough: better an orphan than a wrong place.
 */
export function reanchor(text: string, target: TextTarget, options: ReanchorOptions = {}): AnchorResult {
  const { start, end, exact } = target;
  if (exact.trim().length === 0) return ORPHAN;
  const map = options.map;
  const placed = options.placed ?? true;

  if (map && placed) {
    const kept = map.mapRange(start, end, exact);
    if (kept) return settle(text, kept.start, kept.end, kept.start === start && kept.end === end ? 'position' : 'exact');
  }
  const oldStart = placed ? start : -1;
  const oldEnd = placed ? end : -1;
  const expected: Expected = map && placed ? { at: map.expect(start), ...map.expectRange(start) } : { at: start, start, end: start };
  const fits = (c: Candidate) => c.agrees && (!map || map.foreignOverlap(c.start, c.end, oldStart, oldEnd) <= Math.floor((c.end - c.start) / 10));

  // The old place still reads the quote with all its context: a duplicated paragraph elsewhere
  // must not make it ambiguous.
  if (placed && text.slice(start, end) === exact) {
    const fresh = tryDescribe(text, start, end);
    if (fresh && fresh.prefix === target.prefix && fresh.suffix === target.suffix && (!map || map.foreignOverlap(start, end, start, end) === 0)) {
      return { status: 'anchored', target: fresh, how: 'position' };
    }
  }

  const windows = searchWindows(text, map, exact.length);
  // Canonical text is NFC; a quote taken from older, decomposed text is looked for in both forms.
  const quotes = [...new Set([exact, exact.normalize('NFC')])];
  // A hit that splits a character (e.g. 🇸🇪 inside 🇺🇸🇪🇸) is not really the quote.
  const hits = quotes
    .flatMap((quote) => occurrences(text, quote, windows))
    .filter((h) => !insideCharacter(text, h.start) && !insideCharacter(text, h.end));
  const exactFits = rank(hits.map((h) => score(text, target, h.start, h.end, 1, expected)).filter(fits));
  const best = exactFits[0];
  if (best) {
    let chosen: Candidate | undefined = best;
    if (isAmbiguous(exactFits, best)) {
      // Two places fit equally well: only the passage's own old place may win such a tie.
      chosen = placed ? exactFits.find((c) => c.start === start && c.end === end && best.score - c.score < MARGIN) : undefined;
    }
    if (!chosen || (exact.length < SHORT_QUOTE && chosen.context < MIN_CONTEXT)) return ORPHAN;
    return settle(text, chosen.start, chosen.end, chosen.start === start && chosen.end === end ? 'position' : 'exact');
  }

  // Both sides of stored context found whole, with text like the quote between them: the
  // passage, edited. The only way a short quote with a typo is found.
  const between = sandwiched(text, target, windows, expected.at, (c) => !map || map.foreignOverlap(c.start, c.end, oldStart, oldEnd) === 0);
  if (between === 'ambiguous') return ORPHAN;
  if (between) return settle(text, between.start, between.end, 'fuzzy');

  // Its own sentence, found where it should be, the same but for one word of the passage
  // mistyped or corrected: the way a short passage with a typo is found when its context changed.
  if (map && placed && options.oldText !== undefined) {
    const own = typoInSentence(options.oldText, text, target, map, (c) => map.foreignOverlap(c.start, c.end, oldStart, oldEnd) === 0);
    if (own === 'ambiguous') return ORPHAN;
    if (own) return settle(text, own.start, own.end, 'fuzzy');
  }

  // A short quote with a typo is too likely to match some other word: no fuzzy search.
  if (exact.length < SHORT_QUOTE) return ORPHAN;
  const quote = exact.normalize('NFC');
  const maxErrors = Math.min(256, Math.floor(quote.length * (1 - MIN_FUZZY_QUOTE)));
  const candidates: Candidate[] = [];
  const cache: ContextCache = { prefix: new Map(), suffix: new Map() };
  for (const w of windows) {
    for (const match of search(text.slice(w.start, w.end), quote, maxErrors)) {
      const range = tidy(text, w.start + match.start, w.start + match.end);
      if (!range) continue;
      if (keepsWordEdges(text, target, range[0], range[1])) {
        candidates.push(score(text, target, range[0], range[1], 1 - match.errors / quote.length, expected, cache));
        continue;
      }
      // Only the fewest-error matches are reported, and one may cut a word the passage did not:
      // judge the match widened or narrowed to whole words instead.
      const snapped = onWordEdges(text, target, range[0], range[1], quote);
      if (snapped) candidates.push(score(text, target, snapped.start, snapped.end, snapped.quote, expected, cache));
    }
  }
  // A fuzzy match that holds the whole quote plus more is the quote stretched over new text to
  // reach the old context: the quote itself was refused there.
  const scored = rank(candidates.filter((c) => fits(c) && !hits.some((h) => h.start >= c.start && h.end <= c.end)));
  const top = scored[0];
  if (!top || isAmbiguous(scored, top)) return ORPHAN;
  if (top.quote < MIN_FUZZY_QUOTE || top.context < MIN_CONTEXT || top.score < MIN_FUZZY_SCORE) return ORPHAN;
  return settle(text, top.start, top.end, 'fuzzy');
}

/** Context similarities already computed in one re-anchoring, by candidate start and end. */
interface ContextCache {
  prefix: Map<number, number>;
  suffix: Map<number, number>;
}

/** Where the passage should be: a point (carried by kept text before it) and the gap between kept text around it. */
interface Expected {
  at: number;
  start: number;
  end: number;
}

function score(text: string, target: TextTarget, start: number, end: number, quote: number, expected: Expected, cache?: ContextCache): Candidate {
  // Compare against as much context as was stored, so a passage near the article's edges
  // (shorter stored context) is judged on the text right next to it. Fuzzy matches come in
  // clusters sharing a start or an end, hence the cache.
  let prefix = cache?.prefix.get(start);
  if (prefix === undefined) {
    prefix = similarity(target.prefix, text.slice(Math.max(0, start - target.prefix.length), start), start === 0);
    cache?.prefix.set(start, prefix);
  }
  let suffix = cache?.suffix.get(end);
  if (suffix === undefined) {
    suffix = similarity(target.suffix, text.slice(end, end + target.suffix.length), end === text.length);
    cache?.suffix.set(end, suffix);
  }
  const position = Math.max(0, 1 - Math.abs(start - expected.at) / Math.max(1, text.length));
  const total = QUOTE_WEIGHT * quote + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix + POSITION_WEIGHT * position;
  // An empty stored side (the passage touched the article's edge) is no evidence of place: the
  // words after a deleted first sentence also start the article.
  // One side found is enough only if the other does not contradict it: a recurring phrase often
  // shares one side of its context with its other occurrences, seldom both. The one exception:
  // right where the passage is expected, when the contradicted side is another sentence (the
  // sentence after the passage was rewritten). A rewritten rest of the passage's own sentence
  // is not an exception: "We didn’t" [expect…] is not "We didn’t" [plan…].
  // Elsewhere, the same holds when the side that agrees is found whole: a sentence moved
  // together with its neighbour on one side.
  const atExpected = Math.abs(start - expected.at) <= NEAR_EXPECTED;
  // Far from where it is expected, the other side must agree too, not merely not contradict.
  const slack = Math.max(FAR_FROM_EXPECTED, 4 * (end - start));
  const far = start < expected.start - slack || start > expected.end + slack;
  // The passage's own sentence on the contradicted side must still be there, whole: only what
  // lies beyond the sentence boundary changed.
  const ownSentenceKept = (stored: string, after: boolean) => {
    const own = after ? ownSentenceAfter(target.exact, stored) : ownSentenceBefore(stored);
    return own.trim().length <= 2 || (after ? text.startsWith(own, end) : text.slice(Math.max(0, start - own.length), start) === own);
  };
  const tolerated = (stored: string, sim: number, after: boolean, agreeing: number) =>
    (far ? sideAgrees(stored.length, sim) || stored.length < AGREE_LENGTH : !sideContradicts(stored.length, sim)) ||
    ((atExpected || agreeing === 1) && ownSentenceKept(stored, after));
  const agrees =
    (sideAgrees(target.prefix.length, prefix) && tolerated(target.suffix, suffix, true, prefix)) ||
    (sideAgrees(target.suffix.length, suffix) && tolerated(target.prefix, prefix, false, suffix));
  return { start, end, quote, context: (prefix + suffix) / 2, agrees, score: total / TOTAL_WEIGHT };
}

/** The part of stored suffix context that still belongs to the passage's sentence. */
function ownSentenceAfter(exact: string, suffix: string): string {
  if (/[.!?…]["'”’)\]]*$/.test(exact)) return '';
  const end = suffix.search(/[.!?…]["'”’)\]]*(\s|$)|\n/);
  return end === -1 ? suffix : suffix.slice(0, end + 1);
}

/** The part of stored prefix context that belongs to the passage's sentence. */
function ownSentenceBefore(prefix: string): string {
  const boundary = /[.!?…]["'”’)\]]*\s+|\n+/g;
  let from = -1;
  for (let m = boundary.exec(prefix); m; m = boundary.exec(prefix)) from = m.index + m[0].length;
  return from === -1 ? prefix : prefix.slice(from);
}

function sideContradicts(stored: number, similarity: number): boolean {
  return stored >= AGREE_LENGTH && similarity < MIN_OTHER_SIDE;
}

function sideAgrees(stored: number, similarity: number): boolean {
  if (stored >= AGREE_LENGTH) return similarity >= AGREE_SIMILARITY;
  return stored >= MIN_SHORT_SIDE && similarity === 1;
}

/**
 * 0–1 similarity of stored context to the text now beside a candidate (1 − edit distance / length).
 * Empty stored context means the passage touched the article's edge: still there is a match,
 * text added beyond it is no evidence either way.
 */
function similarity(stored: string, actual: string, atEdge: boolean): number {
  if (stored.length === 0) return atEdge ? 1 : 0.5;
  const best = search(actual, stored, stored.length)[0];
  return best ? 1 - best.errors / stored.length : 0;
}

function rank(candidates: Candidate[]): Candidate[] {
  return [...candidates].sort((a, b) => b.score - a.score || a.start - b.start);
}

/** True when a candidate elsewhere (not overlapping `best`) scores within MARGIN of it. */
function isAmbiguous(scored: Candidate[], best: Candidate): boolean {
  const rival = scored.find((c) => c.end <= best.start || c.start >= best.end);
  return rival !== undefined && best.score - rival.score < MARGIN;
}

function settle(text: string, start: number, end: number, how: 'position' | 'exact' | 'fuzzy'): AnchorResult {
  const target = tryDescribe(text, start, end);
  return target ? { status: 'anchored', target, how } : ORPHAN;
}

/** describeRange refuses blank ranges and split surrogate pairs; such a place is no anchor. */
function tryDescribe(text: string, start: number, end: number): TextTarget | null {
  try {
    return describeRange(text, start, end);
  } catch {
    return null;
  }
}
