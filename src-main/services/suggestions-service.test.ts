import { describe, expect, it } from 'vitest';
import type { SuggestInput, Suggestion } from '../../src-shared/suggest/suggestion';
import { createRouter } from '../api/router';
import { ProjectStore } from '../store/project-store';
import { tempDir } from '../store/test-helpers';
import { createHandlers } from '.';
import { createSuggester, type SuggestEngine } from './suggester';
import { at } from './test-project';

const TEXT = '"We will return to the table," Wang Yi said.\n\nKuleba met Wang Yi in New York.';

/**
 * A fake engine: proposes Wang Yi (matched to the registry when he is there) with both mentions,
 * Kuleba as a new actor, and the quote spoken by Wang Yi. It counts its runs.
 */
function fakeEngine() {
  const calls: SuggestInput[] = [];
  const engine: SuggestEngine = (input) => {
    calls.push(input);
    const { text, actors } = input;
    const wang = actors.find((a) => a.name === 'Wang Yi') ?? null;
    const spans = (phrase: string) => [...text.matchAll(new RegExp(phrase, 'g'))].map((m) => ({ start: m.index, end: m.index + phrase.length, text: phrase }));
    const quote = at(text, 'We will return to the table');
    const result: Suggestion[] = [
      { type: 'actor', key: 'actor:person:wang yi', name: 'Wang Yi', actorKind: 'person', aliases: [], existingActorId: wang?.id ?? null, mentions: spans('Wang Yi') },
      { type: 'actor', key: 'actor:person:kuleba', name: 'Kuleba', actorKind: 'person', aliases: [], existingActorId: null, mentions: spans('Kuleba') },
      { type: 'claim', key: 'claim:table', span: { ...quote, text: 'We will return to the table' }, form: 'direct', medium: null, speaker: { name: 'Wang Yi', existingActorId: wang?.id ?? null, actorKey: 'actor:person:wang yi' }, cue: null },
    ];
    return text.includes('Wang Yi') ? result : [];
  };
  return { engine, calls };
}

