/**
 * Canonical article text: what every offset in the project counts against.
 *
 * Paragraphs are separated by exactly one blank line ("\n\n"); a paragraph never contains a
 * newline; there is no leading or trailing whitespace. Any line break in pasted text starts a
 * new paragraph, because wire copy and web pages put one paragraph per line as often as they
 * put blank lines between them. Unicode is NFC so that the same visible text has one encoding.
 */
export function canonicalizeText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    // Control characters other than tab and newline have no business in an article.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .split('\n')
    .map((line) => line.replace(/[\t ]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n\n');
}

export interface Paragraph {
  /** Offset of the paragraph's first code unit. */
  start: number;
  /** Offset just past its last code unit. */
  end: number;
  /** 1-based paragraph number, as a citation would give it. */
  number: number;
}

/** Splits canonical text into paragraphs with their offsets. */
export function paragraphsOf(text: string): Paragraph[] {
  const result: Paragraph[] = [];
  let start = 0;
  while (start <= text.length) {
    const next = text.indexOf('\n\n', start);
    const end = next === -1 ? text.length : next;
    if (end > start) result.push({ start, end, number: result.length + 1 });
    if (next === -1) break;
    start = next + 2;
  }
  return result;
}

