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
    const body = escape(name).replace(/\s+/g, '\\s+');
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
