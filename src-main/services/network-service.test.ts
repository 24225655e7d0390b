import { describe, expect, it } from 'vitest';
import { at, openTestProject } from './test-project';

const FIRST = 'Valdoria said its troops had left the Kessel valley, and Ostrava knows it.';
const SECOND = 'Ostrava insisted that Valdorian units remained in the Kessel valley.';
const DETAILS = { form: 'direct-quote', medium: 'statement', reliability: null, credibility: null, verification: 'unverified' } as const;

async function setup() {
  const { router, call } = await openTestProject();
  const valdoria = await call('actors:create', { name: 'Valdoria', kind: 'state' });
  const ostrava = await call('actors:create', { name: 'Ostrava', kind: 'state' });
  const first = await call('articles:create', { title: 'Withdrawal', text: FIRST, published: '2026-02-01' });
  const second = await call('articles:create', { title: 'Reply', text: SECOND, published: '2026-02-03' });
  await call('annotations:create', { articleId: first.id, ...at(FIRST, 'Ostrava'), kind: 'actor', actorId: ostrava.id });
  const left = await call('annotations:create', { articleId: first.id, ...at(FIRST, 'its troops had left the Kessel valley, and Ostrava knows it'), kind: 'claim', claim: { ...DETAILS, speakerId: valdoria.id } });
  const remained = await call('annotations:create', { articleId: second.id, ...at(SECOND, 'Valdorian units remained in the Kessel valley'), kind: 'claim', claim: { ...DETAILS, speakerId: ostrava.id, verification: 'contested' } });
  await call('claims:link', { from: { articleId: second.id, annotationId: remained.id }, to: { articleId: first.id, annotationId: left.id }, type: 'contradicts' });
  return { router, call, valdoria, ostrava, left, remained };
}

describe('network', () => {
  it('answers the speakers, the actors their claims mention, and the contradiction', async () => {
    const { call, valdoria, ostrava } = await setup();
    const graph = await call('network:graph', {});
    expect(graph.nodes.map((n) => n.name).sort()).toEqual(['Ostrava', 'Valdoria']);
    expect(graph.edges.map((e) => `${e.type} ${e.source === valdoria.id ? 'V' : 'O'}>${e.target === ostrava.id ? 'O' : 'V'}`).sort()).toEqual(['contradicts O>V', 'mentions V>O']);
  });

  it('lists the claims behind an edge with their articles, under the same filters', async () => {
    const { call, valdoria, ostrava, remained } = await setup();
    const entries = await call('network:edge', { source: ostrava.id, target: valdoria.id, type: 'contradicts' });
    expect(entries.map((e) => [e.articleTitle, e.annotation.id, e.links[0]?.text])).toEqual([['Reply', remained.id, 'its troops had left the Kessel valley, and Ostrava knows it']]);
    expect(await call('network:edge', { source: ostrava.id, target: valdoria.id, type: 'contradicts', filters: { to: '2026-02-02' } })).toEqual([]);
    expect((await call('network:graph', { filters: { verification: 'contested' } })).edges).toEqual([]);
  });

  it('follows every change made after the network was first drawn: new marks, deletions, undo', async () => {
    const { call, valdoria, ostrava, left } = await setup();
    const edges = async () => (await call('network:graph', {})).edges.map((e) => `${e.type} ${e.source === valdoria.id ? 'V' : 'O'}>${e.target === ostrava.id ? 'O' : 'V'}`).sort();
    expect(await edges()).toEqual(['contradicts O>V', 'mentions V>O']);
    // Valdoria is now also marked inside Ostrava's claim: a new mentions edge, from the summaries kept in memory.
    const second = (await call('articles:list', {})).find((a) => a.title === 'Reply')!;
    await call('annotations:create', { articleId: second.id, ...at(SECOND, 'Valdorian'), kind: 'actor', actorId: valdoria.id });
    expect(await edges()).toEqual(['contradicts O>V', 'mentions O>V', 'mentions V>O']);
    await call('annotations:delete', { articleId: left.articleId, id: left.id });
    expect(await edges()).toEqual(['mentions O>V']);
    await call('history:undo', {});
    expect(await edges()).toEqual(['contradicts O>V', 'mentions O>V', 'mentions V>O']);
    const behind = await call('network:edge', { source: ostrava.id, target: valdoria.id, type: 'mentions' });
    expect(behind.map((e) => e.articleTitle)).toEqual(['Reply']);
  });

  it('refuses unknown filter keys and malformed dates', async () => {
    const { router } = await setup();
    expect(await router.handle('network:graph', { filters: { color: 'red' } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await router.handle('network:graph', { filters: { from: '1 May' } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
