import { describe, expect, it } from 'vitest';
import { canonicalizeText, paragraphsOf } from './canonical';
import { countWords } from './words';

describe('canonicalizeText', () => {
  it('separates paragraphs by exactly one blank line, whatever line breaks came in', () => {
    expect(canonicalizeText('One.\r\nTwo.\n\n\n\nThree.\rFour.')).toBe('One.\n\nTwo.\n\nThree.\n\nFour.');
  });

  it('trims lines, collapses runs of spaces and tabs, and drops blank lines and control characters', () => {
    expect(canonicalizeText('  \n  A  \t b\u0007  \n \t \n')).toBe('A b');
  });

  it('normalises to NFC so the same visible text has one encoding', () => {
    const decomposed = 'Kesic\u0301';
    expect(canonicalizeText(decomposed)).toBe('Kesić');
    expect(canonicalizeText(decomposed).length).toBe(5);
  });

  it('keeps emoji and non-Latin scripts intact', () => {
    expect(canonicalizeText('王毅 met 🇺🇳 officials')).toBe('王毅 met 🇺🇳 officials');
  });

  it('is idempotent', () => {
    const once = canonicalizeText(' A \n\n B\r\n C ');
    expect(canonicalizeText(once)).toBe(once);
  });
});

describe('paragraphsOf', () => {
  it('gives each paragraph its offsets and its number', () => {
    const text = 'Alpha.\n\nBeta gamma.\n\nDelta.';
    expect(paragraphsOf(text)).toEqual([
      { start: 0, end: 6, number: 1 },
      { start: 8, end: 19, number: 2 },
      { start: 21, end: 27, number: 3 },
    ]);
    for (const p of paragraphsOf(text)) expect(text.slice(p.start, p.end)).not.toContain('\n');
  });

  it('returns nothing for an empty text', () => {
    expect(paragraphsOf('')).toEqual([]);
  });
});

describe('countWords', () => {
  it('counts words, not punctuation or numbers split by dots', () => {
    expect(countWords('The minister’s aide said: "No." 3.5 per cent — maybe.')).toBe(9);
  });
});
