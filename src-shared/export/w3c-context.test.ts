import { describe, expect, it } from 'vitest';
import { describeRange } from '../anchoring/quote-selector';
import type { Annotation } from '../domain/annotation';
import type { Article } from '../domain/article';
import { toW3C } from './w3c-export';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const stamp = '2026-05-01T00:00:00.000Z';
// 31 code units, then an emoji, then the passage: 32 units of prefix would begin inside the emoji.
const TEXT = `Crowds chanted 🎉${' outside the ministry all day..'}minister resigned${' late on Friday, said witnesses'}😮 and more.`;

function exportedSelector(target: Annotation['target']) {
  const article: Article = { id: '00000000-0000-4000-8000-000000000001', title: 'T', source: '', url: '', published: '', text: TEXT, status: 'todo', note: '', createdAt: stamp, updatedAt: stamp };
  const annotation: Annotation = { id: '00000000-0000-4000-8000-000000000002', articleId: article.id, kind: 'highlight', target, tags: [], note: '', status: 'draft', actorId: null, claim: null, anchor: 'anchored', createdAt: stamp, updatedAt: stamp };
  const collection = toW3C({ projectName: 'P', actors: [], tags: [], articles: [{ article, annotations: [annotation] }], generatedAt: stamp });
  return collection.first.items[0]!.target.selector[0] as { prefix: string; suffix: string };
}

describe('W3C quote selector context', () => {
  it('is cut at code points for new annotations, with an emoji at each cut', () => {
    const start = TEXT.indexOf('minister');
    const end = start + 'minister resigned'.length;
    // Make sure the test really puts a surrogate pair across both 32-unit cuts.
    expect(TEXT.charCodeAt(start - 32)).toBeGreaterThanOrEqual(0xdc00);
    expect(TEXT.charCodeAt(end + 31)).toBeLessThan(0xdc00);
    expect(TEXT.charCodeAt(end + 31)).toBeGreaterThanOrEqual(0xd800);
    const selector = exportedSelector(describeRange(TEXT, start, end));
    expect(selector.prefix).not.toMatch(LONE_SURROGATE);
    expect(selector.suffix).not.toMatch(LONE_SURROGATE);
    expect(TEXT.slice(0, start).endsWith(selector.prefix)).toBe(true);
  });

  it('mends context stored by older versions that ends in half a surrogate pair', () => {
    const start = TEXT.indexOf('minister');
    const end = start + 'minister resigned'.length;
    const old = { start, end, exact: TEXT.slice(start, end), prefix: TEXT.slice(start - 32, start), suffix: TEXT.slice(end, end + 32) };
    expect(old.prefix).toMatch(LONE_SURROGATE);
    const selector = exportedSelector(old);
    expect(selector.prefix).not.toMatch(LONE_SURROGATE);
    expect(selector.suffix).not.toMatch(LONE_SURROGATE);
  });
});
