import type { TextTarget } from '../domain/annotation';
import type { EditMap, Range } from './edit-map';
import { distance } from './distance';

/** A sentence (run of units) longer than this many words is not compared word by word. */
const MAX_WORDS = 400;
/** Share of the old sentence's words, and of its replacement's, that must be found again in order. */
const MIN_KEPT_WORDS = 0.6;
/** A slip of the keyboard: at most this many letters changed, in a word at least MIN_TYPO_WORD long. */
const MAX_TYPO_DISTANCE = 2;
const MIN_TYPO_WORD = 4;

interface Word {
  start: number;
  end: number;
  text: string;
}

/**
 * A passage whose own sentence was changed: looks, in the changed text where that sentence can now
 * be (the edit map's gap between kept sentences), for a sentence that is the old one word for
 * word except for words changed outside the passage and at most one word of the passage mistyped
 * or corrected (a letter or two changed). This places a short passage, with a typo or without,
 * whose surroundings changed on both sides, so its stored context no longer agrees on either.
 *
 * The passage's other words must all be found again, in order and side by side, and most of the
 * sentence too; a sentence that is only like it (a deleted sentence's neighbour, a reworded one)
 * is not enough. Two such places: 'ambiguous'. `allowed` refuses text that was elsewhere before.
 */
export function typoInSentence(
  oldText: string,
  newText: string,
  target: TextTarget,
  map: EditMap,
  allowed: (range: Range) => boolean,
): Range | 'ambiguous' | null {
  const replaced = map.replacements(target.start, target.end);
  if (!replaced || replaced.runs.length === 0) return null;
  const oldWords = words(oldText, replaced.old);
  if (oldWords.length === 0 || oldWords.length > MAX_WORDS) return null;
  // The passage's words; its ends must fall inside them (not in the spaces between).
  const first = oldWords.findIndex((w) => w.end > target.start);
  let last = -1;
  oldWords.forEach((w, i) => {
    if (w.start < target.end) last = i;
  });
  if (first === -1 || last < first || target.start < oldWords[first]!.start || target.end > oldWords[last]!.end) return null;

  const oldSet = new Set(oldWords.map((w) => w.text));
  const found: Range[] = [];
  for (const run of replaced.runs) {
    // Cheap tests first: a sentence of a very different length, or with too few of the old
    // sentence's words, cannot keep enough of them in order (a large gap holds many sentences).
    const length = run.end - run.start;
    const oldLength = replaced.old.end - replaced.old.start;
    if (length < MIN_KEPT_WORDS * oldLength || length * MIN_KEPT_WORDS > oldLength) continue;
    const newWords = words(newText, run);
    if (newWords.length === 0 || newWords.length > MAX_WORDS) continue;
    const shared = newWords.filter((w) => oldSet.has(w.text)).length;
    if (shared < MIN_KEPT_WORDS * oldWords.length || shared < MIN_KEPT_WORDS * newWords.length) continue;
    const place = placeIn(oldWords, newWords, first, last, target);
    if (place && allowed(place)) found.push(place);
  }
  if (found.length > 1) return 'ambiguous';
  return found[0] ?? null;
}

/** The passage's place in the replacement sentence, or null when that is not the same sentence, edited as above. */
function placeIn(oldWords: Word[], newWords: Word[], first: number, last: number, target: TextTarget): Range | null {
  const image = alignWords(oldWords, newWords);
  const kept = image.filter((j) => j !== -1).length;
  if (kept < MIN_KEPT_WORDS * oldWords.length || kept < MIN_KEPT_WORDS * newWords.length) return null;

  // Inside the passage: every word kept, side by side, but at most one mistyped (or corrected).
  // A word that lost its image takes the new word at its place in the stretch of changed words
  // around it, when the old and new stretches have as many words.
  const mapped: number[] = [];
  let typos = 0;
  for (let i = first; i <= last; i++) {
    let j = image[i]!;
    if (j === -1) {
      let before = i - 1;
      while (before >= 0 && image[before] === -1) before--;
      let after = i + 1;
      while (after < oldWords.length && image[after] === -1) after++;
      const newBefore = before === -1 ? -1 : image[before]!;
      const newAfter = after === oldWords.length ? newWords.length : image[after]!;
      if (newAfter - newBefore !== after - before) return null;
      j = newBefore + (i - before);
      if (!isTypo(oldWords[i]!.text, newWords[j]!.text)) return null;
      typos++;
    }
    if (mapped.length > 0 && j !== mapped[mapped.length - 1]! + 1) return null;
    mapped.push(j);
  }
  if (typos > 1) return null;

  // The passage's ends, carried word for word; an end inside the mistyped word must be its edge.
  const startWord = newWords[mapped[0]!]!;
  const endWord = newWords[mapped[mapped.length - 1]!]!;
  const startInWord = target.start - oldWords[first]!.start;
  const endInWord = oldWords[last]!.end - target.end;
  const typoAtStart = image[first] === -1;
  const typoAtEnd = image[last] === -1;
  if ((typoAtStart && startInWord !== 0) || (typoAtEnd && endInWord !== 0)) return null;
  return { start: startWord.start + startInWord, end: endWord.end - endInWord };
}

/** True when `b` is `a` with one slip of the keyboard: one or two letters changed in a real word. */
function isTypo(a: string, b: string): boolean {
  if (Math.max(a.length, b.length) < MIN_TYPO_WORD || a === b) return false;
  return distance(a, b) <= MAX_TYPO_DISTANCE;
}

/** The words of `range` of `text` (runs of non-space), with their offsets. */
function words(text: string, range: Range): Word[] {
  const found: Word[] = [];
  const re = /\S+/g;
  const part = text.slice(range.start, range.end);
  for (let m = re.exec(part); m; m = re.exec(part)) found.push({ start: range.start + m.index, end: range.start + m.index + m[0].length, text: m[0] });
  return found;
}

/** For each old word, the index of the new word it is aligned with (longest common subsequence), or −1. */
function alignWords(a: Word[], b: Word[]): number[] {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const lcs = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i]!.text === b[j]!.text ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const image = new Array<number>(n).fill(-1);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i]!.text === b[j]!.text) image[i++] = j++;
    else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) i++;
    else j++;
  }
  return image;
}
