import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectEncoding } from './detect-encoding';
import { EXPECTED, LANGUAGE_FIXTURES as DIR } from './test-language-fixtures';
const legacy = Object.entries(EXPECTED.files).filter(([name, want]) => name.endsWith('.txt') && want.encoding && !want.encoding.startsWith('utf-8'));

/** The same bytes decode alike under these names, so either is right. */
const ALIKE: Record<string, string> = { 'koi8-u': 'koi8-r', 'koi8-r': 'koi8-r' };
const same = (a: string, b: string) => a === b || (ALIKE[a] !== undefined && ALIKE[a] === ALIKE[b]);

describe('detectEncoding', () => {
  // Short pieces are where detectors fail: a headline, a first line. Cut at a character boundary
  // is not guaranteed, which a real truncated file does not guarantee either.
  it.each([60, 120, 100_000])('names the encoding of every legacy fixture from its first %i bytes', (size) => {
    const wrong = legacy.flatMap(([name, want]) => {
      const guess = detectEncoding(new Uint8Array(readFileSync(join(DIR, name))).subarray(0, size));
      return same(guess.encoding, want.encoding!) ? [] : [`${name}: ${guess.encoding}`];
    });
    expect(wrong).toEqual([]);
  });

  it('has low confidence in a few accented letters, full confidence in a page of text', () => {
    expect(detectEncoding(new Uint8Array([0x63, 0x61, 0x66, 0xe9])).confidence).toBeLessThan(0.8);
    expect(detectEncoding(new Uint8Array(readFileSync(join(DIR, 'ru.windows-1251.txt')))).confidence).toBe(1);
  });
});
