import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleFile, ProjectFile } from '../../store/file-schemas';
import { openTestProject } from '../test-project';
import { recordMerge } from './merged-into';
import { annotation, actor, articleFile, at, claim, copy, projectFile, tag, TEXT } from './test-fixtures';
import { mergeProjectTree } from './tree';
import { MergeError } from './types';

type Tree = Map<string, ProjectFile | ArticleFile>;
const tree = (project: ProjectFile, ...articles: ArticleFile[]): Tree =>
  new Map<string, ProjectFile | ArticleFile>([['project.json', project], ...articles.map((a): [string, ArticleFile] => [`articles/${a.article.id}.json`, a])]);
const article = (t: Tree, id: string) => t.get(`articles/${id}.json`) as ArticleFile;

const OTHER = 'In Kessel, Minister Marrow denied that Valdoria had moved troops.\n\nTomas Vell called the denial a stalling tactic.';
const project = projectFile([actor('marrow', 'Ines Marrow'), actor('minister', 'Minister Marrow')], [tag('economy', 'Economy'), tag('security', 'Security')]);
const base = tree(project, articleFile('talks', TEXT, [annotation('m1', 'talks', TEXT, 'Ines Marrow', { kind: 'actor', actorId: 'marrow' })]), articleFile('denial', OTHER));

