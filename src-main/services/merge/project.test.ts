import { describe, expect, it } from 'vitest';
import { recordMerge } from './merged-into';
import { mergeProjectFile } from './project';
import { actor, at, copy, projectFile, tag } from './test-fixtures';

const base = projectFile(
  [actor('actor-a', 'Ines Marrow', { aliases: ['Marrow'] }), actor('actor-b', 'Valdoria', { kind: 'state' })],
  [tag('tag-a', 'Economy', { hotkey: 1 }), tag('tag-b', 'Security')],
);

describe('mergeProjectFile', () => {
  it('keeps actors and tags added on both sides and merges field edits by id', () => {
    const ours = copy(base);
    ours.actors.push(actor('actor-c', 'Tomas Vell'));
    ours.actors[0]!.aliases.push('the foreign minister');
    ours.actors[0]!.updatedAt = at(5);
    ours.tags.push(tag('tag-c', 'Energy'));
    ours.notes = 'Read the Ostrava sources first.';
    const theirs = copy(base);
    theirs.actors.push(actor('actor-d', 'Ostrava', { kind: 'state' }));
    theirs.actors[0]!.aliases.push('Minister Marrow');
    theirs.actors[0]!.description = 'Foreign minister of Valdoria';
    theirs.actors[0]!.updatedAt = at(6);
    theirs.tags[1]!.color = '#112233';
    theirs.settings = { readerFont: 'serif' };
    const { merged, conflicts, notes } = mergeProjectFile(base, ours, theirs);
    expect(conflicts).toEqual([]);
    expect(notes).toEqual([]);
    expect(merged.actors.map((a) => a.id)).toEqual(['actor-a', 'actor-b', 'actor-c', 'actor-d']);
    expect(merged.actors[0]).toMatchObject({ aliases: ['Marrow', 'the foreign minister', 'Minister Marrow'], description: 'Foreign minister of Valdoria', updatedAt: at(6) });
    expect(merged.tags.map((t) => t.id)).toEqual(['tag-a', 'tag-b', 'tag-c']);
    expect(merged.tags[1]!.color).toBe('#112233');
    expect(merged).toMatchObject({ notes: 'Read the Ostrava sources first.', settings: { readerFont: 'serif' } });
  });

  it('records a conflict when both sides changed the same actor field, kept by the later change', () => {
    const ours = copy(base);
    Object.assign(ours.actors[1]!, { note: 'ours', updatedAt: at(9) });
    const theirs = copy(base);
    Object.assign(theirs.actors[1]!, { note: 'theirs', updatedAt: at(8) });
    const { merged, conflicts } = mergeProjectFile(base, ours, theirs);
    expect(merged.actors[1]!.note).toBe('ours');
    expect(conflicts).toEqual([expect.objectContaining({ file: 'project.json', item: { kind: 'actor', id: 'actor-b', label: 'Valdoria' }, fields: ['note'], ours: 'ours', theirs: 'theirs', kept: 'ours' })]);
  });

  it('keeps a codebook entry deleted on one side and edited on the other', () => {
    const ours = copy(base);
    ours.tags = ours.tags.filter((t) => t.id !== 'tag-b');
    const theirs = copy(base);
    theirs.tags[1]!.name = 'Security and defence';
    const { merged, notes } = mergeProjectFile(base, ours, theirs);
    expect(merged.tags.map((t) => t.name)).toEqual(['Economy', 'Security and defence']);
    expect(notes).toEqual([expect.objectContaining({ kind: 'kept-edited', item: expect.objectContaining({ kind: 'tag', id: 'tag-b' }) })]);
  });

  it('tells apart two tags given one name or hotkey, the local one keeping it', () => {
    const ours = copy(base);
    ours.tags.push(tag('tag-ours', 'Energy', { hotkey: 2 }));
    const theirs = copy(base);
    theirs.tags.push(tag('tag-theirs', 'energy', { hotkey: 2 }));
    const { merged, notes } = mergeProjectFile(base, ours, theirs);
    expect(merged.tags.find((t) => t.id === 'tag-ours')).toMatchObject({ name: 'Energy', hotkey: 2 });
    expect(merged.tags.find((t) => t.id === 'tag-theirs')).toMatchObject({ name: 'energy (2)', hotkey: null });
    expect(notes.map((n) => n.kind)).toEqual(['renamed', 'renamed']);
  });

  it('breaks a loop of affiliations made by the two sides, at the link the local side did not make', () => {
    const ours = copy(base);
    ours.actors[0]!.affiliationId = 'actor-b';
    const theirs = copy(base);
    theirs.actors[1]!.affiliationId = 'actor-a';
    const { merged, notes } = mergeProjectFile(base, ours, theirs);
    expect(merged.actors.map((a) => a.affiliationId)).toEqual(['actor-b', null]);
    expect(notes).toEqual([expect.objectContaining({ kind: 'loop-broken', item: expect.objectContaining({ id: 'actor-b' }) })]);
  });

  it('brings back a tag deleted on one side that the other side made a parent', () => {
    const ours = copy(base);
    ours.tags = ours.tags.filter((t) => t.id !== 'tag-b');
    const theirs = copy(base);
    theirs.tags.push(tag('tag-child', 'Border security', { parentId: 'tag-b' }));
    const { merged, notes } = mergeProjectFile(base, ours, theirs);
    expect(merged.tags.map((t) => t.id)).toEqual(['tag-a', 'tag-child', 'tag-b']);
    expect(notes).toEqual([expect.objectContaining({ kind: 'restored', item: expect.objectContaining({ id: 'tag-b' }) })]);
  });

  it('keeps an actor merged on one side merged when the other side edited it, its names becoming aliases of the survivor', () => {
    const ours = copy(base);
    ours.actors = ours.actors.filter((a) => a.id !== 'actor-a');
    ours.actors[0]!.aliases = ['Ines Marrow', 'Marrow'];
    recordMerge(ours, 'actor-a', 'actor-b');
    const theirs = copy(base);
    theirs.actors[0]!.aliases.push('I. Marrow');
    theirs.actors[0]!.updatedAt = at(3);
    const { merged, notes } = mergeProjectFile(base, ours, theirs);
    expect(merged.actors.map((a) => a.id)).toEqual(['actor-b']);
    expect(merged.actors[0]!.aliases).toEqual(['Ines Marrow', 'Marrow', 'I. Marrow']);
    expect(merged.mergedInto).toEqual({ 'actor-a': 'actor-b' });
    expect(notes).toEqual([expect.objectContaining({ kind: 'followed-merge' })]);
  });

  it('records chains of merges so one lookup finds the survivor', () => {
    const p = copy(base);
    recordMerge(p, 'actor-x', 'actor-a');
    recordMerge(p, 'actor-a', 'actor-b');
    expect(p.mergedInto).toEqual({ 'actor-x': 'actor-b', 'actor-a': 'actor-b' });
  });
});
