import { describe, expect, it } from 'vitest';
import { normaliseDate, onlyHttpUrl, stripByPrefix } from './metadata-values';

describe('normaliseDate', () => {
  it.each([
    ['2025-03-14', '2025-03-14'],
    ['2025-03-14T23:10:00-04:00', '2025-03-14'],
    ['2025-03-15T01:00:00+09:00', '2025-03-15'],
    ['20250314', '2025-03-14'],
    ['2025-02-30', ''],
    ['2025-13-01', ''],
    ['yesterday', ''],
    ['1', ''],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normaliseDate(input)).toBe(expected);
  });

  it('reads an English date written out', () => {
    expect(normaliseDate('March 14, 2025')).toBe('2025-03-14');
  });
});

describe('onlyHttpUrl', () => {
  it.each([
    ['https://post.example/a?b=c#d', 'https://post.example/a?b=c#d'],
    ['HTTP://POST.EXAMPLE/a', 'http://post.example/a'],
    ['javascript:alert(1)', ''],
    ['file:///etc/passwd', ''],
    ['data:text/html,hi', ''],
    ['/relative/path', ''],
    [`https://post.example/${'a'.repeat(2100)}`, ''],
  ])('%j → %j', (input, expected) => {
    expect(onlyHttpUrl(input)).toBe(expected);
  });
});

it('strips "By" from a byline but not from a name', () => {
  expect(stripByPrefix('  By   Lena Marsh ')).toBe('Lena Marsh');
  expect(stripByPrefix('by: Lena Marsh')).toBe('Lena Marsh');
  expect(stripByPrefix('Byron Keel')).toBe('Byron Keel');
});
