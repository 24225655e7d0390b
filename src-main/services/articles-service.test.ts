import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '../../src-shared/contract';
import { createRouter } from '../api/router';
import { ProjectStore } from '../store/project-store';
import { tempDir } from '../store/test-helpers';
import { createHandlers } from '.';

const stores: ProjectStore[] = [];
afterEach(async () => Promise.all(stores.splice(0).map((s) => s.close())));

const ORIGINAL =
  'The Valdorian cabinet approved the new fishing quota on Tuesday.\n\nMinister Ines Marrow said the quota would protect coastal villages from foreign trawlers.\n\nOstrava has not yet responded.';
const CLAIM = { speakerId: null, form: 'paraphrase', medium: 'press conference', reliability: null, credibility: null, verification: 'unverified' } as const;

function at(text: string, phrase: string) {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  return { start, end: start + phrase.length };
}

async function setup() {
  const store = await ProjectStore.open(await tempDir());
  stores.push(store);
  let clock = Date.parse('2026-03-01T10:00:00Z');
  const router = createRouter(createHandlers(store, () => new Date((clock += 1000))), () => undefined);
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await router.handle(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
    return result.value as ChannelOutput<C>;
  };
  const article = await call('articles:create', { title: 'Fishing quota', source: 'Valdoria Wire', text: ORIGINAL });
  const quote = await call('annotations:create', { articleId: article.id, ...at(ORIGINAL, 'protect coastal villages from foreign trawlers') });
  const get = () => call('articles:get', { id: article.id });
  const summary = async () => (await call('articles:list', {})).find((s) => s.id === article.id);
  return { router, call, article, quote, get, summary };
}

