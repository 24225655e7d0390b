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
    const gap = text.slice(last, m.index);
    if (/\n/.test(gap)) {
      if (tokens.length > 0) para++;
      sentenceOpen = true;
    } else if (/[.!?]/.test(gap.replace(/\.\.\./g, '…')) && isSentenceEnd(tokens[tokens.length - 1], gap)) {
      sentenceOpen = true;
    }
    if (sentenceOpen && tokens.length > 0) sent++;
    const first = word.charAt(0);
    const cap = first !== first.toLowerCase() && first === first.toUpperCase();
    tokens.push({
      start: m.index,
      end,
      text: word,
      lower: word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase(),
      cap,
      allCaps: word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase(),
      sentStart: sentenceOpen && onlyOpeners(gap),
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

function isSentenceEnd(previous: Token | undefined, gap: string): boolean {
  if (previous === undefined) return true;
  // "Mr. Lavrov", "U.S. Secretary": a dot after an abbreviation or initials does not end the sentence.
  if (/^\.\s/.test(gap) && (ABBREVIATIONS.has(previous.lower) || /\./.test(previous.text))) return false;
  return true;
}

function onlyOpeners(gap: string): boolean {
  for (const ch of gap) if (!OPENERS.has(ch) && !/[\s.!?,;:”’»“]/u.test(ch)) return false;
  return true;
}
