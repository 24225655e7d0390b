import type { TextTarget } from '../domain/annotation';

/** Characters of context kept on each side of a quote, as the Hypothesis client does. */
export const CONTEXT_LENGTH = 32;

export class RangeError extends Error {}

/**
 * Describes `text[start, end)` with both a position and a quote selector.
 * Throws when the range is empty, reversed, out of bounds, or splits a surrogate pair.
 */
export function describeRange(text: string, start: number, end: number): TextTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`The passage ${start}–${end} is not inside the article (length ${text.length}).`);
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    throw new RangeError('The passage starts or ends in the middle of a character.');
  }
  const exact = text.slice(start, end);
  if (exact.trim().length === 0) {
    throw new RangeError('The passage holds only white space.');
  }
  return {
    start,
    end,
    exact,
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
  };
}

function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
