import type { VirtualItem } from '@tanstack/react-virtual';
import { describe, expect, it } from 'vitest';
import { rowsWithGaps } from './virtual-rows';

/** A row as the virtualizer gives it: `start` and `end` include the scroll margin. */
const row = (index: number, start: number, size: number): VirtualItem => ({ index, key: index, start, end: start + size, size, lane: 0 });

describe('rowsWithGaps', () => {
  it('puts a gap before the first drawn row and after the last, of the rows left out', () => {
    const out = rowsWithGaps([row(10, 1100, 30), row(11, 1130, 30)], 100, 3000);
    expect(out).toEqual([{ gap: 1000, key: 'gap-10' }, { row: row(10, 1100, 30) }, { row: row(11, 1130, 30) }, { gap: 3000 - 1060, key: 'gap-end' }]);
  });

  it('keeps a focused row far from the others in its place, with a gap between', () => {
    const out = rowsWithGaps([row(0, 0, 30), row(1, 30, 30), row(50, 1500, 30)], 0, 1530);
    expect(out.map((item) => ('gap' in item ? `gap ${item.gap}` : `row ${item.row.index}`))).toEqual(['row 0', 'row 1', 'gap 1440', 'row 50']);
  });

  it('draws no gap when the rows fill the table', () => {
    expect(rowsWithGaps([row(0, 0, 30)], 0, 30)).toEqual([{ row: row(0, 0, 30) }]);
  });
});
