import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedSampleProject } from '../app/sample-project';
import { openTestProject } from './test-project';


async function open() {
  const { store, router, callAs: call } = await openTestProject(() => new Date('2026-11-01T10:00:00Z'));
  return { store, router, call };
}

async function snapshot(call: <T>(channel: string, input: unknown) => Promise<T>) {
  const project = await call<Record<string, unknown>>('project:get', {});
  const list = await call<{ id: string }[]>('articles:list', {});
  const articles = [];
  for (const { id } of list) articles.push(await call('articles:get', { id }));
  return { project, list, articles };
}

describe('project file', () => {
  it('re-imports into an empty project losslessly (articles, annotations, actors, tags, notes, links)', async () => {
    const source = await open();
    await seedSampleProject(source.router);
    const [first] = await source.call<{ id: string }[]>('articles:list', {});
    const claims = await source.call<{ articleId: string; annotationId: string }[]>('claims:list', {});
    // claims:list rows carry more than a reference; the channel takes the reference alone.
    const ref = (c: { articleId: string; annotationId: string }) => ({ articleId: c.articleId, annotationId: c.annotationId });
    await source.call('claims:link', { from: ref(claims[0]!), to: ref(claims[1]!), type: 'contradicts' });
    await source.call('project:update-notes', { notes: 'Scope: *the* valley.' });
    await source.call('articles:update', { id: first!.id, patch: { note: 'Check the date.', status: 'done' } });
    const before = await snapshot(source.call);
    const { json } = await source.call<{ json: string }>('project:export', {});

    const target = await open();
    const counts = await target.call<{ articles: number; annotations: number }>('project:import', { json });
    expect(counts.articles).toBe(1);
    const after = await snapshot(target.call);
    expect(after).toEqual(before);
  });

  it('refuses to import into a project that has content, and changes nothing', async () => {
    const source = await open();
    await seedSampleProject(source.router);
    const { json } = await source.call<{ json: string }>('project:export', {});
    const result = await source.router.handle('project:import', { json });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it.each([
    ['not JSON', '{"kind": "analyst-workbench-project", ', /not valid JSON/],
    ['a foreign file', JSON.stringify({ type: 'AnnotationCollection' }), /not an Analyst Workbench project file/],
    ['a newer format', JSON.stringify({ kind: 'analyst-workbench-project', schemaVersion: 9 }), /newer version/],
  ])('refuses %s with a message naming the problem, writing nothing', async (_name, json, message) => {
    const target = await open();
    const dir = target.store.directory;
    const before = await readdir(join(dir, 'articles'));
    const result = await target.router.handle('project:import', { json });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(message) } });
    expect(await readdir(join(dir, 'articles'))).toEqual(before);
  });

  it('refuses a damaged file whose annotation no longer matches its text, writing nothing', async () => {
    const source = await open();
    await seedSampleProject(source.router);
    const { json } = await source.call<{ json: string }>('project:export', {});
    const damaged = JSON.parse(json);
    damaged.articles[0].annotations[0].target.exact = 'something else entirely';
    const target = await open();
    const dir = target.store.directory;
    const result = await target.router.handle('project:import', { json: JSON.stringify(damaged) });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/does not match its article's text/) } });
    expect(await readdir(join(dir, 'articles'))).toEqual([]);
    expect((await target.call<{ actors: unknown[] }>('project:get', {})).actors).toEqual([]);
  });
});
