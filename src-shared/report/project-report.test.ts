import type { Blockquote, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { describeRange } from '../anchoring/quote-selector';
import type { Actor } from '../domain/actor';
import type { Annotation } from '../domain/annotation';
import type { Article } from '../domain/article';
import type { Claim } from '../domain/claim';
import type { Tag } from '../domain/tag';
import { buildReport, reportToMarkdown, type ReportInput } from './project-report';
import { reportOptionsSchema } from './report-options';

const stamp = '2026-10-01T09:00:00.000Z';
/** Paragraphs written to break naive Markdown: every construct that needs escaping. */
const hostile = [
  '> Not a quote. 1. Not a list. # Not a heading. *stars* and _under_ and `ticks` and [brackets](x) and <b>tags</b>',
  '| a | table | row | and a trailing backslash \\',
  '- dash start, + plus, 2) paren, === and --- lines, ***triple*** and ~~strike~~ and &amp; entities',
  'Plain closing sentence with a hard break candidate  and emoji 🇺🇳 and Kesić.',
].join('\n\n');

const article = (id: string, text: string, extra: Partial<Article> = {}): Article => ({
  id, title: `Title ${id} with *markup* and [brackets]`, source: 'Wire_one', url: `https://example.org/${id}?a=1&b=(2)`, published: '2026-09-24',
  text, status: 'todo', note: '', createdAt: stamp, updatedAt: stamp, ...extra,
});
const actor = (id: string, name: string, extra: Partial<Actor> = {}): Actor => ({
  id, name, kind: 'person', aliases: [], description: '', affiliationId: null, note: '', createdAt: stamp, updatedAt: stamp, ...extra,
});
const claim = (speakerId: string | null, extra: Partial<Claim> = {}): Claim => ({
  speakerId, form: 'direct-quote', medium: 'statement', reliability: 'B', credibility: 2, verification: 'unverified', links: [], ...extra,
});
function annotation(id: string, articleId: string, text: string, passage: string, extra: Partial<Annotation> = {}): Annotation {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`no "${passage}"`);
  return { id, articleId, kind: 'highlight', target: describeRange(text, start, start + passage.length), tags: [], note: '', status: 'draft', actorId: null, claim: null, anchor: 'anchored', createdAt: stamp, updatedAt: stamp, ...extra };
}

function fixture(): ReportInput {
  const a1 = article('a1', hostile, { note: '# Not a heading in a note *either*' });
  const a2 = article('a2', 'Marnow said the *valley* is [ours].\n\nKesić replied: `never`.', { published: '2026-09-25' });
  const tags: Tag[] = [
    { id: 't1', name: 'Sovereignty *core*', color: '#ff0000', parentId: null, hotkey: 1 },
    { id: 't2', name: 'Child_tag', color: '#00ff00', parentId: 't1', hotkey: null },
  ];
  const actors = [actor('x1', 'Ilse *Marnow*', { aliases: ['[Marnow]'], description: 'Minister #1' }), actor('x2', 'Davor Kesić')];
  const c1 = annotation('c1', 'a2', a2.text, 'the *valley* is [ours]', { kind: 'claim', claim: claim('x1', { links: [{ type: 'contradicts', direction: 'out', articleId: 'a2', annotationId: 'c2' }] }), tags: ['t1'], note: 'Note with | pipes | and `code`' });
  const c2 = annotation('c2', 'a2', a2.text, '`never`', { kind: 'claim', claim: claim('x2', { verification: 'contested', links: [{ type: 'contradicts', direction: 'in', articleId: 'a2', annotationId: 'c1' }] }) });
  const m1 = annotation('m1', 'a2', a2.text, 'Marnow', { kind: 'actor', actorId: 'x1' });
  const hs = hostile.split('\n\n').map((p, i) => annotation(`h${i}`, 'a1', hostile, p, { tags: i % 2 ? ['t2'] : [], note: i === 0 ? '> quoted note' : '' }));
  const across = annotation('hx', 'a1', hostile, 'backslash \\\n\n- dash start', { tags: ['t1'] });
  return { projectName: 'Test *project*', projectNotes: 'Project notes with <html> and # hash', actors, tags, articles: [{ article: a1, annotations: [...hs, across] }, { article: a2, annotations: [c1, c2, m1] }], generatedAt: stamp };
}

