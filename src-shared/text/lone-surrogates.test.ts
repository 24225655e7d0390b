import { describe, expect, it } from 'vitest';
import { findLoneSurrogate, hasLoneSurrogate, loneSurrogateMessage } from './lone-surrogates';

describe('lone surrogates', () => {
  it('tells a whole character from half of one, at the start, middle and end', () => {
    expect(hasLoneSurrogate('plain text, 😀 and 𠀋')).toBe(false);
    expect(hasLoneSurrogate('\uD83D')).toBe(true);
    expect(hasLoneSurrogate('end \uD83D')).toBe(true);
    expect(hasLoneSurrogate('\uDE00 start')).toBe(true);
    expect(hasLoneSurrogate('swapped \uDE00\uD83D pair')).toBe(true);
    expect(hasLoneSurrogate('😀'.slice(0, 1))).toBe(true);
  });

  it('finds the first broken string deep in a value and names its path', () => {
    expect(findLoneSurrogate({ a: ['ok', { b: 'fine 😀' }], c: 1, d: null })).toBeNull();
    expect(findLoneSurrogate({ items: [{ title: 'ok' }, { title: 'x', note: 'cut \uD83D' }] })).toEqual(['items', 1, 'note']);
    expect(findLoneSurrogate('\uDC00')).toEqual([]);
    expect(findLoneSurrogate({ ['k\uD800']: 'v' })).toEqual(['k\uD800']);
  });

  it('names the field in the message', () => {
    expect(loneSurrogateMessage(['patch', 'note'])).toMatch(/^patch\.note contains a broken character \(an unpaired surrogate/);
    expect(loneSurrogateMessage([])).toMatch(/^input contains/);
  });
});
