import { describe, expect, it } from 'vitest';
import { mergeItem } from './item';
import type { MergeConflict } from './types';

const place = { file: 'project.json', item: { kind: 'actor' as const, id: 'a', label: 'A' } };

describe('mergeItem', () => {
  it('merges fields it was never told about by the same rules (authorship travels with updatedAt)', () => {
    const base = { id: 'a', name: 'Marrow', createdBy: 'ana', updatedBy: 'ana', updatedAt: '2026-01-01T00:00:00.000Z', rank: 1 };
    const ours = { ...base, name: 'Ines Marrow', updatedBy: 'ben', updatedAt: '2026-01-01T00:00:05.000Z' };
    const theirs = { ...base, rank: 2, updatedBy: 'cleo', updatedAt: '2026-01-01T00:00:07.000Z' };
    const conflicts: MergeConflict[] = [];
    expect(mergeItem(base, ours, theirs, {}, place, conflicts)).toEqual({ ...base, name: 'Ines Marrow', rank: 2, updatedBy: 'cleo', updatedAt: '2026-01-01T00:00:07.000Z' });
    expect(conflicts).toEqual([]);

    // Only one side changed the item: its stamp, even when the other side's is later.
    const touched = { ...base, updatedBy: 'dan', updatedAt: '2026-01-01T00:00:09.000Z' };
    expect(mergeItem(base, { ...base, rank: 3, updatedBy: 'ben', updatedAt: '2026-01-01T00:00:02.000Z' }, base, {}, place, [])).toMatchObject({ rank: 3, updatedBy: 'ben' });
    expect(mergeItem(base, base, touched, {}, place, [])).toMatchObject({ updatedBy: 'dan' });
  });

  it('merges nested objects key by key, lists of values as sets, and records a conflict per field', () => {
    const base = { id: 'x', settings: { a: 1, b: 1 }, aliases: ['p', 'q'], note: '' };
    const ours = { id: 'x', settings: { a: 2, b: 1 }, aliases: ['p', 'r'], note: 'ours' };
    const theirs = { id: 'x', settings: { a: 3, b: 5 }, aliases: ['q', 'p', 's'], note: 'theirs' };
    const conflicts: MergeConflict[] = [];
    const merged = mergeItem(base, ours, theirs, {}, place, conflicts);
    expect(merged).toEqual({ id: 'x', settings: { a: 2, b: 5 }, aliases: ['p', 'r', 's'], note: 'ours' });
    expect(conflicts.map((c) => [c.path, c.fields, c.ours, c.theirs, c.kept])).toEqual([
      [['settings'], ['a'], 2, 3, 'ours'],
      [[], ['note'], 'ours', 'theirs', 'ours'],
    ]);
  });
});
