/**
 * Direct quotations: the stretches between quotation marks in any style news uses (“…”, "…", ‘…’,
 * «…», „…“), including a quote that runs over paragraphs (a paragraph that ends without a closing
 * mark while the next starts with an opening one). One pass over the text; a quote that never
 * closes is dropped and the scan resumes at the next paragraph, so time stays linear.
 */

/** A quotation found in the text. */
export interface QuoteMarks {
  /** Offsets of the opening and closing marks (`close` is the closing mark's index). */
  open: number;
  close: number;
  /** The quoted words without the marks, trimmed. */
  start: number;
  end: number;
}

/** Longest quotation kept, in characters: a mark left open by mistake must not swallow the article. */
export const MAX_QUOTE = 6000;

const CLOSERS: Record<string, string> = { '“': '”', '„': '“', '«': '»', '‘': '’', '"': '"', '‹': '›', '‚': '‘', '»': '«' };

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

function canOpen(text: string, i: number): boolean {
  const ch = text[i]!;
  const before = text[i - 1];
  const after = text[i + 1];
  if (after === undefined || /\s/.test(after)) return false;
  if (ch === '“' || ch === '„' || ch === '«') return true;
  // Straight and single marks double as apostrophes and closers: open only after a space or start.
  if (ch === '"' || ch === '‘' || ch === '‹' || ch === '‚') return before === undefined || /[\s([{—–-]/u.test(before);
  if (ch === '»') return before === undefined || /\s/.test(before);
  return false;
}

function canClose(text: string, i: number, closer: string): boolean {
  if (text[i] !== closer) return false;
  // ’ inside a word is an apostrophe ("don’t"), not the end of the quote.
  if (closer === '’' || closer === '"') return !isLetter(text[i + 1]);
  return true;
}

/** Finds the direct quotations of the text, in order, not nested. */
export function findQuotes(text: string): QuoteMarks[] {
  const out: QuoteMarks[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (!(ch in CLOSERS) || !canOpen(text, i)) {
      i++;
      continue;
    }
    const closer = CLOSERS[ch]!;
    const found = scanToClose(text, i, ch, closer);
    if (found === null) {
      // Unclosed: resume after this paragraph (linear time even for text full of stray marks).
      const nl = text.indexOf('\n', i + 1);
      i = nl === -1 ? text.length : nl + 1;
      continue;
    }
    const inner = trimRange(text, i + 1, found);
    if (inner.end > inner.start) out.push({ open: i, close: found, start: inner.start, end: inner.end });
    i = found + 1;
  }
  return out;
}

/** Index of the closing mark, following the quote into the next paragraph when that opens again; null if none. */
function scanToClose(text: string, open: number, opener: string, closer: string): number | null {
  const limit = Math.min(text.length, open + MAX_QUOTE);
  for (let k = open + 1; k < limit; k++) {
    const ch = text[k]!;
    if (canClose(text, k, closer)) return k;
    if (ch === '\n') {
      // A quote continued in the next paragraph opens again there.
      let n = k;
      while (n < limit && /\s/.test(text[n]!)) n++;
      if (text[n] === opener) {
        k = n;
        continue;
      }
      return null;
    }
  }
  return null;
}

function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