const options = (extra: object = {}) => reportOptionsSchema.parse({ scope: { kind: 'project' }, ...extra });

function quotes(markdown: string): string[] {
  const tree = fromMarkdown(markdown) as Root;
  return tree.children.filter((n): n is Blockquote => n.type === 'blockquote').map((q) => q.children.map((c) => toString(c)).join('\n\n'));
}

describe('project report', () => {
  it('parses back so that every quote is exactly its annotated passage, whatever characters it holds', () => {
    const input = fixture();
    const markdown = reportToMarkdown(buildReport(input, options()));
    const expected = input.articles.flatMap((a) => a.annotations.filter((x) => x.kind !== 'actor').map((x) => x.target.exact));
    const found = quotes(markdown);
    // Each passage appears (a highlight with two tags appears under each tag).
    for (const passage of expected) expect(found, passage).toContain(passage);
    for (const quote of found) expect(expected).toContain(quote);
  });

  it('keeps titles, names and notes literal after a CommonMark round trip', () => {
    const markdown = reportToMarkdown(buildReport(fixture(), options({ title: '# Report *not bold* [x]' })));
    const tree = fromMarkdown(markdown) as Root;
    expect(toString(tree.children[0]!)).toBe('# Report *not bold* [x]');
    const headings = tree.children.filter((n) => n.type === 'heading').map((h) => toString(h));
    expect(headings).toEqual(expect.arrayContaining(['Ilse *Marnow*', 'Sovereignty *core* › Child_tag', 'Sovereignty *core*']));
    expect(toString(tree)).toContain('# Not a heading in a note *either*');
    expect(toString(tree)).toContain('Note with | pipes | and `code`');
  });

  it('groups claims by speaker with grade, verification and links on both ends', () => {
    const markdown = reportToMarkdown(buildReport(fixture(), options()));
    const text = toString(fromMarkdown(markdown));
    expect(text).toContain('B2 (usually reliable; probably true)');
    expect(text).toContain('Contradicts: Davor Kesić: “`never`”');
    expect(text).toContain('Contradicted by: Ilse *Marnow*: “the *valley* is [ours]”');
    expect(markdown.indexOf('### Davor Kesić')).toBeLessThan(markdown.indexOf('### Ilse \\*Marnow\\*'));
  });

  it('cites the article, source, date, link and paragraph of each quote', () => {
    const tree = fromMarkdown(reportToMarkdown(buildReport(fixture(), options())));
    const text = toString(tree);
    expect(text).toContain('Title a2 with *markup* and [brackets], Wire_one, 2026-09-24, paragraph 1'.replace('2026-09-24', '2026-09-25'));
    const links: string[] = [];
    const visit = (node: { type: string; url?: string; children?: unknown[] }) => {
      if (node.type === 'link') links.push(node.url!);
      (node.children as typeof node[] | undefined)?.forEach(visit);
    };
    visit(tree as never);
    expect(links).toContain('https://example.org/a2?a=1&b=(2)');
  });

  it('drops switched-off sections and applies filters', () => {
    const input = fixture();
    const markdown = reportToMarkdown(buildReport(input, options({ sections: { notes: false, actors: false, claims: true, highlights: false, sources: false }, filters: { verifications: ['contested'] } })));
    expect(markdown).not.toContain('## Actors');
    expect(markdown).not.toContain('## Highlights');
    expect(quotes(markdown)).toEqual(['`never`']);
    expect(markdown).toContain('verification Contested');
  });

  it('makes a dossier of one actor: their claims only, and them in the actors section', () => {
    const markdown = reportToMarkdown(buildReport(fixture(), options({ scope: { kind: 'actor', actorId: 'x1' } })));
    expect(quotes(markdown)).toEqual(['the *valley* is [ours]']);
    expect(markdown).toContain('# Dossier: Ilse \\*Marnow\\*');
    expect(toString(fromMarkdown(markdown))).toContain('also named “[Marnow]”');
  });
});
