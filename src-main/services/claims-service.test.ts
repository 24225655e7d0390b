import { describe, expect, it } from 'vitest';
import { at, openTestProject } from './test-project';


const CLAIM_TEXT = 'Valdoria said its troops had left the Kessel valley by Friday.\n\nThe defence ministry called the withdrawal complete.';
const REPLY_TEXT = 'Ostrava insisted that Valdorian units remained in the Kessel valley.\n\nSatellite images showed trucks near the border on Saturday.';
const DETAILS = { speakerId: null, form: 'direct-quote', medium: 'statement', reliability: 'C', credibility: 4, verification: 'contested' } as const;


async function setup() {
  const { router, call } = await openTestProject(() => new Date('2026-03-01T10:00:00Z'));
  const valdoria = await call('actors:create', { name: 'Valdoria', kind: 'state' });
  const first = await call('articles:create', { title: 'Withdrawal', text: CLAIM_TEXT });
  const second = await call('articles:create', { title: 'Reply', text: REPLY_TEXT });
  const claimIn = async (article: { id: string; text: string }, phrase: string, speakerId: string | null = null) => {
    const created = await call('annotations:create', { articleId: article.id, ...at(article.text, phrase), kind: 'claim', claim: { ...DETAILS, speakerId } });
    return { articleId: article.id, annotationId: created.id };
  };
  const withdrawn = await claimIn(first, 'its troops had left the Kessel valley', valdoria.id);
  const complete = await claimIn(first, 'called the withdrawal complete');
  const remained = await claimIn(second, 'Valdorian units remained in the Kessel valley');
  const linksOf = async (ref: { articleId: string; annotationId: string }) => {
    const { annotations } = await call('articles:get', { id: ref.articleId });
    return annotations.find((a) => a.id === ref.annotationId)?.claim?.links;
  };
  return { router, call, valdoria, first, second, withdrawn, complete, remained, linksOf };
}

describe('claims', () => {
  it('stores a link on both claims, across articles', async () => {
    const { call, withdrawn, remained, linksOf } = await setup();
    expect(await call('claims:link', { from: remained, to: withdrawn, type: 'contradicts' })).toEqual({ linked: true });
    expect(await linksOf(remained)).toEqual([{ ...withdrawn, type: 'contradicts', direction: 'out' }]);
    expect(await linksOf(withdrawn)).toEqual([{ ...remained, type: 'contradicts', direction: 'in' }]);
    expect(await call('history:state', {})).toMatchObject({ undo: 'Link claims (contradicts)' });
  });

  it('replaces the type when the same pair is linked again', async () => {
    const { call, withdrawn, remained, linksOf } = await setup();
    await call('claims:link', { from: remained, to: withdrawn, type: 'contradicts' });
    await call('claims:link', { from: remained, to: withdrawn, type: 'repeats' });
    expect(await linksOf(remained)).toEqual([{ ...withdrawn, type: 'repeats', direction: 'out' }]);
    expect(await linksOf(withdrawn)).toEqual([{ ...remained, type: 'repeats', direction: 'in' }]);
  });

  it('refuses to link a claim to itself or to an annotation that is not a claim', async () => {
    const { router, call, first, withdrawn, complete, linksOf } = await setup();
    const self = await router.handle('claims:link', { from: withdrawn, to: withdrawn, type: 'supports' });
    expect(self).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const highlight = await call('annotations:create', { articleId: first.id, ...at(first.text, 'by Friday') });
    const ref = { articleId: first.id, annotationId: highlight.id };
    for (const [from, to] of [
      [withdrawn, ref],
      [ref, complete],
    ]) {
      const result = await router.handle('claims:link', { from, to, type: 'supports' });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('Only claims') } });
    }
    expect(await linksOf(withdrawn)).toEqual([]);
    expect(await linksOf(complete)).toEqual([]);
    const missing = await router.handle('claims:link', { from: withdrawn, to: { articleId: first.id, annotationId: 'no-such-claim' }, type: 'supports' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('unlinks both ends, and reports when there was nothing to unlink', async () => {
    const { call, withdrawn, complete, remained, linksOf } = await setup();
    await call('claims:link', { from: complete, to: withdrawn, type: 'supports' });
    await call('claims:link', { from: remained, to: withdrawn, type: 'contradicts' });
    expect(await call('claims:unlink', { from: withdrawn, to: complete })).toEqual({ unlinked: true });
    expect(await linksOf(complete)).toEqual([]);
    expect(await linksOf(withdrawn)).toEqual([{ ...remained, type: 'contradicts', direction: 'in' }]);
    expect(await call('claims:unlink', { from: complete, to: withdrawn })).toEqual({ unlinked: false });
  });

  it('removes the other ends of its links when a linked claim is deleted', async () => {
    const { call, withdrawn, complete, remained, linksOf } = await setup();
    await call('claims:link', { from: complete, to: withdrawn, type: 'supports' });
    await call('claims:link', { from: remained, to: withdrawn, type: 'contradicts' });
    await call('claims:link', { from: remained, to: complete, type: 'contradicts' });
    await call('annotations:delete', { articleId: withdrawn.articleId, id: withdrawn.annotationId });
    expect(await linksOf(complete)).toEqual([{ ...remained, type: 'contradicts', direction: 'in' }]);
    expect(await linksOf(remained)).toEqual([{ ...complete, type: 'contradicts', direction: 'out' }]);
    expect(await linksOf(withdrawn)).toBeUndefined();
  });

  it('lists every claim in the library with its article and speaker', async () => {
    const { call, first, valdoria, withdrawn, complete, remained } = await setup();
    await call('annotations:create', { articleId: first.id, ...at(first.text, 'by Friday') });
    const list = await call('claims:list', {});
    const byId = (id: string) => list.find((c) => c.annotationId === id);
    expect(list).toHaveLength(3);
    expect(byId(withdrawn.annotationId)).toEqual({
      ...withdrawn,
      articleTitle: 'Withdrawal',
      exact: 'its troops had left the Kessel valley',
      speakerId: valdoria.id,
    });
    expect(byId(complete.annotationId)).toMatchObject({ articleTitle: 'Withdrawal', speakerId: null });
    expect(byId(remained.annotationId)).toMatchObject({ ...remained, articleTitle: 'Reply', exact: 'Valdorian units remained in the Kessel valley' });
  });
});
