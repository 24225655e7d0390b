import { describe, expect, it } from 'vitest';
import type { ArticleFile } from '../../store/file-schemas';
import { mergeArticleFile } from './article';
import { mergeProjectFile } from './project';
import { canKeepBoth, resolveConflict, resolveConflictInFiles } from './resolve';
import { annotation, articleFile, at, claim, copy, projectFile, tag, TEXT } from './test-fixtures';
import { mergeProjectTree } from './tree';

const A = 'article-1';
const base = articleFile(A, TEXT, [annotation('note-1', A, TEXT, 'Ines Marrow')]);

function bothEdited(fields: (side: 'ours' | 'theirs') => Record<string, unknown>) {
  const ours = copy(base);
  Object.assign(ours.annotations[0]!, fields('ours'), { updatedAt: at(2) });
  const theirs = copy(base);
  Object.assign(theirs.annotations[0]!, fields('theirs'), { updatedAt: at(1) });
  return mergeArticleFile(base, ours, theirs);
}

describe('resolveConflict', () => {
  it('applies the value chosen, or both notes one after the other', () => {
    const { merged, conflicts } = bothEdited((side) => ({ note: `Note from ${side}` }));
    const [conflict] = conflicts;
    expect(merged.annotations[0]!.note).toBe('Note from ours');
    expect(resolveConflict(merged, conflict!, 'theirs').merged.annotations[0]!.note).toBe('Note from theirs');
    expect(resolveConflict(merged, conflict!, 'ours').merged.annotations[0]!.note).toBe('Note from ours');
    expect(canKeepBoth(merged, conflict!)).toBe(true);
    expect(resolveConflict(merged, conflict!, 'both').merged.annotations[0]!.note).toBe('Note from ours\n\nNote from theirs');
    // The file given is not changed.
    expect(merged.annotations[0]!.note).toBe('Note from ours');
  });

  it('keeps both values of a field that cannot hold two by duplicating the annotation', () => {
    const { merged, conflicts } = bothEdited((side) => ({ status: side === 'ours' ? 'reviewed' : 'disputed' }));
    const result = resolveConflict(merged, conflicts[0]!, 'both', () => 'copy-1').merged;
    expect(result.annotations.map((a) => [a.id, a.status])).toEqual([
      ['note-1', 'reviewed'],
      ['copy-1', 'disputed'],
    ]);
    expect(result.annotations[1]!.target).toEqual(result.annotations[0]!.target);
  });

  it('keeps the winning side’s whole annotation when merging field by field breaks a limit, and can still keep both', () => {
    const tags = (prefix: string) => Array.from({ length: 60 }, (_, i) => `${prefix}-${i}`);
    const { merged, conflicts } = bothEdited((side) => ({ tags: tags(side), note: side }));
    expect(merged.annotations[0]).toMatchObject({ tags: tags('ours'), note: 'ours' });
    expect(conflicts).toEqual([expect.objectContaining({ path: [], fields: [], kept: 'ours' })]);
    expect(resolveConflict(merged, conflicts[0]!, 'theirs').merged.annotations[0]).toMatchObject({ id: 'note-1', tags: tags('theirs'), note: 'theirs' });
    const both = resolveConflict(merged, conflicts[0]!, 'both', () => 'copy-2').merged;
    expect(both.annotations.map((a) => [a.id, a.note])).toEqual([
      ['note-1', 'ours'],
      ['copy-2', 'theirs'],
    ]);
  });

  it('refuses to keep both where no way of keeping both is valid', () => {
    const p = projectFile([], [tag('tag-a', 'Economy')]);
    const ours = copy(p);
    ours.tags[0]!.color = '#112233';
    const theirs = copy(p);
    theirs.tags[0]!.color = '#445566';
    const { merged, conflicts } = mergeProjectFile(p, ours, theirs);
    expect(conflicts).toHaveLength(1);
    expect(canKeepBoth(merged, conflicts[0]!)).toBe(false);
    expect(() => resolveConflict(merged, conflicts[0]!, 'both')).toThrow(/choose one/);
    expect(resolveConflict(merged, conflicts[0]!, 'theirs').merged.tags[0]!.color).toBe('#445566');
  });

  it('places every annotation on the other text when the other text is chosen', () => {
    const oursText = TEXT.replace('Ines Marrow met', 'Ines Marrow, 54, met');
    const theirsText = TEXT.replace("foreign minister Ines Marrow met", 'government met');
    const ours = copy(base);
    ours.article.text = oursText;
    ours.article.updatedAt = at(5);
    const theirs = copy(base);
    theirs.article.text = theirsText;
    theirs.article.updatedAt = at(4);
    theirs.annotations.push(annotation('stall', A, theirsText, 'stalling tactic'));
    const { merged, conflicts } = mergeArticleFile(base, ours, theirs);
    expect(merged.article.text).toBe(oursText);
    const text = conflicts.find((c) => c.fields[0] === 'text')!;
    expect(canKeepBoth(merged, text)).toBe(false);
    const chosen = resolveConflict(merged, text, 'theirs');
    expect(chosen.merged.article.text).toBe(theirsText);
    const stall = chosen.merged.annotations.find((a) => a.id === 'stall')!;
    expect(theirsText.slice(stall.target.start, stall.target.end)).toBe('stalling tactic');
    // "Ines Marrow" is not in their text: an orphan, listed.
    expect(chosen.merged.annotations.find((a) => a.id === 'note-1')!.anchor).toBe('orphan');
    expect(chosen.notes).toEqual([expect.objectContaining({ kind: 'orphaned' })]);
  });

  it('sets both ends of a claim link whose type both sides changed', () => {
    const withClaims = (file: ArticleFile, other: string, direction: 'in' | 'out', type: 'supports' | 'contradicts') => {
      const f = copy(file);
      f.annotations[0] = { ...f.annotations[0]!, kind: 'claim', claim: claim([{ articleId: other, annotationId: `claim-${other}`, type, direction }]) };
      f.annotations[0]!.id = `claim-${f.article.id}`;
      return f;
    };
    const one = articleFile('one', TEXT, [annotation('x', 'one', TEXT, 'Ines Marrow')]);
    const two = articleFile('two', TEXT, [annotation('x', 'two', TEXT, 'Tomas Vell')]);
    const side = (type: 'supports' | 'contradicts') =>
      new Map<string, unknown>([
        ['project.json', projectFile()],
        ['articles/one.json', withClaims(one, 'two', 'out', type)],
        ['articles/two.json', withClaims(two, 'one', 'in', type)],
      ]);
    const b = side('supports');
    const ours = side('contradicts');
    const theirs = copy(b);
    const t = theirs.get('articles/one.json') as ArticleFile;
    t.annotations[0]!.claim!.links[0]!.type = 'supports';
    t.annotations[0]!.claim!.links[0]!.direction = 'in';
    (theirs.get('articles/two.json') as ArticleFile).annotations[0]!.claim!.links[0]!.direction = 'out';
    const { merged, conflicts } = mergeProjectTree({ base: b, ours, theirs });
    const conflict = conflicts.find((c) => c.file === 'articles/one.json')!;
    expect(conflict).toMatchObject({ path: ['claim', 'links', { id: 'two/claim-two' }], fields: [] });
    const changed = resolveConflictInFiles(merged, conflict, 'theirs').merged;
    const linkOf = (path: string) => (changed.get(path) as ArticleFile).annotations[0]!.claim!.links;
    expect(linkOf('articles/one.json')).toEqual([{ articleId: 'two', annotationId: 'claim-two', type: 'supports', direction: 'in' }]);
    expect(linkOf('articles/two.json')).toEqual([{ articleId: 'one', annotationId: 'claim-one', type: 'supports', direction: 'out' }]);
  });
});
