import { describe, expect, it } from 'vitest';
import { segmentRange } from './segments';

describe('segmentRange', () => {
  it('returns one plain run when nothing is annotated', () => {
    expect(segmentRange(0, 10, [])).toEqual([{ start: 0, end: 10, ids: [] }]);
  });

  it('cuts overlapping spans into runs covered by each set of annotations', () => {
    const segments = segmentRange(0, 20, [
      { id: 'b', start: 5, end: 15 },
      { id: 'a', start: 2, end: 8 },
    ]);
    expect(segments).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 5, ids: ['a'] },
      { start: 5, end: 8, ids: ['a', 'b'] },
      { start: 8, end: 15, ids: ['b'] },
      { start: 15, end: 20, ids: [] },
    ]);
  });

  it('orders nested annotations outermost first', () => {
    const segments = segmentRange(0, 10, [
      { id: 'inner', start: 3, end: 5 },
      { id: 'outer', start: 0, end: 10 },
    ]);
    expect(segments.find((s) => s.start === 3)!.ids).toEqual(['outer', 'inner']);
  });

  it('clips spans to the window (a paragraph) and ignores spans outside it', () => {
    const segments = segmentRange(10, 20, [
      { id: 'across', start: 5, end: 12 },
      { id: 'before', start: 0, end: 4 },
    ]);
    expect(segments).toEqual([
      { start: 10, end: 12, ids: ['across'] },
      { start: 12, end: 20, ids: [] },
    ]);
  });
});
