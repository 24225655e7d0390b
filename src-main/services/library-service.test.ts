import { describe, expect, it } from 'vitest';
import { openTestProject } from './test-project';
import { snippetOf } from './library-service';


async function library() {
  const { callAs: call } = await openTestProject();
  const add = async (title: string, published: string, text: string, source = 'Test Wire') => call<{ id: string; text: string }>('articles:create', { title, published, text, source });
  const a1 = await add('Harbour talks resume', '2026-10-02', 'The ministers agreed to resume negotiations over the harbour.\nFishing quotas come first.');
  const a2 = await add('Quota dispute widens', '2026-10-05', 'Sellany rejected the quota plan. Negotiators left early.', 'Other Paper');
  const a3 = await add('Weather report', '2026-10-07', 'Rain is expected across the coast.');
  const alm = await call<{ id: string }>('actors:create', { name: 'Petra Alm' });
  const claimIn = async (article: { id: string; text: string }, exact: string, verification = 'unverified') => {
    const start = article.text.indexOf(exact);
    return call<{ id: string }>('annotations:create', { articleId: article.id, start, end: start + exact.length, kind: 'claim', claim: { speakerId: alm.id, form: 'paraphrase', medium: '', reliability: null, credibility: null, verification } });
  };
  return { call, a1, a2, a3, alm, claimIn };
}

describe('search and library views', () => {
  it('finds articles by prefix and with a typo, best match first, with the matched word in a snippet', async () => {
    const { call, a1, a2 } = await library();
    const byPrefix = await call<{ articles: { id: string; snippet: { match: string } | null }[] }>('search:query', { query: 'negotia' });
    expect(byPrefix.articles.map((a) => a.id).sort()).toEqual([a1.id, a2.id].sort());
    expect(byPrefix.articles[0]!.snippet!.match.toLowerCase()).toMatch(/^negotiat/);
    const typo = await call<{ articles: { id: string }[] }>('search:query', { query: 'harbor' });
    expect(typo.articles.map((a) => a.id)).toEqual([a1.id]);
  });

  it('without words, lists the library newest first, counting every article or every one the filters let through beyond the limit', async () => {
    const { call, a1, a2, a3 } = await library();
    const order = (await call<{ id: string }[]>('articles:list', {})).map((a) => a.id);
    expect(order.sort()).toEqual([a1.id, a2.id, a3.id].sort());
    const listed = (await call<{ id: string }[]>('articles:list', {})).map((a) => a.id);
    const all = await call<{ total: number; articles: { id: string }[] }>('search:query', { limit: 2 });
    expect(all.total).toBe(3);
    expect(all.articles.map((a) => a.id)).toEqual(listed.slice(0, 2));
    const wire = await call<{ total: number; articles: { id: string }[] }>('search:query', { limit: 1, filters: { source: 'test wire' } });
    expect(wire.total).toBe(2);
    expect(wire.articles.map((a) => a.id)).toEqual(listed.filter((id) => id !== a2.id).slice(0, 1));
    const none = await call<{ total: number; articles: unknown[] }>('search:query', { limit: 5, filters: { source: 'nowhere' } });
    expect(none).toMatchObject({ total: 0, articles: [] });
  });

  it('combines search with filters on source, dates, speaker and verification', async () => {
    const { call, a1, a2, alm, claimIn } = await library();
    await claimIn(a2, 'Sellany rejected the quota plan', 'contested');
    const bySource = await call<{ articles: { id: string }[] }>('search:query', { query: 'quota', filters: { source: 'other' } });
    expect(bySource.articles.map((a) => a.id)).toEqual([a2.id]);
    const byDate = await call<{ articles: { id: string }[] }>('search:query', { filters: { from: '2026-10-01', to: '2026-10-04' } });
    expect(byDate.articles.map((a) => a.id)).toEqual([a1.id]);
    const bySpeaker = await call<{ articles: { id: string }[] }>('search:query', { filters: { actorId: alm.id, verification: 'contested' } });
    expect(bySpeaker.articles.map((a) => a.id)).toEqual([a2.id]);
  });

  it('finds actors by name or alias and keeps the index current after an edit', async () => {
    const { call, a3 } = await library();
    expect((await call<{ actors: { name: string }[] }>('search:query', { query: 'alm' })).actors.map((a) => a.name)).toEqual(['Petra Alm']);
    await call('articles:update-text', { id: a3.id, text: 'Storm warnings along the coast.' });
    expect((await call<{ articles: unknown[] }>('search:query', { query: 'rain' })).articles).toEqual([]);
    expect((await call<{ articles: { id: string }[] }>('search:query', { query: 'storm' })).articles.map((a) => a.id)).toEqual([a3.id]);
  });

  it('builds a dossier in date order with each claim and mention in context', async () => {
    const { call, a1, a2, alm, claimIn } = await library();
    await claimIn(a2, 'Negotiators left early');
    await claimIn(a1, 'Fishing quotas come first');
    const dossier = await call<{ entries: { articleId: string; paragraph: number; before: string; annotation: { target: { exact: string } } }[] }>('actors:dossier', { actorId: alm.id });
    expect(dossier.entries.map((e) => e.annotation.target.exact)).toEqual(['Fishing quotas come first', 'Negotiators left early']);
    expect(dossier.entries[0]).toMatchObject({ articleId: a1.id, paragraph: 2 });
  });

  it('queues draft and orphaned annotations for review and drops them once reviewed', async () => {
    const { call, a1, claimIn } = await library();
    const claim = await claimIn(a1, 'Fishing quotas come first');
    let queue = await call<{ total: number; drafts: number; items: { annotation: { id: string } }[] }>('review:queue', {});
    expect(queue).toMatchObject({ total: 1, drafts: 1 });
    await call('annotations:update', { articleId: a1.id, id: claim.id, patch: { status: 'reviewed' } });
    queue = await call('review:queue', {});
    expect(queue.total).toBe(0);
    expect((await call<{ total: number; entries: unknown[] }>('claims:table', {})).entries.length).toBe(1);
  });
});

describe('snippetOf', () => {
  it('marks the first word that starts with a matched term, with context', () => {
    const text = 'Officials said renegotiation was off. Negotiations resume in May.';
    expect(snippetOf(text, ['negotiations'])).toMatchObject({ match: 'Negotiations', start: text.indexOf('Negotiations') });
    expect(snippetOf(text, ['absent'])).toBeNull();
  });
});
