import { describe, expect, it } from 'vitest';
import { at, openTestProject } from './test-project';

const TEXT = 'Foreign Minister Arno Veldt said the ceasefire would hold until spring.\n\nThe ministry of Ostrava later denied that any ceasefire had been agreed.';
const CLAIM = { form: 'paraphrase', medium: 'statement', credibility: 3, verification: 'unverified' } as const;

/** Two analysts code one article through the API, switching the current analyst as Settings would. */
async function coded() {
  let name = 'Ana Ruiz';
  const project = await openTestProject(() => new Date('2026-12-02T14:00:00Z'), { author: () => ({ name }) });
  const { call } = project;
  const as = (next: string) => (name = next);
  const veldt = await call('actors:create', { name: 'Arno Veldt', kind: 'person' });
  const ministry = await call('actors:create', { name: 'Ostrava ministry', kind: 'organization' });
  const article = await call('articles:create', { title: 'Truce', text: TEXT });
  const other = await call('articles:create', { title: 'Uncoded', text: 'Nothing here was coded by anyone.' });

  as('Ana Ruiz');
  await call('annotations:create', { articleId: article.id, ...at(TEXT, 'Arno Veldt'), kind: 'actor', actorId: veldt.id });
  const anaClaim = await call('annotations:create', { articleId: article.id, ...at(TEXT, 'the ceasefire would hold until spring'), kind: 'claim', claim: { ...CLAIM, speakerId: veldt.id, reliability: 'B' } });
  as('Ben Okafor');
  await call('annotations:create', { articleId: article.id, ...at(TEXT, 'Arno Veldt'), kind: 'actor', actorId: veldt.id });
  const benClaim = await call('annotations:create', { articleId: article.id, ...at(TEXT, 'the ceasefire would hold'), kind: 'claim', claim: { ...CLAIM, speakerId: veldt.id, reliability: 'D' } });
  const benOnly = await call('annotations:create', { articleId: article.id, ...at(TEXT, 'denied that any ceasefire had been agreed'), kind: 'claim', claim: { ...CLAIM, speakerId: ministry.id, reliability: 'C' } });
  return { ...project, as, article, other, anaClaim, benClaim, benOnly };
}

describe('agreement', () => {
  it('lists the analysts of the chosen articles, with assigned ones who have not coded yet', async () => {
    const { call, article } = await coded();
    await call('articles:update', { id: article.id, patch: { assignedTo: ['Ana Ruiz', 'Ben Okafor', 'Chen Wei'] } });
    expect(await call('agreement:analysts', { articleIds: [article.id] })).toEqual([
      { name: 'Ana Ruiz', annotations: 2, articles: 1 },
      { name: 'Ben Okafor', annotations: 3, articles: 1 },
      { name: 'Chen Wei', annotations: 0, articles: 0 },
    ]);
  });

  it('computes figures per article and overall, with readings', async () => {
    const { call, article, other } = await coded();
    const report = await call('agreement:compute', { articleIds: [article.id, other.id], analysts: ['Ana Ruiz', 'Ben Okafor'] });
    const overall = new Map(report.overall.map((f) => [f.measure, f]));
    // Both marked "Arno Veldt" exactly and named the same actor.
    expect(overall.get('where-actor')!.alpha).toBe(1);
    expect(overall.get('actor')!.units).toBe(1);
    // Ben marked a claim Ana did not, and a shorter passage for the shared one.
    expect(overall.get('where-claim')!.alpha).toBeLessThan(0.667);
    expect(overall.get('where-claim')!.reading).toBe('Below 0.667: do not rely on these codes');
    // One matched claim: B against D. With one unit alpha has no variation to compare against.
    expect(overall.get('reliability')!.units).toBe(1);
    expect(report.perArticle.filter((f) => f.articleId === other.id).every((f) => f.alpha === null && f.level === 'no-data')).toBe(true);
  });

  it('exports CSV and Markdown', async () => {
    const { call, article } = await coded();
    const csv = await call('agreement:export', { articleIds: [article.id], analysts: ['Ana Ruiz', 'Ben Okafor'], format: 'csv' });
    expect(csv.fileName).toBe('agreement-2026-12-02.csv');
    expect(csv.content).toContain('Overall,,Where: actor mentions,unitizing (uα),1,2,Reliable (α ≥ 0.800),Ana Ruiz; Ben Okafor');
    const md = await call('agreement:export', { articleIds: [article.id], analysts: ['Ana Ruiz', 'Ben Okafor'], format: 'markdown' });
    expect(md.content).toContain('## Intercoder agreement');
    expect(md.content).toContain('### Truce');
  });

  it('refuses one analyst, a repeated one, and an unknown article', async () => {
    const { router, article } = await coded();
    expect(await router.handle('agreement:compute', { articleIds: [article.id], analysts: ['Ana Ruiz'] })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await router.handle('agreement:compute', { articleIds: [article.id], analysts: ['Ana Ruiz', 'Ana Ruiz'] })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await router.handle('agreement:compute', { articleIds: ['no-such-article'], analysts: ['Ana Ruiz', 'Ben Okafor'] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('curates: disagreements first; accepted and merged versions become the agreed set, analysts untouched, undoable', async () => {
    const { call, as, article, anaClaim, benClaim } = await coded();
    const analysts = ['Ana Ruiz', 'Ben Okafor'];
    const before = await call('articles:get', { id: article.id });
    const curation = await call('agreement:curation', { articleId: article.id, analysts });
    expect(curation.units.map((u) => u.differences)).toEqual([['Passage', 'Reliability'], ['Not marked by Ana Ruiz'], []]);

    as('Chen Wei');
    // Ana's passage with Ben's grade.
    const { created } = await call('agreement:curate', { articleId: article.id, items: [{ spanFrom: anaClaim.id, valuesFrom: benClaim.id }] });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ curated: true, status: 'reviewed', target: anaClaim.target, claim: { reliability: 'D', links: [] }, createdBy: { name: 'Chen Wei' } });

    const after = await call('articles:get', { id: article.id });
    expect(after.annotations.filter((a) => !a.curated)).toEqual(before.annotations);
    // The agreed set is nobody's coding: it does not count as Chen's in agreement.
    expect((await call('agreement:analysts', { articleIds: [article.id] })).map((a) => a.name)).toEqual(['Ana Ruiz', 'Ben Okafor']);
    expect((await call('agreement:curation', { articleId: article.id, analysts })).curated.map((c) => c.id)).toEqual([created[0]!.id]);

    await call('history:undo', {});
    expect((await call('articles:get', { id: article.id })).annotations).toEqual(before.annotations);
  });

  it('refuses to curate from the agreed set or across kinds', async () => {
    const { router, call, article, anaClaim } = await coded();
    const mention = (await call('articles:get', { id: article.id })).annotations.find((a) => a.kind === 'actor')!;
    expect(await router.handle('agreement:curate', { articleId: article.id, items: [{ spanFrom: mention.id, valuesFrom: anaClaim.id }] })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const { created } = await call('agreement:curate', { articleId: article.id, items: [{ spanFrom: anaClaim.id }] });
    expect(await router.handle('agreement:curate', { articleId: article.id, items: [{ spanFrom: created[0]!.id }] })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