describe('mergeProjectTree', () => {
  it('points the other side’s new mentions, speakers and tags of a merged actor or tag at the survivor', () => {
    // Ours: "Minister Marrow" merged into "Ines Marrow", "Security" into "Economy" (as actors:merge and tags:merge do).
    const ours = copy(base);
    const p = ours.get('project.json') as ProjectFile;
    p.actors = p.actors.filter((a) => a.id !== 'minister');
    p.tags = p.tags.filter((t) => t.id !== 'security');
    recordMerge(p, 'minister', 'marrow');
    recordMerge(p, 'security', 'economy');
    // Theirs: a mention of "Minister Marrow", a claim he speaks, tagged Security.
    const theirs = copy(base);
    article(theirs, 'denial').annotations.push(
      annotation('m2', 'denial', OTHER, 'Minister Marrow', { kind: 'actor', actorId: 'minister' }),
      annotation('c1', 'denial', OTHER, 'denied that Valdoria had moved troops', { kind: 'claim', claim: claim([], 'minister'), tags: ['security', 'economy'] }),
    );
    const { merged, notes, conflicts, changed, deleted } = mergeProjectTree({ base, ours, theirs });
    expect(conflicts).toEqual([]);
    const denial = article(merged, 'denial');
    expect(denial.annotations.find((a) => a.id === 'm2')!.actorId).toBe('marrow');
    expect(denial.annotations.find((a) => a.id === 'c1')).toMatchObject({ claim: { speakerId: 'marrow' }, tags: ['economy'] });
    expect((merged.get('project.json') as ProjectFile).actors.map((a) => a.id)).toEqual(['marrow']);
    expect(notes.filter((n) => n.kind === 'followed-merge').map((n) => n.message)).toEqual([
      expect.stringContaining('2 references to an actor merged into “Ines Marrow”'),
      expect.stringContaining('1 reference to a tag merged into “Economy”'),
    ]);
    expect(changed).toEqual(['articles/denial.json']);
    expect(deleted).toEqual([]);
  });

  it('follows merges made on both sides one after the other (A into B here, B into C there)', () => {
    const b = copy(base);
    (b.get('project.json') as ProjectFile).actors.push(actor('vell', 'Tomas Vell'));
    const ours = copy(b);
    const po = ours.get('project.json') as ProjectFile;
    po.actors = po.actors.filter((a) => a.id !== 'marrow');
    po.actors.find((a) => a.id === 'minister')!.aliases = ['Ines Marrow'];
    po.actors.find((a) => a.id === 'minister')!.updatedAt = at(5);
    recordMerge(po, 'marrow', 'minister');
    article(ours, 'talks').annotations[0]!.actorId = 'minister';
    const theirs = copy(b);
    const pt = theirs.get('project.json') as ProjectFile;
    pt.actors = pt.actors.filter((a) => a.id !== 'minister');
    recordMerge(pt, 'minister', 'vell');
    article(theirs, 'denial').annotations.push(annotation('m2', 'denial', OTHER, 'Minister Marrow', { kind: 'actor', actorId: 'marrow' }));
    const { merged } = mergeProjectTree({ base: b, ours, theirs });
    const project = merged.get('project.json') as ProjectFile;
    expect(project.actors.map((a) => a.id)).toEqual(['vell']);
    expect(project.actors[0]!.aliases).toEqual(['Minister Marrow', 'Ines Marrow']);
    expect(article(merged, 'talks').annotations[0]!.actorId).toBe('vell');
    expect(article(merged, 'denial').annotations[0]!.actorId).toBe('vell');
  });

  it('brings back an actor deleted on one side that the other side’s new mention names', () => {
    const ours = copy(base);
    (ours.get('project.json') as ProjectFile).actors.pop();
    const theirs = copy(base);
    article(theirs, 'denial').annotations.push(annotation('m2', 'denial', OTHER, 'Minister Marrow', { kind: 'actor', actorId: 'minister' }));
    const { merged, notes } = mergeProjectTree({ base, ours, theirs });
    expect((merged.get('project.json') as ProjectFile).actors.map((a) => a.id)).toEqual(['marrow', 'minister']);
    expect(notes).toEqual([expect.objectContaining({ kind: 'restored', item: expect.objectContaining({ id: 'minister' }) })]);
  });

  it('keeps claim links symmetric across articles', () => {
    const b = copy(base);
    article(b, 'talks').annotations.push(annotation('c-talks', 'talks', TEXT, 'the border crossings would reopen', { kind: 'claim', claim: claim() }));
    article(b, 'denial').annotations.push(annotation('c-denial', 'denial', OTHER, 'a stalling tactic', { kind: 'claim', claim: claim() }));
    // Linked on both ends on our side.
    const linked = copy(b);
    article(linked, 'talks').annotations[1]!.claim!.links.push({ articleId: 'denial', annotationId: 'c-denial', type: 'contradicts', direction: 'out' });
    article(linked, 'denial').annotations[0]!.claim!.links.push({ articleId: 'talks', annotationId: 'c-talks', type: 'contradicts', direction: 'in' });
    // Theirs deleted the claim in "denial" (and the other end of its link); ours edited it.
    const theirs = copy(linked);
    article(theirs, 'denial').annotations = [];
    article(theirs, 'talks').annotations[1]!.claim!.links = [];
    const ours = copy(linked);
    article(ours, 'denial').annotations[0]!.note = 'Check Vell’s other statements.';
    article(ours, 'denial').annotations[0]!.updatedAt = at(30);
    const { merged, notes } = mergeProjectTree({ base: linked, ours, theirs });
    expect(article(merged, 'denial').annotations[0]!.claim!.links).toEqual([{ articleId: 'talks', annotationId: 'c-talks', type: 'contradicts', direction: 'in' }]);
    expect(article(merged, 'talks').annotations[1]!.claim!.links).toEqual([{ articleId: 'denial', annotationId: 'c-denial', type: 'contradicts', direction: 'out' }]);
    expect(notes.map((n) => n.kind).sort()).toEqual(['kept-edited', 'link-repaired']);

    // Theirs deleted it and ours did not touch it: the claim and both ends of its link are gone.
    const gone = mergeProjectTree({ base: linked, ours: copy(linked), theirs }).merged;
    expect(article(gone, 'denial').annotations).toEqual([]);
    expect(article(gone, 'talks').annotations[1]!.claim!.links).toEqual([]);
  });

  it('merges added, deleted and edited article files and says what to write and delete', () => {
    const ours = copy(base);
    ours.delete('articles/denial.json');
    const added = articleFile('new-ours', 'A short new article about the talks.');
    ours.set('articles/new-ours.json', added);
    const theirs = copy(base);
    theirs.delete('articles/talks.json');
    theirs.set('articles/new-theirs.json', articleFile('new-theirs', 'Another new article.'));
    article(theirs, 'denial').article.note = 'Edited on the other side';
    const { merged, notes, changed, deleted } = mergeProjectTree({ base, ours, theirs });
    expect([...merged.keys()].sort()).toEqual(['articles/denial.json', 'articles/new-ours.json', 'articles/new-theirs.json', 'project.json']);
    expect(notes).toEqual([expect.objectContaining({ kind: 'kept-edited', file: 'articles/denial.json' })]);
    expect(changed.sort()).toEqual(['articles/denial.json', 'articles/new-theirs.json']);
    expect(deleted).toEqual(['articles/talks.json']);
  });

  it('merges only the paths given, treating a given path a side lacks as absent there', () => {
    const theirs = copy(base);
    article(theirs, 'denial').article.status = 'done';
    const only = (t: Tree) => new Map([...t].filter(([path]) => path !== 'articles/talks.json'));
    const { merged, changed } = mergeProjectTree({ base: only(base), ours: only(base), theirs: only(theirs) }, { paths: ['articles/denial.json'] });
    expect([...merged.keys()].sort()).toEqual(['articles/denial.json', 'project.json']);
    expect(changed).toEqual(['articles/denial.json']);
  });

  it('refuses an invalid input file or a path that is not project data, merging nothing', () => {
    const broken = copy(base);
    (broken.get('project.json') as { actors: unknown }).actors = 'nobody';
    expect(() => mergeProjectTree({ base, ours: base, theirs: broken })).toThrow(/project.json on the other side is not a valid project file/);
    const stray = new Map<string, unknown>([...base, ['index.json', {}]]);
    expect(() => mergeProjectTree({ base, ours: stray, theirs: base })).toThrow(MergeError);
  });
});

describe('actors:merge and tags:merge', () => {
  it('record the survivor in project.json, durably', async () => {
    const { call, store } = await openTestProject();
    const a = await call('actors:create', { name: 'Ines Marrow' });
    const b = await call('actors:create', { name: 'Minister Marrow' });
    const c = await call('actors:create', { name: 'I. Marrow' });
    await call('actors:merge', { survivorId: b.id, mergedId: c.id });
    await call('actors:merge', { survivorId: a.id, mergedId: b.id });
    const t1 = await call('tags:create', { name: 'Economy' });
    const t2 = await call('tags:create', { name: 'Economics' });
    await call('tags:merge', { survivorId: t1.id, mergedId: t2.id });
    const expected = { [c.id]: a.id, [b.id]: a.id, [t2.id]: t1.id };
    expect(store.project.mergedInto).toEqual(expected);
    const onDisk = JSON.parse(await readFile(join(store.directory, 'project.json'), 'utf8')) as ProjectFile;
    expect(onDisk.mergedInto).toEqual(expected);
    // Undoing the last merge takes its record back with it.
    await call('history:undo', {});
    expect(store.project.mergedInto).toEqual({ [c.id]: a.id, [b.id]: a.id });
  });
});
