/**
 * Paragraphs from a PDF's text layer, which has positioned runs of text and no paragraphs.
 *
 * Runs are grouped into lines by their baseline. A new paragraph starts where the gap to the
 * previous line is clearly larger than the document's usual line spacing, where the font size
 * changes (a heading), where a line is indented, or after a line that stops short with a full
 * stop (see LOOSE_SPACING for documents whose spacing says nothing). A paragraph split by a page break is joined again unless it had ended. Lines that are
 * only a page number, at the top or bottom of a page, are dropped.
 */
export interface PdfTextRun {
  str: string;
  /** Left edge and baseline, in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

interface Line {
  text: string;
  x: number;
  right: number;
  y: number;
  fontSize: number;
}

/** Gap (in multiples of the usual one) from which two lines belong to different paragraphs. */
const PARAGRAPH_GAP = 1.35;
/**
 * Single-spaced text is set at 1.2–1.5 times its size. When even the closest lines are further
 * apart, spacing cannot tell lines from paragraphs (a page of one-line paragraphs, or double
 * spacing), and a line that ends a sentence is taken to end its paragraph.
 */
const LOOSE_SPACING = 1.7;
const ENDS_SENTENCE = /[.!?:;"”’)\]]$/;
const PAGE_NUMBER = /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;

export function runsToParagraphs(pages: PdfTextRun[][]): string {
  const pageLines = pages.map((runs) => dropPageNumbers(toLines(runs)));
  const usualGap = lowerQuartile(pageLines.flatMap(gapRatios));
  const paragraphs: string[] = [];
  let current: string | null = null;
  let previous: Line | null = null;

  for (const lines of pageLines) {
    lines.forEach((line, index) => {
      const continues =
        current !== null &&
        previous !== null &&
        (index === 0 ? continuesAcrossPage(current, previous, line) : continuesParagraph(previous, line, lines, usualGap));
      if (continues && current !== null) {
        current = joinLines(current, line.text);
      } else {
        if (current !== null) paragraphs.push(current);
        current = line.text;
      }
      previous = line;
    });
  }
  if (current !== null) paragraphs.push(current);
  return paragraphs.join('\n');
}

/** Runs in content order, cut into lines where the baseline moves; each line read left to right. */
function toLines(runs: PdfTextRun[]): Line[] {
  const groups: PdfTextRun[][] = [];
  for (const run of runs) {
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    if (group && last && Math.abs(last.y - run.y) <= Math.max(last.fontSize, run.fontSize) * 0.4) group.push(run);
    else groups.push([run]);
  }
  return groups
    .map((group) => {
      const sorted = [...group].sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const run of sorted) {
        // Runs separated by a visible gap are separate words even when no space character was drawn.
        if (text && !/\s$/.test(text) && !/^\s/.test(run.str) && run.x - end > run.fontSize * 0.15) text += ' ';
        text += run.str;
        end = Math.max(end, run.x + run.width);
      }
      const first = sorted[0];
      return {
        text: text.replace(/\s+/g, ' ').trim(),
        x: first?.x ?? 0,
        right: end,
        y: first?.y ?? 0,
        fontSize: Math.max(...sorted.map((run) => run.fontSize)),
      };
    })
    .filter((line) => line.text.length > 0);
}

function dropPageNumbers(lines: Line[]): Line[] {
  return lines.filter((line, index) => !((index === 0 || index === lines.length - 1) && lines.length > 1 && PAGE_NUMBER.test(line.text)));
}

/** Vertical distance between consecutive lines, in multiples of their font size. */
function gapRatios(lines: Line[]): number[] {
  const ratios: number[] = [];
  for (let index = 1; index < lines.length; index++) {
    const above = lines[index - 1];
    const below = lines[index];
    if (above && below && above.y > below.y) ratios.push((above.y - below.y) / below.fontSize);
  }
  return ratios;
}

/**
 * The usual spacing. The lower quartile rather than the median, because a document of short
 * paragraphs has as many paragraph gaps as line gaps.
 */
function lowerQuartile(values: number[]): number {
  if (values.length === 0) return Infinity;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 4)] ?? Infinity;
}

function continuesParagraph(previous: Line, line: Line, page: Line[], usualGap: number): boolean {
  if (!sameSize(previous, line)) return false;
  const gap = (previous.y - line.y) / line.fontSize;
  // A line above the previous one is a new column or a text box: not the same paragraph.
  if (gap <= 0 || gap > usualGap * PARAGRAPH_GAP) return false;
  if (usualGap > LOOSE_SPACING && ENDS_SENTENCE.test(previous.text)) return false;
  const left = Math.min(...page.map((other) => other.x));
  const right = Math.max(...page.map((other) => other.right));
  const indented = line.x - left > line.fontSize && previous.x - left <= line.fontSize;
  if (indented) return false;
  const stoppedShort = right - previous.right > (right - left) * 0.2;
  return !(stoppedShort && ENDS_SENTENCE.test(previous.text));
}

function continuesAcrossPage(paragraph: string, previous: Line, line: Line): boolean {
  return sameSize(previous, line) && !ENDS_SENTENCE.test(paragraph);
}

function sameSize(a: Line, b: Line): boolean {
  return Math.abs(a.fontSize - b.fontSize) <= Math.max(a.fontSize, b.fontSize) * 0.15;
}

/**
 * "negoti-" + "ations" is "negotiations": a hyphen at the end of a line before a lower-case letter
 * was put there by the typesetter. Before a capital ("Franco-" + "German") it is part of the word,
 * so it stays, without a space. A soft hyphen is always the typesetter's.
 */
export function joinLines(paragraph: string, next: string): string {
  if (paragraph.endsWith('\u00ad')) return paragraph.slice(0, -1) + next;
  if (/\p{L}-$/u.test(paragraph)) return /^\p{Ll}/u.test(next) ? paragraph.slice(0, -1) + next : paragraph + next;
  return `${paragraph} ${next}`;
}
