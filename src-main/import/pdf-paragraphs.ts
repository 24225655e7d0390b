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
  /** pdf.js found the run right to left (Arabic, Hebrew) and gives its text in reading order. */
  rtl?: boolean;
}

interface Line {
  text: string;
  /** Left and right edge. */
  x: number;
  right: number;
  y: number;
  fontSize: number;
  /** Read right to left: most of its text is in right-to-left runs. */
  rtl: boolean;
}

/** Gap (in multiples of the usual one) from which two lines belong to different paragraphs. */
const PARAGRAPH_GAP = 1.35;
/**
 * Single-spaced text is set at 1.2–1.5 times its size. When even the closest lines are further
 * apart, spacing cannot tell lines from paragraphs (a page of one-line paragraphs, or double
 * spacing), and a line that ends a sentence is taken to end its paragraph.
 */
const LOOSE_SPACING = 1.7;
const ENDS_SENTENCE = /[.!?:;"”’)\]。！？؟۔」』]$/;
/** Scripts written without spaces: lines of them join without one. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}、，。「」（）]/u;
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

/**
 * Runs in content order, cut into lines where the baseline moves; each line read in its
 * direction: left to right, or right to left when most of its text is in right-to-left runs
 * (a number inside Arabic text is an LTR run of its own and keeps its place).
 */
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
      const length = (runs: PdfTextRun[]) => runs.reduce((sum, run) => sum + run.str.trim().length, 0);
      const rtl = length(group.filter((run) => run.rtl)) > length(group) / 2;
      const sorted = [...group].sort((a, b) => (rtl ? b.x + b.width - (a.x + a.width) : a.x - b.x));
      let text = '';
      let edge = rtl ? Infinity : -Infinity;
      for (const run of sorted) {
        // Runs separated by a visible gap are separate words even when no space character was drawn.
        const gap = rtl ? edge - (run.x + run.width) : run.x - edge;
        if (text && !/\s$/.test(text) && !/^\s/.test(run.str) && gap > run.fontSize * 0.15) text += ' ';
        text += run.str;
        edge = rtl ? Math.min(edge, run.x) : Math.max(edge, run.x + run.width);
      }
      return {
        text: text.replace(/\s+/g, ' ').trim(),
        x: Math.min(...group.map((run) => run.x)),
        right: Math.max(...group.map((run) => run.x + run.width)),
        y: sorted[0]?.y ?? 0,
        fontSize: Math.max(...sorted.map((run) => run.fontSize)),
        rtl,
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
  // A right-to-left paragraph is indented from the right and its last line stops short on the left.
  const start = (l: Line) => (l.rtl ? right - l.right : l.x - left);
  const indented = start(line) > line.fontSize && start(previous) <= line.fontSize;
  if (indented) return false;
  const stoppedShort = (previous.rtl ? previous.x - left : right - previous.right) > (right - left) * 0.2;
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
  // Chinese and Japanese break lines anywhere, even inside a word, and put no space between words.
  if (UNSPACED.test(paragraph.slice(-1)) && UNSPACED.test(next.charAt(0))) return paragraph + next;
  if (/\p{L}-$/u.test(paragraph)) return /^\p{Ll}/u.test(next) ? paragraph.slice(0, -1) + next : paragraph + next;
  return `${paragraph} ${next}`;
}
