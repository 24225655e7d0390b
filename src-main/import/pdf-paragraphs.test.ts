import { describe, expect, it } from 'vitest';
import { joinLines, runsToParagraphs, type PdfTextRun } from './pdf-paragraphs';

/** One run per line, top to bottom, `leading` apart; `null` adds an extra gap. */
function lines(texts: (string | null)[], { leading = 14, size = 11, x = 50, width = 400 } = {}): PdfTextRun[] {
  const runs: PdfTextRun[] = [];
  let y = 800;
  for (const text of texts) {
    if (text === null) {
      y -= leading;
      continue;
    }
    runs.push({ str: text, x, y, width: text.length < 30 ? 150 : width, fontSize: size });
    y -= leading;
  }
  return runs;
}

describe('joinLines', () => {
  it.each([
    ['negoti-', 'ations begin', 'negotiations begin'],
    ['the Franco-', 'Ostrian border', 'the Franco-Ostrian border'],
    ['water-', '2025 figures', 'water-2025 figures'],
    ['soft\u00ad', 'hyphen', 'softhyphen'],
    ['a dash -', 'then more', 'a dash - then more'],
    ['plain', 'words', 'plain words'],
  ])('%j + %j', (paragraph, next, joined) => {
    expect(joinLines(paragraph, next)).toBe(joined);
  });
});

describe('runsToParagraphs', () => {
  it('starts a paragraph at a gap larger than the line spacing', () => {
    const text = runsToParagraphs([lines(['First paragraph runs over a full line of', 'text and ends here.', null, 'Second one starts after a blank gap in', 'the layout.'])]);
    expect(text).toBe('First paragraph runs over a full line of text and ends here.\nSecond one starts after a blank gap in the layout.');
  });

  it('separates single-line paragraphs even when every gap is a paragraph gap', () => {
    const text = runsToParagraphs([lines(['One short line.', null, 'Another short line.', null, 'A third.'])]);
    expect(text.split('\n')).toHaveLength(3);
  });

  it('starts a paragraph at an indented first line without any extra gap', () => {
    // Both lines of the first paragraph are full: only the indent marks the new one.
    const runs = [
      { str: 'This paragraph fills the whole measure of the', x: 50, y: 800, width: 400, fontSize: 11 },
      { str: 'column and ends exactly at the right margin.', x: 50, y: 786, width: 400, fontSize: 11 },
      { str: 'An indented line begins the next paragraph', x: 75, y: 772, width: 375, fontSize: 11 },
    ];
    expect(runsToParagraphs([runs]).split('\n')).toHaveLength(2);
  });

  it('puts runs of one line together left to right, with a space where there is a gap', () => {
    const text = runsToParagraphs([[
      { str: 'world', x: 90, y: 700, width: 30, fontSize: 10 },
      { str: 'Hello', x: 50, y: 700, width: 28, fontSize: 10 },
    ]]);
    expect(text).toBe('Hello world');
  });

  it('drops page numbers at the foot of a page but not numbers in the text', () => {
    const page = [...lines(['The count was', '42']), { str: '7', x: 290, y: 40, width: 6, fontSize: 9 }];
    expect(runsToParagraphs([page])).toBe('The count was 42');
  });

  it('keeps a finished paragraph apart from the first one on the next page', () => {
    const text = runsToParagraphs([lines(['The first page ends with a sentence.']), lines(['The second page starts anew.'])]);
    expect(text.split('\n')).toHaveLength(2);
  });
});

describe('scripts other than Latin', () => {
  const run = (str: string, x: number, y: number, width: number, rtl = false) => ({ str, x, y, width, fontSize: 10, rtl });

  it('reads a right-to-left line from right to left, and keeps a number inside it in place', () => {
    // pdf.js gives each Arabic run in reading order and marks it rtl; the runs lie right to left.
    const text = runsToParagraphs([[run('قال', 400, 700, 20, true), run('المصرف', 330, 700, 40, true), run('2024', 290, 700, 25), run('عام', 250, 700, 20, true)]]);
    expect(text).toBe('قال المصرف 2024 عام');
  });

  it('joins Chinese lines without a space, even inside a word', () => {
    const text = runsToParagraphs([[run('央行宣布下调存款准', 60, 700, 90), run('备金率。', 60, 686, 40)]]);
    expect(text).toBe('央行宣布下调存款准备金率。');
  });
});
