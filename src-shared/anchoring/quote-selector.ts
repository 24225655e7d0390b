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
    prefix: sliceWhole(text, start - CONTEXT_LENGTH, start),
    suffix: sliceWhole(text, end, end + CONTEXT_LENGTH),
  };
}

/**
 * `text.slice(from, to)` (clamped to the text) narrowed to whole code points: a bound that
 * falls between the two halves of a surrogate pair moves inwards, so context taken as "32 code
 * units" never starts or ends with half an emoji.
 */
export function sliceWhole(text: string, from: number, to: number): string {
  let a = Math.max(0, from);
  let b = Math.min(text.length, to);
  if (splitsSurrogatePair(text, a)) a++;
  if (splitsSurrogatePair(text, b)) b--;
  return a < b ? text.slice(a, b) : '';
}

/** Drops half a surrogate pair left at either end of stored context (older data cut by code units). */
export function wholeEnds(context: string): string {
  let a = 0;
  let b = context.length;
  if (b > 0 && isLowSurrogate(context.charCodeAt(0))) a++;
  if (b > a && isHighSurrogate(context.charCodeAt(b - 1))) b--;
  return context.slice(a, b);
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  return isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}
