/** Offsets inside one user-perceived character, which no anchor may start or end at. */

/**
 * Trims white space off a fuzzy match, then widens it to whole characters: approx-string-match
 * counts UTF-16 code units, so it may end inside a surrogate pair, flag or combining sequence.
 */
export function tidy(text: string, start: number, end: number): [number, number] | null {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  if (start === end) return null;
  while (start > 0 && insideCharacter(text, start)) start--;
  while (end < text.length && insideCharacter(text, end)) end++;
  return [start, end];
}

const JOINS_PREVIOUS = /^[\p{M}\u200d]/u;

/** True when offset `i` falls inside one user-perceived character. */
export function insideCharacter(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const here = text.charCodeAt(i);
  const before = text.charCodeAt(i - 1);
  if (here >= 0xdc00 && here <= 0xdfff && before >= 0xd800 && before <= 0xdbff) return true;
  if (before === 0x200d) return true; // the next emoji of a joined sequence
  const cp = text.codePointAt(i) ?? 0;
  if (JOINS_PREVIOUS.test(String.fromCodePoint(cp))) return true; // combining marks, variation selectors
  if (cp >= 0x1f3fb && cp <= 0x1f3ff) return true; // skin-tone modifiers
  if (isRegionalIndicator(cp)) {
    // Flags are pairs of regional indicators; an odd run before `i` means `i` splits a flag.
    let run = 0;
    for (let j = i - 2; j >= 0 && isRegionalIndicator(text.codePointAt(j) ?? 0); j -= 2) run++;
    return run % 2 === 1;
  }
  return false;
}

function isRegionalIndicator(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}
