import { afterEach, describe, expect, it } from 'vitest';
import { createRouter } from '../api/router';
import { ProjectStore } from '../store/project-store';
import { tempDir } from '../store/test-helpers';
import { createHandlers } from '.';

const stores: ProjectStore[] = [];
afterEach(async () => Promise.all(stores.splice(0).map((s) => s.close())));

async function withArticle(text: string) {
  const store = await ProjectStore.open(await tempDir());
  stores.push(store);
  const router = createRouter(createHandlers(store, () => new Date('2026-03-01T10:00:00Z')), () => undefined);
  const created = await router.handle('articles:create', { title: 'T', text });
  if (!created.ok) throw new Error(created.error.message);
  return { router, article: created.value as { id: string; text: string } };
}

describe('annotations', () => {
  it('stores both selectors, derived from the stored text', async () => {
    const { router, article } = await withArticle('Alpha beta gamma delta.');
    const result = await router.handle('annotations:create', { articleId: article.id, start: 6, end: 10 });
    expect(result).toMatchObject({
      ok: true,
      value: { kind: 'highlight', status: 'draft', target: { start: 6, end: 10, exact: 'beta', prefix: 'Alpha ', suffix: ' gamma delta.' } },
    });
  });

  it('refuses a range outside the text, a white-space-only range and half of a surrogate pair', async () => {
    const { router, article } = await withArticle('Flags 🇺🇳 and words.');
    const cases = [
      { start: 0, end: 999 },
      { start: 5, end: 6 },
      { start: 7, end: 8 },
      { start: 4, end: 3 },
    ];
    for (const range of cases) {
      const result = await router.handle('annotations:create', { articleId: article.id, ...range });
      expect(result.ok, JSON.stringify(range)).toBe(false);
    }
  });

  it('refuses a selection made on a stale copy of the text', async () => {
    const { router, article } = await withArticle('Alpha beta gamma.');
    const result = await router.handle('annotations:create', { articleId: article.id, start: 0, end: 5, exact: 'Omega' });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('deletes an annotation once, then reports it gone', async () => {
    const { router, article } = await withArticle('Alpha beta gamma.');
    const created = await router.handle('annotations:create', { articleId: article.id, start: 0, end: 5 });
    const id = (created as { value: { id: string } }).value.id;
    expect(await router.handle('annotations:delete', { articleId: article.id, id })).toEqual({ ok: true, value: { id } });
    expect(await router.handle('annotations:delete', { articleId: article.id, id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('answers not-found for an unknown article', async () => {
    const { router } = await withArticle('Alpha.');
    const result = await router.handle('annotations:create', { articleId: 'no-such-article', start: 0, end: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
