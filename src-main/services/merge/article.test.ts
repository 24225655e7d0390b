import { describe, expect, it } from 'vitest';
import { mergeArticleFile } from './article';
import { annotation, articleFile, at, claim, copy, TEXT } from './test-fixtures';
import { MergeError } from './types';

const A = 'article-1';
const base = articleFile(A, TEXT, [annotation('note-1', A, TEXT, 'Ines Marrow'), annotation('note-2', A, TEXT, 'border crossings')]);
const ids = (file: { annotations: { id: string }[] }) => file.annotations.map((a) => a.id).sort();

describe('mergeArticleFile', () => {
  it('keeps disjoint edits of both sides without conflict', () => {
    const ours = copy(base);
    ours.annotations[0]!.note = 'The minister, named in full.';
    ours.annotations[0]!.updatedAt = at(10);
    const theirs = copy(base);
    theirs.article.status = 'in-progress';
    theirs.annotations.push(annotation('note-3', A, TEXT, 'Tomas Vell', { createdAt: at(11), updatedAt: at(11) }));
    const { merged, conflicts, notes } = mergeArticleFile(base, ours, theirs);
    expect(conflicts).toEqual([]);
    expect(notes).toEqual([]);
    expect(merged.article.status).toBe('in-progress');
    expect(merged.annotations.find((a) => a.id === 'note-1')).toMatchObject({ note: 'The minister, named in full.', updatedAt: at(10) });
    expect(ids(merged)).toEqual(['note-1', 'note-2', 'note-3']);
  });

  it('keeps the annotations both sides added to the same article', () => {
    const ours = copy(base);
    ours.annotations.push(annotation('ours-1', A, TEXT, 'Marrowfield depot'));
    const theirs = copy(base);
    theirs.annotations.push(annotation('theirs-1', A, TEXT, 'stalling tactic'), annotation('theirs-2', A, TEXT, 'Marrowfield depot'));
    const { merged, conflicts } = mergeArticleFile(base, ours, theirs);
    expect(conflicts).toEqual([]);
    expect(ids(merged)).toEqual(['note-1', 'note-2', 'ours-1', 'theirs-1', 'theirs-2']);
  });

  it('merges two edits of one annotation field by field; the same field changed twice is a conflict kept by the later change', () => {
    const ours = copy(base);
    Object.assign(ours.annotations[0]!, { note: 'ours', tags: ['tag-a'], updatedAt: at(20) });
    const theirs = copy(base);
    Object.assign(theirs.annotations[0]!, { note: 'theirs', status: 'reviewed', tags: ['tag-b'], updatedAt: at(30) });
    const { merged, conflicts } = mergeArticleFile(base, ours, theirs);
    const note = merged.annotations.find((a) => a.id === 'note-1')!;
    // Different fields both arrive; tags added on both sides are both kept.
    expect(note).toMatchObject({ note: 'theirs', status: 'reviewed', tags: ['tag-a', 'tag-b'], updatedAt: at(30) });
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ file: `articles/${A}.json`, item: { kind: 'annotation', id: 'note-1', articleId: A }, path: [], fields: ['note'], ours: 'ours', theirs: 'theirs', kept: 'theirs' });

    // Later on our side: ours is kept; at the same time: ours is kept too (the stated tie rule).
    ours.annotations[0]!.updatedAt = at(40);
    expect(mergeArticleFile(base, ours, theirs).conflicts[0]).toMatchObject({ kept: 'ours' });
    expect(mergeArticleFile(base, ours, theirs).merged.annotations[0]!.note).toBe('ours');
    ours.annotations[0]!.updatedAt = at(30);
    expect(mergeArticleFile(base, ours, theirs).conflicts[0]).toMatchObject({ kept: 'ours', rule: expect.stringContaining('same time') });
  });

  it('merges claim details field by field and records a conflict on the nested field', () => {
    const b = copy(base);
    b.annotations[0] = { ...b.annotations[0]!, kind: 'claim', claim: claim() };
    const ours = copy(b);
    ours.annotations[0]!.claim!.verification = 'corroborated';
    ours.annotations[0]!.claim!.medium = 'briefing';
    ours.annotations[0]!.updatedAt = at(5);
    const theirs = copy(b);
    theirs.annotations[0]!.claim!.verification = 'contested';
    theirs.annotations[0]!.claim!.reliability = 'B';
    theirs.annotations[0]!.updatedAt = at(6);
    const { merged, conflicts } = mergeArticleFile(b, ours, theirs);
    expect(merged.annotations[0]!.claim).toMatchObject({ verification: 'contested', medium: 'briefing', reliability: 'B' });
    expect(conflicts).toEqual([expect.objectContaining({ path: ['claim'], fields: ['verification'], ours: 'corroborated', theirs: 'contested', kept: 'theirs' })]);
  });

  it('keeps an annotation deleted on one side and edited on the other, and says so; an unedited one stays deleted', () => {
    const ours = copy(base);
    ours.annotations = [];
    const theirs = copy(base);
    theirs.annotations[0]!.note = 'Still needed';
    theirs.annotations[0]!.updatedAt = at(3);
    const { merged, notes, conflicts } = mergeArticleFile(base, ours, theirs);
    expect(ids(merged)).toEqual(['note-1']);
    expect(merged.annotations[0]!.note).toBe('Still needed');
    expect(conflicts).toEqual([]);
    expect(notes).toEqual([expect.objectContaining({ kind: 'kept-edited', item: expect.objectContaining({ id: 'note-1', label: 'Ines Marrow' }) })]);
    // And the other way round.
    expect(ids(mergeArticleFile(base, theirs, ours).merged)).toEqual(['note-1']);
  });

  it('keeps one text when both sides edited it, re-anchors the other side’s annotations and lists the orphans', () => {
    const oursText = TEXT.replace('on Monday', 'on Monday morning');
    const theirsText = TEXT.replace('called the promise a stalling tactic', 'dismissed the promise');
    const ours = copy(base);
    ours.article.text = oursText;
    ours.article.updatedAt = at(10);
    ours.annotations = ours.annotations.map((a) => annotation(a.id, A, oursText, a.target.exact));
    ours.annotations.push(annotation('ours-new', A, oursText, 'Marrowfield depot'), annotation('ours-lost', A, oursText, 'stalling tactic'));
    const theirs = copy(base);
    theirs.article.text = theirsText;
    theirs.article.updatedAt = at(20);
    theirs.annotations.push(annotation('theirs-new', A, theirsText, 'dismissed the promise'));
    const { merged, conflicts, notes } = mergeArticleFile(base, ours, theirs);
    expect(merged.article.text).toBe(theirsText);
    expect(conflicts).toEqual([expect.objectContaining({ item: expect.objectContaining({ kind: 'article' }), fields: ['text'], ours: oursText, theirs: theirsText, kept: 'theirs' })]);
    expect(ids(merged)).toEqual(['note-1', 'note-2', 'ours-lost', 'ours-new', 'theirs-new']);
    for (const a of merged.annotations.filter((x) => x.anchor === 'anchored')) {
      expect(theirsText.slice(a.target.start, a.target.end)).toBe(a.target.exact);
    }
    expect(merged.annotations.find((a) => a.id === 'ours-new')!.anchor).toBe('anchored');
    const lost = merged.annotations.find((a) => a.id === 'ours-lost')!;
    expect(lost).toMatchObject({ anchor: 'orphan', target: { exact: 'stalling tactic' } });
    expect(notes).toEqual([expect.objectContaining({ kind: 'orphaned', item: expect.objectContaining({ id: 'ours-lost' }) })]);
  });

  it('places annotations added against the old text on the text the other side edited', () => {
    const newText = `A new first paragraph.\n\n${TEXT}`;
    const ours = copy(base);
    ours.article.text = newText;
    ours.annotations = ours.annotations.map((a) => annotation(a.id, A, newText, a.target.exact));
    const theirs = copy(base);
    theirs.annotations.push(annotation('theirs-new', A, TEXT, 'Tomas Vell'));
    // Theirs re-attached note-2 to a longer passage: a deliberate choice that is carried over.
    theirs.annotations[1] = { ...annotation('note-2', A, TEXT, 'the border crossings would reopen'), updatedAt: at(4) };
    const { merged, conflicts } = mergeArticleFile(base, ours, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.article.text).toBe(newText);
    const at2 = (id: string) => merged.annotations.find((a) => a.id === id)!;
    expect(newText.slice(at2('theirs-new').target.start, at2('theirs-new').target.end)).toBe('Tomas Vell');
    expect(at2('note-2').target.exact).toBe('the border crossings would reopen');
    expect(newText.slice(at2('note-2').target.start, at2('note-2').target.end)).toBe('the border crossings would reopen');
    expect(newText.slice(at2('note-1').target.start, at2('note-1').target.end)).toBe('Ines Marrow');
  });

  it('keeps claim links symmetric within the article', () => {
    const b = copy(base);
    b.annotations = b.annotations.map((a) => ({ ...a, kind: 'claim' as const, claim: claim() }));
    const ours = copy(b);
    // Ours linked note-1 → note-2 (both ends), theirs deleted nothing but edited note-2's note.
    ours.annotations[0]!.claim!.links = [{ articleId: A, annotationId: 'note-2', type: 'supports', direction: 'out' }];
    ours.annotations[1]!.claim!.links = [{ articleId: A, annotationId: 'note-1', type: 'supports', direction: 'in' }];
    const theirs = copy(b);
    theirs.annotations[1]!.note = 'edited';
    const merged = mergeArticleFile(b, ours, theirs).merged;
    expect(merged.annotations[0]!.claim!.links).toEqual([{ articleId: A, annotationId: 'note-2', type: 'supports', direction: 'out' }]);
    expect(merged.annotations[1]!.claim!.links).toEqual([{ articleId: A, annotationId: 'note-1', type: 'supports', direction: 'in' }]);
    expect(merged.annotations[1]!.note).toBe('edited');

    // Ours deleted claim note-2 (and the link's other end); theirs edited note-2: both ends come back.
    const linked = copy(merged);
    const deleted = copy(linked);
    deleted.annotations = [{ ...deleted.annotations[0]!, claim: claim() }];
    const edited = copy(linked);
    edited.annotations[1]!.note = 'edited again';
    edited.annotations[1]!.updatedAt = at(9);
    const result = mergeArticleFile(linked, deleted, edited);
    expect(result.merged.annotations.map((a) => a.claim!.links.length)).toEqual([1, 1]);
    expect(result.notes.map((n) => n.kind).sort()).toEqual(['kept-edited', 'link-repaired']);
  });

  it('takes who changed an annotation last from the side whose change time it keeps (authorship)', () => {
    const b = copy(base);
    Object.assign(b.annotations[0]!, { createdBy: { name: 'Ana' }, updatedBy: { name: 'Ana' } });
    const ours = copy(b);
    Object.assign(ours.annotations[0]!, { note: 'by Ben', updatedAt: at(8), updatedBy: { name: 'Ben', email: 'ben@example.org' } });
    const theirs = copy(b);
    Object.assign(theirs.annotations[0]!, { status: 'reviewed', updatedAt: at(6), updatedBy: { name: 'Cleo' } });
    const { merged, conflicts } = mergeArticleFile(b, ours, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.annotations[0]).toMatchObject({ note: 'by Ben', status: 'reviewed', createdBy: { name: 'Ana' }, updatedAt: at(8), updatedBy: { name: 'Ben', email: 'ben@example.org' } });
  });

  it('refuses files from a newer format instead of merging them', () => {
    const theirs = { ...copy(base), schemaVersion: 2 };
    expect(() => mergeArticleFile(base, base, theirs)).toThrow(MergeError);
  });
});
