import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, describeRange } from './quote-selector';

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
