import { describe, expect, it } from 'vitest';
import { at, openTestProject } from './test-project';

// The article starts with an emoji: an orphan's stored offsets are [0, 1), which here is half of
// it. Every export must show the orphan as orphaned, with the words it last had, and never
// quote the current text at its offsets.
const ORIGINAL = '🗳️ Mr. Vale said the tax cut would pay for itself within two years.\n\nFew economists at the institute believe it.';
const EDITED = '🗳️ Mr. Vale declined to repeat his forecast.\n\nFew economists at the institute believe it.';
const LOST = 'the tax cut would pay for itself within two years';
const CLAIM = { speakerId: null, form: 'paraphrase', medium: 'interview', reliability: null, credibility: null, verification: 'unverified' } as const;

async function projectWithOrphans() {
  const project = await openTestProject();
  const { call } = project;
  const article = await call('articles:create', { title: 'Budget', source: 'Wire', text: ORIGINAL });
  const highlight = await call('annotations:create', { articleId: article.id, ...at(ORIGINAL, LOST), note: 'Check against the institute.' });
  const claim = await call('annotations:create', { articleId: article.id, ...at(ORIGINAL, 'Mr. Vale said the tax cut'), kind: 'claim', claim: CLAIM });
  const kept = await call('annotations:create', { articleId: article.id, ...at(ORIGINAL, 'Few economists') });
  const edited = await call('articles:update-text', { id: article.id, text: EDITED });
  expect(edited.orphaned).toBe(2);
  const stored = edited.annotations.find((a) => a.id === highlight.id)!;
  expect(stored).toMatchObject({ anchor: 'orphan', target: { start: 0, end: 1, exact: LOST } });
  return { ...project, article, highlight, claim, kept };
}

/** Neither the text at an orphan's offsets nor half a surrogate pair appears. */
function expectNoSliceOfCurrentText(output: string): void {
  expect(output).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  expect(output).not.toMatch(/^> .?$/m); // a blockquote of one character
}

describe('orphaned annotations in exports', () => {
  it('export:article-markdown lists them apart with their last known text, never as a quote', async () => {
    const { call, article } = await projectWithOrphans();
    const { markdown } = await call('export:article-markdown', { articleId: article.id });
    expectNoSliceOfCurrentText(markdown);
    const [quoted, lost] = markdown.split('## Lost after an edit of the text');
    expect(quoted).toContain('> Few economists');
    expect(quoted).not.toContain(LOST);
    expect(lost).toContain(`Orphaned highlight, last known text: “${LOST}” — Check against the institute.`);
    expect(lost).toContain('Orphaned claim, last known text: “Mr. Vale said the tax cut”');
  });

  it('reports:markdown lists them under their own heading, not among the quotes', async () => {
    const { call, article } = await projectWithOrphans();
    for (const scope of [{ kind: 'article', articleId: article.id }, { kind: 'project' }] as const) {
      const { markdown } = await call('reports:markdown', { scope });
      expectNoSliceOfCurrentText(markdown);
      const [before, lost] = markdown.split('## Lost after edits of the text');
      expect(before).not.toContain(LOST);
      expect(before).not.toContain('## Claims');
      expect(lost).toContain(`Budget: orphaned highlight, last known text “${LOST}”. Note: Check against the institute.`);
      expect(lost).toContain('Budget: orphaned claim, last known text “Mr. Vale said the tax cut”');
    }
  });

  it('export:csv marks them not anchored, with their last known text and no place', async () => {
    const { call, highlight, claim, kept } = await projectWithOrphans();
    const rows = async (table: 'claims' | 'annotations') => {
      const { csv } = await call('export:csv', { table, scope: { kind: 'project' } });
      expectNoSliceOfCurrentText(csv);
      const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
      const header = lines[0]!;
      return lines.slice(1).map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
    };
    const annotations = await rows('annotations');
    expect(annotations.find((r) => r.annotation_id === highlight.id)).toMatchObject({ quote: LOST, anchored: 'no', paragraph: '', start: '', end: '' });
    expect(annotations.find((r) => r.annotation_id === kept.id)).toMatchObject({ quote: 'Few economists', anchored: 'yes' });
    expect((await rows('claims')).find((r) => r.claim_id === claim.id)).toMatchObject({ quote: 'Mr. Vale said the tax cut', anchored: 'no', paragraph: '', start: '' });
  });

  it('export:w3c marks them aw:orphan with only a quote selector holding their last known text', async () => {
    const { call, highlight } = await projectWithOrphans();
    const { json } = await call('export:w3c', { scope: { kind: 'project' } });
    expectNoSliceOfCurrentText(json);
    const items = (JSON.parse(json) as { first: { items: { id: string; 'aw:orphan'?: boolean; target: { selector: { type: string; exact?: string }[] } }[] } }).first.items;
    const orphan = items.find((i) => i.id === `urn:uuid:${highlight.id}`)!;
    expect(orphan['aw:orphan']).toBe(true);
    expect(orphan.target.selector).toEqual([expect.objectContaining({ type: 'TextQuoteSelector', exact: LOST })]);
  });
});
