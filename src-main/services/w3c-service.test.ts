import { describe, expect, it } from 'vitest';
import { seedSampleProject } from '../app/sample-project';
import { openTestProject } from './test-project';


async function open() {
  const { store, router, callAs: call } = await openTestProject();
  return { store, router, call };
}

describe('W3C annotations in the app', () => {
  it('exports the project and imports the file back into a project holding the same article', async () => {
    const source = await open();
    await seedSampleProject(source.router);
    const { json } = await source.call<{ json: string }>('export:w3c', { scope: { kind: 'project' } });
    const collection = JSON.parse(json);
    expect(collection.type).toBe('AnnotationCollection');

    // A second project with the same article text (a project file restored elsewhere, minus annotations).
    const { json: projectJson } = await source.call<{ json: string }>('project:export', {});
    const stripped = JSON.parse(projectJson);
    for (const article of stripped.articles) article.annotations = [];
    stripped.project.actors = [];
    stripped.project.tags = [];
    const target = await open();
    await target.call('project:import', { json: JSON.stringify(stripped) });

    const result = await target.call<{ imported: number; skipped: number; problems: string[] }>('import:w3c', { json });
    const [article] = await target.call<{ id: string }[]>('articles:list', {});
    const imported = await target.call<{ annotations: { kind: string; target: { exact: string }; tags: string[] }[] }>('articles:get', { id: article!.id });
    const original = await source.call<{ annotations: { kind: string; target: { exact: string } }[] }>('articles:get', { id: article!.id });
    expect(result.imported).toBe(original.annotations.length);
    expect(imported.annotations.map((a) => `${a.kind}:${a.target.exact}`).sort()).toEqual(original.annotations.map((a) => `${a.kind}:${a.target.exact}`).sort());
    const project = await target.call<{ tags: { name: string }[]; actors: { name: string }[] }>('project:get', {});
    expect(project.tags.map((t) => t.name).sort()).toEqual(['Military activity', 'Peace talks', 'Sovereignty']);
    expect(project.actors.map((a) => a.name)).toContain('Ilse Marnow');

    // The same file again adds nothing: the annotations are already there.
    const again = await target.call<{ imported: number; skipped: number }>('import:w3c', { json });
    expect(again).toMatchObject({ imported: 0 });
    // One undo step removes the whole import.
    await target.call('history:undo', {});
    await target.call('history:undo', {});
    expect((await target.call<{ annotations: unknown[] }>('articles:get', { id: article!.id })).annotations).toEqual([]);
  });

  it('refuses a damaged or foreign file with a message and changes nothing', async () => {
    const { router, call } = await open();
    for (const json of ['{"type": "AnnotationCollection", "first": {"items": [{"type": "Annotation"}]}}', '[1, 2, 3]', 'not json']) {
      const result = await router.handle('import:w3c', { json });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect((await call<{ tags: unknown[] }>('project:get', {})).tags).toEqual([]);
  });
});

describe('W3C import checks before it changes anything', () => {
  it('says "Nothing was changed" for a damaged file only because nothing was: no file, no undo step', async () => {
    const { router, call, store } = await open();
    const before = JSON.stringify(store.project);
    const result = await router.handle('import:w3c', { json: '{"type": "AnnotationCollection", "first": {"items": [{"type": "Annotation"}]}}' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('Nothing was changed') } });
    expect(JSON.stringify(store.project)).toBe(before);
    expect(await call('history:state', {})).toEqual({ undo: null, redo: null });
  });

  it('skips an annotation whose note holds half a character (a JSON escape) and says so', async () => {
    const { call } = await open();
    const article = await call<{ id: string; text: string }>('articles:create', { title: 'T', text: 'Mr. Vale spoke on Monday.' });
    const made = await call<{ id: string }>('annotations:create', { articleId: article.id, start: 0, end: 8, note: 'NOTE-MARK' });
    const { json } = await call<{ json: string }>('export:w3c', { scope: { kind: 'project' } });
    await call('annotations:delete', { articleId: article.id, id: made.id });
    expect(json).toContain('NOTE-MARK');
    const result = await call<{ imported: number; skipped: number; problems: string[] }>('import:w3c', { json: json.replace('NOTE-MARK', 'NOTE-MARK \\ud83d') });
    expect(result.imported).toBe(0);
    expect(result.skipped).toBe(1);
    expect(result.problems.join(' ')).toMatch(/note contains a broken character \(an unpaired surrogate\)/);
    expect((await call<{ annotations: unknown[] }>('articles:get', { id: article.id })).annotations).toEqual([]);
    // The same file without the broken character imports.
    expect(await call('import:w3c', { json })).toMatchObject({ imported: 1 });
  });
});
