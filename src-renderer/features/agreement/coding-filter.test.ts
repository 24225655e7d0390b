import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../src-shared/domain/annotation';
import { applyCodingFilter } from './coding-filter';

const base: Omit<Annotation, 'id'> = { articleId: 'a', kind: 'highlight', target: { start: 0, end: 1, exact: 'x', prefix: '', suffix: '' }, tags: [], note: '', status: 'draft', actorId: null, claim: null, anchor: 'anchored', createdAt: '2026-12-02T14:00:00.000Z', updatedAt: '2026-12-02T14:00:00.000Z' };
const mine: Annotation = { ...base, id: 'mine', createdBy: { name: 'Ana' } };
const theirs: Annotation = { ...base, id: 'theirs', createdBy: { name: 'Ben' } };
const old: Annotation = { ...base, id: 'old' };
const agreed: Annotation = { ...base, id: 'agreed', curated: true, createdBy: { name: 'Ana' } };
const all = [mine, theirs, old, agreed];

describe('applyCodingFilter', () => {
  it('shows everything by default', () => expect(applyCodingFilter(all, 'all', 'Ana')).toEqual(all));
  it('hides other analysts’ annotations and the agreed set while coding, keeping unauthored ones', () => {
    expect(applyCodingFilter(all, 'mine', 'Ana').map((a) => a.id)).toEqual(['mine', 'old']);
  });
  it('shows only the agreed set', () => expect(applyCodingFilter(all, 'agreed', 'Ana').map((a) => a.id)).toEqual(['agreed']));
});
