import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../api/router';
import { ProjectStore } from '../store/project-store';
import { seedSampleProject } from '../app/sample-project';
import { tempDir } from '../store/test-helpers';
import { createHandlers } from '.';
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

  it('restores the export of a project that had damage reported (an article set aside, project.json rebuilt)', async () => {
    const dir = await tempDir();
    let store = await ProjectStore.open(dir);
    let router = createRouter(createHandlers(store), () => undefined);
    await seedSampleProject(router);
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const result = await router.handle(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value as T;
    };
    const created = await call<{ id: string }>('articles:create', { title: 'Second', text: 'The minister spoke again.' });
    const claims = await call<{ articleId: string; annotationId: string }[]>('claims:list', {});
    const { actors, tags } = await call<{ actors: { id: string }[]; tags: { id: string }[] }>('project:get', {});
    const claim = { speakerId: actors[0]!.id, form: 'paraphrase', medium: 'speech', reliability: null, credibility: null, verification: 'unverified' };
    const second = await call<{ id: string }>('annotations:create', { articleId: created.id, start: 4, end: 12, kind: 'claim', claim, tags: tags.slice(0, 1).map((t) => t.id) });
    await call('claims:link', { from: { articleId: claims[0]!.articleId, annotationId: claims[0]!.annotationId }, to: { articleId: created.id, annotationId: second.id }, type: 'supports' });
    await store.close();
    // Damage: the linked article and the registry become unreadable.
    await writeFile(join(dir, 'articles', `${claims[0]!.articleId}.json`), '{"schemaVersion": 1, "art');
    await writeFile(join(dir, 'project.json'), 'garbage');
    store = await ProjectStore.open(dir);
    await store.verified;
    router = createRouter(createHandlers(store), () => undefined);
    expect(store.problems.map((p) => p.file).sort()).toEqual(['articles/' + claims[0]!.articleId + '.json', 'project.json'].sort());
    const { json } = await call<{ json: string }>('project:export', {});
    await store.close();

    const target = await open();
    const counts = await target.call<{ articles: number }>('project:import', { json });
    expect(counts.articles).toBe(1);
    const restored = await target.call<{ article: { title: string }; annotations: { claim: { speakerId: string } }[] }>('articles:get', { id: created.id });
    expect(restored.article.title).toBe('Second');
    const registry = await target.call<{ actors: { id: string; name: string }[] }>('project:get', {});
    expect(registry.actors).toContainEqual(expect.objectContaining({ id: restored.annotations[0]!.claim.speakerId, name: expect.stringMatching(/^Recovered actor/) }));
  });

  it('refuses a second restore while one runs; the first completes whole', async () => {
    const source = await open();
    await seedSampleProject(source.router);
    const { json } = await source.call<{ json: string }>('project:export', {});
    const target = await open();
    const [first, second] = await Promise.all([target.router.handle('project:import', { json }), target.router.handle('project:import', { json })]);
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/already being restored/) } });
    expect(await target.call<unknown[]>('articles:list', {})).toHaveLength(1);
  });
});