async function setup(engine: SuggestEngine = fakeEngine().engine, directory?: string) {
  const dir = directory ?? (await tempDir());
  const store = await ProjectStore.open(dir);
  const router = createRouter(createHandlers(store, () => new Date('2026-03-01T10:00:00Z'), { suggester: createSuggester({ engine }) }), () => undefined);
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await router.handle(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  const fail = async (channel: string, input: unknown) => {
    const result = await router.handle(channel, input);
    if (result.ok) throw new Error(`${channel} should have failed`);
    return result.error;
  };
  return { dir, store, call, fail };
}

type List = { suggestions: Suggestion[]; problem: string | null };
type Article = { article: { id: string; text: string }; annotations: { kind: string; actorId: string | null; claim: { speakerId: string | null; form: string } | null; target: { exact: string } }[] };
type Project = { actors: { id: string; name: string; kind: string }[] };

describe('suggestions', () => {
  it('lists what the engine proposes and writes nothing', async () => {
    const { call } = await setup();
    const article = await call<{ id: string }>('articles:create', { title: 'Talks', text: TEXT });
    const list = await call<List>('suggestions:list', { articleId: article.id });
    expect(list.suggestions.map((s) => s.key)).toEqual(['actor:person:wang yi', 'actor:person:kuleba', 'claim:table']);
    expect((await call<Article>('articles:get', { id: article.id })).annotations).toEqual([]);
    expect(await call('history:state', {})).toEqual({ undo: null, redo: null });
  });

  it('accepts as one undoable step: new actors, mentions, a claim with its speaker', async () => {
    const { call } = await setup();
    const article = await call<{ id: string }>('articles:create', { title: 'Talks', text: TEXT });
    await call('suggestions:list', { articleId: article.id });
    const keys = ['actor:person:wang yi', 'actor:person:kuleba', 'claim:table'];
    expect(await call('suggestions:accept', { articleId: article.id, items: keys.map((key) => ({ key })) })).toEqual({ annotations: 4, actorsCreated: 2 });
    const project = await call<Project>('project:get', {});
    const wang = project.actors.find((a) => a.name === 'Wang Yi')!;
    const { annotations } = await call<Article>('articles:get', { id: article.id });
    expect(annotations.filter((a) => a.kind === 'actor' && a.actorId === wang.id)).toHaveLength(2);
    expect(annotations.find((a) => a.kind === 'claim')).toMatchObject({ target: { exact: 'We will return to the table' }, claim: { speakerId: wang.id, form: 'direct-quote' }, createdBy: { name: 'Analyst' } });
    expect(project.actors.find((a) => a.name === 'Kuleba')).toMatchObject({ kind: 'person', createdBy: { name: 'Analyst' } });
    // Nothing left to propose: everything is annotated.
    expect((await call<List>('suggestions:list', { articleId: article.id })).suggestions).toEqual([]);

    expect(await call('history:state', {})).toMatchObject({ undo: 'Accept 3 suggestions' });
    await call('history:undo', {});
    expect((await call<Article>('articles:get', { id: article.id })).annotations).toEqual([]);
    expect((await call<Project>('project:get', {})).actors).toEqual([]);
    expect((await call<List>('suggestions:list', { articleId: article.id })).suggestions).toHaveLength(3);
  });

  it('takes the analyst’s changes: another speaker, another actor, a kind, no speaker', async () => {
    const { call } = await setup();
    const kuleba = await call<{ id: string }>('actors:create', { name: 'Dmytro Kuleba', kind: 'person' });
    const article = await call<{ id: string }>('articles:create', { title: 'Talks', text: TEXT });
    await call('suggestions:accept', {
      articleId: article.id,
      items: [
        { key: 'claim:table', overrides: { speakerId: kuleba.id, form: 'mixed', medium: 'statement' } },
        { key: 'actor:person:kuleba', overrides: { actorId: kuleba.id } },
        { key: 'actor:person:wang yi', overrides: { actorKind: 'state' } },
      ],
    });
    const { annotations } = await call<Article>('articles:get', { id: article.id });
    expect(annotations.find((a) => a.kind === 'claim')?.claim).toMatchObject({ speakerId: kuleba.id, form: 'paraphrase', medium: 'statement' });
    expect(annotations.find((a) => a.target.exact === 'Kuleba')?.actorId).toBe(kuleba.id);
    const project = await call<Project>('project:get', {});
    expect(project.actors.map((a) => [a.name, a.kind]).sort()).toEqual([['Dmytro Kuleba', 'person'], ['Wang Yi', 'state']]);
  });

  it('creates a proposed speaker even when only the quote is accepted, without marking mentions', async () => {
    const { call } = await setup();
    const article = await call<{ id: string }>('articles:create', { title: 'Talks', text: TEXT });
    await call('suggestions:accept', { articleId: article.id, items: [{ key: 'claim:table' }] });
    const project = await call<Project>('project:get', {});
    expect(project.actors.map((a) => a.name)).toEqual(['Wang Yi']);
    const { annotations } = await call<Article>('articles:get', { id: article.id });
    expect(annotations.map((a) => a.kind)).toEqual(['claim']);
    expect(annotations[0]!.claim!.speakerId).toBe(project.actors[0]!.id);
  });

  it('remembers rejections in the article file, across a restart, and undoes them', async () => {
    const first = await setup();
    const article = await first.call<{ id: string }>('articles:create', { title: 'Talks', text: TEXT });
    expect(await first.call('suggestions:reject', { articleId: article.id, keys: ['claim:table'] })).toEqual({ rejected: 1 });
    expect((await first.call<List>('suggestions:list', { articleId: article.id })).suggestions.map((s) => s.key)).not.toContain('claim:table');
    await first.store.close();

    const second = await setup(fakeEngine().engine, first.dir);
    expect((await second.call<List>('suggestions:list', { articleId: article.id })).suggestions.map((s) => s.key)).toEqual(['actor:person:wang yi', 'actor:person:kuleba']);
    expect(await second.fail('suggestions:accept', { articleId: article.id, items: [{ key: 'claim:table' }] })).toMatchObject({ code: 'conflict' });
    await second.call('suggestions:reject', { articleId: article.id, keys: ['actor:person:kuleba'] });
    await second.call('history:undo', {});
    expect((await second.call<List>('suggestions:list', { articleId: article.id })).suggestions.map((s) => s.key)).toEqual(['actor:person:wang yi', 'actor:person:kuleba']);
    await second.store.close();
  });

  it('does not propose a passage the analyst already annotated', async () => {
    const { call } = await setup();
    const article = await call<{ id: string; text: string }>('articles:create', { title: 'Talks', text: TEXT });
    await call('annotations:create', { articleId: article.id, ...at(article.text, 'We will return to the table'), kind: 'claim', claim: { speakerId: null, form: 'direct-quote', medium: '', reliability: null, credibility: null, verification: 'unverified' } });
    await call('annotations:create', { articleId: article.id, ...at(article.text, 'Kuleba'), kind: 'actor', newActor: { name: 'Kuleba' } });
    const keys = (await call<List>('suggestions:list', { articleId: article.id })).suggestions.map((s) => s.key);
    expect(keys).toEqual(['actor:person:wang yi']);
  });

  it('runs the engine once per text and registry, and again after either changes', async () => {
    const { engine, calls } = fakeEngine();
    const { call } = await setup(engine);
    const article = await call<{ id: string }>('articles:create', { title: 'Talks', text: TEXT });
    await call('suggestions:list', { articleId: article.id });
    await call('suggestions:list', { articleId: article.id });
    expect(calls).toHaveLength(1);
    const wang = await call<{ id: string }>('actors:create', { name: 'Wang Yi', kind: 'person' });
    const list = await call<List>('suggestions:list', { articleId: article.id });
    expect(calls).toHaveLength(2);
    expect(list.suggestions[0]).toMatchObject({ existingActorId: wang.id });
    await call('articles:update-text', { id: article.id, text: `${TEXT}\n\nMore.` });
    await call('suggestions:list', { articleId: article.id });
    expect(calls).toHaveLength(3);
  });

  it('answers a text the engine cannot handle with a problem, not a failure', async () => {
    const { call } = await setup(createSlowEngine());
    const article = await call<{ id: string }>('articles:create', { title: 'Talks', text: TEXT });
    const list = await call<List>('suggestions:list', { articleId: article.id });
    expect(list.suggestions).toEqual([]);
    expect(list.problem).toMatch(/could not be computed.*engine broke/);
  });

  it('runs over the library with progress, and the Review view lists what is pending', async () => {
    const { call } = await setup();
    const a = await call<{ id: string }>('articles:create', { title: 'Talks', text: TEXT });
    await call<{ id: string }>('articles:create', { title: 'Nothing', text: 'No one spoke.' });
    type Job = { jobId: string; total: number; state: string; done: number; articles: number; suggestions: number };
    const started = await call<Job>('suggestions:run', {});
    expect(started.total).toBe(2);
    let job = started;
    for (let i = 0; i < 100 && job.state === 'running'; i++) job = await call('suggestions:job', { jobId: started.jobId });
    expect(job).toMatchObject({ state: 'done', done: 2, articles: 1, suggestions: 3 });
    const pending = await call<{ total: number; items: { articleId: string; before: string; suggestion: Suggestion }[] }>('suggestions:pending', {});
    expect(pending.total).toBe(3);
    expect(pending.items.every((i) => i.articleId === a.id)).toBe(true);
  });

  it('stops a run when cancelled', async () => {
    const { call } = await setup();
    for (let i = 0; i < 30; i++) await call('articles:create', { title: `Talks ${i}`, text: `${TEXT}\n\nPart ${i}.` });
    const started = await call<{ jobId: string }>('suggestions:run', {});
    const cancelled = await call<{ state: string }>('suggestions:cancel', { jobId: started.jobId });
    expect(['running', 'cancelled']).toContain(cancelled.state);
    let job = { state: 'running', done: 0 };
    for (let i = 0; i < 1000 && job.state === 'running'; i++) job = await call('suggestions:job', { jobId: started.jobId });
    expect(job.state).toBe('cancelled');
    expect(job.done).toBeLessThan(30);
  });
});

/** An engine that throws: the worker's failure reaches the list as a problem. */
function createSlowEngine(): SuggestEngine {
  return () => {
    throw new Error('engine broke');
  };
}