describe('articles:update', () => {
  it('changes status and note, and refuses an empty title', async () => {
    const { router, call, article, get } = await setup();
    const updated = await call('articles:update', { id: article.id, patch: { status: 'in-progress' } });
    expect(updated).toMatchObject({ status: 'in-progress', title: 'Fishing quota', source: 'Valdoria Wire' });
    expect(updated.updatedAt > article.updatedAt).toBe(true);
    expect(await call('history:state', {})).toMatchObject({ undo: 'Change article status' });
    await call('articles:update', { id: article.id, patch: { note: 'Compare with the 2025 quota.', title: '  Quota approved  ' } });
    expect(await call('history:state', {})).toMatchObject({ undo: 'Edit article details' });
    for (const title of ['', '   ']) {
      const result = await router.handle('articles:update', { id: article.id, patch: { title } });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('Title is empty') } });
    }
    expect((await get()).article).toMatchObject({ title: 'Quota approved', note: 'Compare with the 2025 quota.', status: 'in-progress' });
    expect(await router.handle('articles:update', { id: 'no-such-article', patch: { status: 'done' } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('articles:update of language, direction and byline', () => {
  it('detects the language at creation, changes it and the direction, and undo puts them back', async () => {
    const { router, call, article, get } = await setup();
    expect(article).toMatchObject({ language: 'en', direction: 'ltr' });

    await call('articles:update', { id: article.id, patch: { language: 'ar-EG', direction: 'rtl' } });
    expect(await call('history:state', {})).toMatchObject({ undo: 'Change article language' });
    expect((await get()).article).toMatchObject({ language: 'ar-EG', direction: 'rtl' });

    // 'auto' stores no direction: each paragraph then runs the way its letters do.
    await call('articles:update', { id: article.id, patch: { direction: 'auto' } });
    expect((await get()).article).not.toHaveProperty('direction');
    await call('history:undo', {});
    expect((await get()).article).toMatchObject({ language: 'ar-EG', direction: 'rtl' });
    await call('history:undo', {});
    expect((await get()).article).toMatchObject({ language: 'en', direction: 'ltr' });

    await call('articles:update', { id: article.id, patch: { byline: '  Lena Marsh, Port Aurel ' } });
    expect(await call('history:state', {})).toMatchObject({ undo: 'Edit byline' });
    expect((await get()).article.byline).toBe('Lena Marsh, Port Aurel');

    for (const language of ['Arabic', 'a', 'en GB', 'x'.repeat(40)]) {
      const result = await router.handle('articles:update', { id: article.id, patch: { language } });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(await router.handle('articles:update', { id: article.id, patch: { direction: 'up' } as never })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await get()).article).toMatchObject({ language: 'en', direction: 'ltr', byline: 'Lena Marsh, Port Aurel' });
  });
});

describe('articles:update-text', () => {
  it('canonicalises the new text and refuses an empty one', async () => {
    const { router, call, article, get } = await setup();
    const result = await call('articles:update-text', { id: article.id, text: `  ${ORIGINAL.replace(/\n\n/g, '\r\n')}\t \r\n\r\n` });
    expect(result.article.text).toBe(ORIGINAL);
    expect(result.orphaned).toBe(0);
    const empty = await router.handle('articles:update-text', { id: article.id, text: ' \n\t\r\n ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await get()).article.text).toBe(ORIGINAL);
  });

  it('re-anchors an annotation after an edit before it', async () => {
    const { call, article, quote } = await setup();
    const edited = ORIGINAL.replace('on Tuesday.', 'on Tuesday after a long debate in parliament.');
    const result = await call('articles:update-text', { id: article.id, text: edited });
    expect(result.orphaned).toBe(0);
    const moved = result.annotations.find((a) => a.id === quote.id);
    expect(moved?.anchor).toBe('anchored');
    expect(moved?.target).toMatchObject({ ...at(edited, 'protect coastal villages from foreign trawlers'), exact: quote.target.exact });
    expect(moved!.target.start).toBeGreaterThan(quote.target.start);
    expect(edited.slice(moved!.target.start, moved!.target.end)).toBe(quote.target.exact);
  });

  it('orphans an annotation whose passage was removed, counts it once, and undo restores text and anchors', async () => {
    const { call, article, quote, get, summary } = await setup();
    const kept = await call('annotations:create', { articleId: article.id, ...at(ORIGINAL, 'Ostrava has not yet responded') });
    const shortened = ORIGINAL.replace(/Minister Ines Marrow said[^\n]+\n\n/, '');
    const result = await call('articles:update-text', { id: article.id, text: shortened });
    expect(result.orphaned).toBe(1);
    const orphan = result.annotations.find((a) => a.id === quote.id);
    expect(orphan).toMatchObject({ anchor: 'orphan', target: { exact: quote.target.exact, prefix: quote.target.prefix } });
    expect(result.annotations.find((a) => a.id === kept.id)).toMatchObject({ anchor: 'anchored', target: at(shortened, 'Ostrava has not yet responded') });
    expect((await summary())?.orphanCount).toBe(1);

    // Already an orphan: a second edit does not count it again.
    const again = await call('articles:update-text', { id: article.id, text: `${shortened}\n\nA spokesman declined to comment.` });
    expect(again.orphaned).toBe(0);

    // Undo both edits: the text and every anchor are as before.
    await call('history:undo', {});
    expect(await call('history:undo', {})).toMatchObject({ label: 'Edit article text', articleIds: [article.id] });
    const restored = await get();
    expect(restored.article.text).toBe(ORIGINAL);
    expect(restored.annotations.find((a) => a.id === quote.id)).toEqual(quote);
    expect(restored.annotations.find((a) => a.id === kept.id)).toEqual(kept);
    expect((await summary())?.orphanCount).toBe(0);
  });
});

describe('annotations:update and annotations:reattach', () => {
  it('changes status, tags and note; tags must exist', async () => {
    const { router, call, article, quote, get } = await setup();
    const fisheries = await call('tags:create', { name: 'Fisheries' });
    const updated = await call('annotations:update', { articleId: article.id, id: quote.id, patch: { status: 'reviewed', tags: [fisheries.id, fisheries.id], note: 'Echoes the 2025 speech.' } });
    expect(updated).toMatchObject({ status: 'reviewed', tags: [fisheries.id], note: 'Echoes the 2025 speech.', kind: 'highlight' });
    const missing = await router.handle('annotations:update', { articleId: article.id, id: quote.id, patch: { tags: ['no-such-tag'] } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await get()).annotations[0]?.tags).toEqual([fisheries.id]);
    const gone = await router.handle('annotations:update', { articleId: article.id, id: 'no-such-annotation', patch: { note: 'x' } });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('accepts claim details only on claims, keeping their links', async () => {
    const { router, call, article, quote } = await setup();
    const onHighlight = await router.handle('annotations:update', { articleId: article.id, id: quote.id, patch: { claim: CLAIM } });
    expect(onHighlight).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('Only claims') } });
    const first = await call('annotations:create', { articleId: article.id, ...at(ORIGINAL, 'approved the new fishing quota'), kind: 'claim', claim: CLAIM });
    const second = await call('annotations:create', { articleId: article.id, ...at(ORIGINAL, 'Ostrava has not yet responded'), kind: 'claim', claim: CLAIM });
    await call('claims:link', { from: { articleId: article.id, annotationId: second.id }, to: { articleId: article.id, annotationId: first.id }, type: 'supports' });
    const updated = await call('annotations:update', { articleId: article.id, id: first.id, patch: { claim: { ...CLAIM, verification: 'corroborated', reliability: 'A', credibility: 1 } } });
    expect(updated.claim).toMatchObject({ verification: 'corroborated', reliability: 'A', credibility: 1 });
    expect(updated.claim?.links).toEqual([{ articleId: article.id, annotationId: second.id, type: 'supports', direction: 'in' }]);
  });

  it('re-attaches an orphan to a new passage', async () => {
    const { router, call, article, quote, summary } = await setup();
    const corrected = ORIGINAL.replace(/Minister Ines Marrow said[^\n]+/, 'Minister Ines Marrow said the quota shields fishing towns from trawlers based abroad.');
    await call('articles:update-text', { id: article.id, text: corrected });
    expect((await summary())?.orphanCount).toBe(1);
    const outside = await router.handle('annotations:reattach', { articleId: article.id, id: quote.id, start: corrected.length, end: corrected.length + 4 });
    expect(outside).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const reattached = await call('annotations:reattach', { articleId: article.id, id: quote.id, ...at(corrected, 'shields fishing towns from trawlers based abroad') });
    expect(reattached).toMatchObject({ id: quote.id, anchor: 'anchored', target: at(corrected, 'shields fishing towns from trawlers based abroad') });
    expect(corrected.slice(reattached.target.start, reattached.target.end)).toBe(reattached.target.exact);
    expect((await summary())?.orphanCount).toBe(0);
    expect(await call('history:state', {})).toMatchObject({ undo: 'Re-attach annotation' });
  });
});
