/** An occurrence of a name in a text, as offsets into it. */
export interface Occurrence {
  start: number;
  end: number;
  exact: string;
}

interface Range {
  start: number;
  end: number;
}

const escape = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Letters written more than one way (src-shared/text/fold.ts folds them the same way for search),
 * as classes, so that a name matches however the article spells it while offsets stay the author's.
 */
const VARIANTS: readonly string[] = ['اآأإٱ', 'يىی', 'كک', 'هةۀ', 'её'];
/** Tatweel, harakat and Hebrew points, which may sit after any letter of an Arabic or Hebrew name. */
const MARKS = '[\\u0640\\u064b-\\u065f\\u0670\\u0591-\\u05bd\\u05bf\\u05c1\\u05c2\\u05c4\\u05c5\\u05c7]*';
const MARK = /[\u064b-\u065f\u0670\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]|\u0640/gu;

function namePattern(name: string): string {
  let pattern = '';
  for (const ch of name.replace(MARK, '')) {
    if (/\s/.test(ch)) {
      if (!pattern.endsWith('\\s+')) pattern += '\\s+';
      continue;
    }
    const variants = VARIANTS.find((set) => set.includes(ch.toLowerCase()));
    pattern += variants ? `[${variants}${variants.toUpperCase()}]` : escape(ch);
    if (/[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(ch)) pattern += MARKS;
  }
  return pattern;
}

/**
 * Whole-word, case-insensitive occurrences of any of `names` in `text`, skipping passages that
 * overlap `taken` (existing actor mentions). Longer names are matched first, so "Wang Yi" is
 * one occurrence, not also "Wang".
 */
export function findOccurrences(text: string, names: readonly string[], taken: readonly Range[] = []): Occurrence[] {
  const wanted = [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 2))].sort((a, b) => b.length - a.length);
  const found: Occurrence[] = [];
  const overlaps = (start: number, end: number): boolean =>
    taken.some((r) => r.start < end && r.end > start) || found.some((r) => r.start < end && r.end > start);
  for (const name of wanted) {
    // Letter/digit boundaries, so "Wang" does not match inside "Wangari". Scripts written
    // without spaces (Chinese, Japanese) have no word boundaries to check.
    const body = namePattern(name);
    const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(name);
    const pattern = new RegExp(unspaced ? body : `(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])`, 'giu');
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (!overlaps(start, end)) found.push({ start, end, exact: match[0] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
