import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, describeRange, sliceWhole, wholeEnds } from './quote-selector';

describe('describeRange', () => {
  const text = 'x'.repeat(40) + 'PASSAGE' + 'y'.repeat(40);

  it('keeps 32 code units of prefix and suffix', () => {
    const target = describeRange(text, 40, 47);
    expect(target).toEqual({ start: 40, end: 47, exact: 'PASSAGE', prefix: 'x'.repeat(CONTEXT_LENGTH), suffix: 'y'.repeat(CONTEXT_LENGTH) });
  });

  it('keeps shorter context at the edges of the text', () => {
    expect(describeRange('Hello world', 0, 5)).toMatchObject({ prefix: '', suffix: ' world' });
  });

  it('refuses empty, reversed, out-of-range and blank ranges', () => {
    expect(() => describeRange(text, 5, 5)).toThrow();
    expect(() => describeRange(text, 6, 5)).toThrow();
    expect(() => describeRange(text, 0, text.length + 1)).toThrow();
    expect(() => describeRange('a   b', 1, 4)).toThrow(/white space/);
  });

  it('refuses a range that splits a surrogate pair', () => {
    const emoji = 'A😀B';
    expect(() => describeRange(emoji, 1, 2)).toThrow(/middle of a character/);
    expect(describeRange(emoji, 1, 3).exact).toBe('😀');
  });
});

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('context at code-point boundaries', () => {
  it('never starts a prefix or ends a suffix with half an emoji', () => {
    // 31 code units of "a", then an emoji: 32 units before the passage would cut it in half.
    const text = `${'😀'}${'a'.repeat(31)}PASSAGE${'b'.repeat(31)}😀 tail`;
    const start = text.indexOf('PASSAGE');
    const target = describeRange(text, start, start + 7);
    expect(target.prefix).toBe('a'.repeat(31));
    expect(target.suffix).toBe('b'.repeat(31));
    const emojiEdges = `x😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀PASSAGE😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀`;
    const at = emojiEdges.indexOf('PASSAGE');
    const both = describeRange(emojiEdges, at, at + 7);
    expect(both.prefix).toBe('😀'.repeat(16));
    expect(both.suffix).toBe('😀'.repeat(16));
    for (const side of [both.prefix, both.suffix, target.prefix, target.suffix]) expect(side).not.toMatch(LONE_SURROGATE);
  });

  it('slices whole code points and mends stored context cut by code units', () => {
    expect(sliceWhole('a😀b', 0, 2)).toBe('a');
    expect(sliceWhole('a😀b', 2, 4)).toBe('b');
    expect(sliceWhole('a😀b', -5, 99)).toBe('a😀b');
    expect(wholeEnds('\udc00abc\ud83d')).toBe('abc');
    expect(wholeEnds('😀abc😀')).toBe('😀abc😀');
  });
});
