import type { Blockquote, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../domain/annotation';
import type { Article } from '../domain/article';
import { describeRange } from '../anchoring/quote-selector';
import { articleToMarkdown, reportFileName } from './article-markdown';

const paragraphs = [
  '> Not a quote: the minister said *never* and _never_ again.',
  '1. Not a list, # not a heading, [not](a link) and `not code` <b>not html</b> | not | a table |',
  'Backslash \\ and ***bold-ish*** text, plus trailing spaces and a hash #',
  '- not a bullet, + neither, === and --- are not underlines',
];
const text = paragraphs.join('\n\n');

function article(overrides: Partial<Article> = {}): Article {
  return {
    id: 'a1',
    title: '# Title with *stars* and [brackets]',
    source: 'Wire_Service*',
    url: 'https://example.org/a?b=1&c=(2)',
    published: '2026-05-01',
    text,
    status: 'todo',
    note: '',
    createdAt: '2026-05-01T00:00:00.000Z',
    updatedAt: '2026-05-01T00:00:00.000Z',
    ...overrides,
  };
}

function highlight(id: string, start: number, end: number): Annotation {
  return {
    id,
    articleId: 'a1',
    kind: 'highlight',
    target: describeRange(text, start, end),
    tags: [],
    note: '',
    status: 'draft',
    actorId: null,
    claim: null,
    anchor: 'anchored',
    createdAt: '2026-05-01T00:00:00.000Z',
    updatedAt: '2026-05-01T00:00:00.000Z',
  };
}

/** Every paragraph is highlighted whole, plus one passage across two paragraphs. */
function adversarialAnnotations(): Annotation[] {
  let offset = 0;
  const list = paragraphs.map((p, i) => {
    const a = highlight(`h${i}`, offset, offset + p.length);
    offset += p.length + 2;
    return a;
  });
  const across = text.indexOf('again.');
  list.push(highlight('across', across, text.indexOf('a list')));
  return list.reverse();
}

describe('articleToMarkdown', () => {
  it('parses back to the exact title, and to each highlighted passage as a blockquote in text order', () => {
    const annotations = adversarialAnnotations();
    const markdown = articleToMarkdown(article(), annotations);
    const tree = fromMarkdown(markdown) as Root;

    const heading = tree.children[0]!;
    expect(heading.type).toBe('heading');
    expect(toString(heading)).toBe('# Title with *stars* and [brackets]');

    const quotes = tree.children.filter((node): node is Blockquote => node.type === 'blockquote');
    const expected = [...annotations].sort((a, b) => a.target.start - b.target.start).map((a) => a.target.exact);
    expect(quotes.map((q) => q.children.map((c) => toString(c)).join('\n\n'))).toEqual(expected);
  });

  it('writes a source line with a working link', () => {
    const tree = fromMarkdown(articleToMarkdown(article(), [])) as Root;
    const source = tree.children[1]!;
    expect(toString(source)).toBe('Source: Wire_Service*, published 2026-05-01');
    const link = (source as { children: { type: string; url?: string }[] }).children.find((c) => c.type === 'link');
    expect(link?.url).toBe('https://example.org/a?b=1&c=(2)');
  });

  it('says so when there are no highlights', () => {
    expect(articleToMarkdown(article(), [])).toContain('No highlights yet.');
  });
});

describe('reportFileName', () => {
  it('removes characters that are unsafe in file names on any system', () => {
    expect(reportFileName('Talks: "Round 2" / Part <3>?')).toBe('Talks Round 2 Part 3.md');
    expect(reportFileName('../../etc/passwd')).toBe('etc passwd.md');
    expect(reportFileName('CON')).toBe('article.md');
    expect(reportFileName('...')).toBe('article.md');
    expect(reportFileName('x'.repeat(300)).length).toBeLessThanOrEqual(83);
  });
});

describe('article export layout', () => {
  it('cites the paragraph of each passage and ends with a newline', () => {
    const markdown = articleToMarkdown(article(), [highlight('h', text.indexOf('Backslash'), text.indexOf('Backslash') + 9)]);
    expect(markdown).toContain('> Backslash\n\n_Paragraph 3_\n');
    expect(markdown.endsWith('\n')).toBe(true);
  });
});
