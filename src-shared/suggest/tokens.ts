/**
 * Words of the article with their offsets, and where sentences and paragraphs start. Linear scan
 * with simple regular expressions (no nested quantifiers), so even a 5 MB text takes bounded time.
 */

/** One word of the text. */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower case, no diacritics. */
  lower: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Two letters or more, all upper case ("NATO", "WHO"). */
  allCaps: boolean;
  /** First word of a sentence (after . ! ? a paragraph break or an opening quote mark at such a place). */
  sentStart: boolean;
  /** Followed by a possessive 's (cut off from the word). */
  possessive: boolean;
  /** Index of the paragraph (blank or single line breaks separate paragraphs). */
  para: number;
  /** Index of the sentence. */
  sent: number;
}

// Initials ("U.S."), then words with inner hyphens or apostrophes ("Secretary-General", "O'Brien").
const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*/gu;
const OPENERS = new Set(['“', '"', '‘', "'", '«', '„', '‹', '(', '[', '‚', '—', '–', '-']);

/** Splits the text into words and marks sentence and paragraph starts. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let para = 0;
  let sent = 0;
  let last = 0;
  let sentenceOpen = true;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    let word = m[0];
    let end = m.index + word.length;
    let possessive = false;
    if (/['’]s$/u.test(word) && word.length > 2) {
      word = word.slice(0, -2);
      end -= 2;
      possessive = true;
    } else if (/['’]/u.test(text[end] ?? '') && !/\p{L}/u.test(text[end + 1] ?? '')) {
      // "Employers' federation": a plural possessive ends a name as "'s" does.
      possessive = true;
    }
    // What lies between the previous word and this one decides sentence and paragraph starts.
    const gap = scanGap(text, last, m.index);
    if (gap.newline) {
      if (tokens.length > 0) para++;
      sentenceOpen = true;
    } else if (gap.stop && isSentenceEnd(tokens[tokens.length - 1], text, last)) {
      sentenceOpen = true;
    }
    if (sentenceOpen && tokens.length > 0) sent++;
    const code = word.charCodeAt(0);
    const cap = code < 128 ? code >= 65 && code <= 90 : /^\p{Lu}/u.test(word);
    const ascii = /^[\w'-]*$/.test(word);
    tokens.push({
      start: m.index,
      end,
      text: word,
      lower: ascii ? word.toLowerCase() : word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase(),
      cap,
      allCaps: word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase(),
      sentStart: sentenceOpen && !gap.other,
      possessive,
      para,
      sent,
    });
    sentenceOpen = false;
    last = m.index + m[0].length;
  }
  return tokens;
}

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'gen', 'col', 'lt', 'sgt', 'prof', 'no', 'vs']);

/** What the characters between two words hold: a line break, a sentence stop, anything but spaces, marks and stops. */
function scanGap(text: string, from: number, to: number): { newline: boolean; stop: boolean; other: boolean } {
  let newline = false;
  let stop = false;
  let other = false;
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    if (ch === '\n') newline = true;
    else if (ch === '.' || ch === '!' || ch === '?' || ch === '…') stop = true;
    else if (!OPENERS.has(ch) && !CLOSING.has(ch) && ch !== ' ' && ch !== '\t' && ch !== '\r' && ch !== '\u00a0') other = true;
  }
  return { newline, stop, other };
}

const CLOSING = new Set([',', ';', ':', '”', '’', '»', '“', ')', ']']);

function isSentenceEnd(previous: Token | undefined, text: string, gapStart: number): boolean {
  if (previous === undefined) return true;
  // "Mr. Lavrov", "U.S. Secretary": a dot after an abbreviation or initials does not end the sentence.
  if (text[gapStart] === '.' && text[gapStart + 1] === ' ' && (ABBREVIATIONS.has(previous.lower) || previous.text.includes('.'))) return false;
  return true;
}
