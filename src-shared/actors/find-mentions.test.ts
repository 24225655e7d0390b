import { describe, expect, it } from 'vitest';
import { findOccurrences } from './find-mentions';

const text = 'Wang Yi met Wangari Maathai. Later, wang said the talks went well; China’s foreign minister agreed with WANG.';

describe('findOccurrences', () => {
  it('finds whole words only, ignoring case, longest name first', () => {
    const found = findOccurrences(text, ['Wang', 'Wang Yi', 'China’s foreign minister']);
    expect(found.map((o) => o.exact)).toEqual(['Wang Yi', 'wang', 'China’s foreign minister', 'WANG']);
    for (const o of found) expect(text.slice(o.start, o.end)).toBe(o.exact);
  });

  it('skips passages already marked as mentions', () => {
    const at = text.indexOf('wang');
    const found = findOccurrences(text, ['Wang'], [{ start: at, end: at + 4 }]);
    expect(found.map((o) => o.start)).not.toContain(at);
    expect(found).toHaveLength(2);
  });

  it('matches names in other scripts and across line breaks in the name', () => {
    expect(findOccurrences('王毅说，王毅外长', ['王毅'])).toHaveLength(2);
    expect(findOccurrences('Davor\n\nKesić spoke', ['Davor Kesić'])).toHaveLength(1);
  });

  it('treats regular-expression characters in names literally and ignores one-letter names', () => {
    expect(findOccurrences('The (UN) and U.N. bodies', ['U.N.', 'x'])).toEqual([{ start: 13, end: 17, exact: 'U.N.' }]);
  });
});

describe('findOccurrences across spellings', () => {
  it('finds an Arabic name written with harakat, tatweel or another alef, at the author’s offsets', () => {
    const text = 'قال أحمـد إنّ مُحَمَّد ثم احمد اتفقا';
    const found = findOccurrences(text, ['أحمد', 'محمد']);
    expect(found.map((o) => o.exact)).toEqual(['أحمـد', 'مُحَمَّد', 'احمد']);
    for (const o of found) expect(text.slice(o.start, o.end)).toBe(o.exact);
  });

  it('finds ё written as е and the other way round', () => {
    expect(findOccurrences('Артём и Артем', ['Артём'])).toHaveLength(2);
  });
});
