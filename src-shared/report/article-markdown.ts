import type { Root, RootContent, PhrasingContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Annotation } from '../domain/annotation';
import type { Article } from '../domain/article';
import { paragraphsOf } from '../text/canonical';
import { inArticleDirection, isolate } from './bidi';

/**
 * Builds the Markdown export of one article: its title, a source line, its byline, and every
 * highlighted passage as a blockquote in text order (inside a right-to-left block for such an
 * article; titles and names in lines of the report's own text are isolated, see bidi.ts). The document is built as a syntax tree and serialised
 * by mdast-util-to-markdown, so characters that mean something in Markdown come out escaped.
 */
export function articleReportTree(article: Article, annotations: readonly Annotation[]): Root {
  const children: RootContent[] = [{ type: 'heading', depth: 1, children: [{ type: 'text', value: isolate(article.title) }] }];
  children.push({ type: 'paragraph', children: sourceLine(article) });
  const byline = article.byline?.trim();
  if (byline) children.push({ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: 'Byline:' }] }, { type: 'text', value: ` ${isolate(byline)}` }] });

  // An orphan's offsets point at nothing (its passage was lost after an edit): it is listed
  // apart with the words it last had, never quoted from the current text.
  const ordered = annotations.filter((a) => a.anchor !== 'orphan').sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end);
  const lost = annotations.filter((a) => a.anchor === 'orphan');
  if (annotations.length === 0) {
    children.push({ type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: 'No highlights yet.' }] }] });
  } else if (ordered.length > 0) {
    children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: 'Highlights' }] });
    const paragraphs = paragraphsOf(article.text);
    for (const annotation of ordered) {
      const { start, end } = annotation.target;
      const passage = article.text.slice(start, end);
      const where = paragraphs.find((p) => p.end > start) ?? paragraphs[paragraphs.length - 1];
      children.push(
        ...inArticleDirection(article, [
          {
            type: 'blockquote',
            children: passage.split('\n\n').map((part) => ({ type: 'paragraph', children: [{ type: 'text', value: part }] })),
          },
        ]),
      );
      const caption: PhrasingContent[] = [{ type: 'emphasis', children: [{ type: 'text', value: `Paragraph ${where?.number ?? 1}` }] }];
      if (annotation.note.trim()) caption.push({ type: 'text', value: ` — ${isolate(annotation.note.trim())}` });
      children.push({ type: 'paragraph', children: caption });
    }
  }
  if (lost.length > 0) children.push(...lostBlocks(lost));
  return { type: 'root', children };
}

/**
 * Annotations whose passage was not found after an edit of the text: each with the text it last
 * had, marked as such and never as a blockquote, and the note.
 */
function lostBlocks(lost: readonly Annotation[]): RootContent[] {
  const blocks: RootContent[] = [
    { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Lost after an edit of the text' }] },
    { type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: 'Not found in the current text; shown with the words they last had. Re-attach them in the reader.' }] }] },
  ];
  for (const annotation of lost) {
    const line: PhrasingContent[] = [{ type: 'text', value: `Orphaned ${annotation.kind}, last known text: “${isolate(annotation.target.exact.replace(/\s*\n+\s*/g, ' '))}”` }];
    if (annotation.note.trim()) line.push({ type: 'text', value: ` — ${isolate(annotation.note.trim())}` });
    blocks.push({ type: 'paragraph', children: line });
  }
  return blocks;
}

function sourceLine(article: Article): PhrasingContent[] {
  const parts: PhrasingContent[] = [{ type: 'strong', children: [{ type: 'text', value: 'Source:' }] }, { type: 'text', value: ' ' }];
  const name = isolate(article.source.trim()) || 'unknown source';
  parts.push(article.url ? { type: 'link', url: article.url, children: [{ type: 'text', value: name }] } : { type: 'text', value: name });
  if (article.published) parts.push({ type: 'text', value: `, published ${article.published}` });
  return parts;
}

export function articleToMarkdown(article: Article, annotations: readonly Annotation[]): string {
  const markdown = toMarkdown(articleReportTree(article, annotations), { bullet: '-', emphasis: '_', rule: '-' });
  return markdown.endsWith('\n') ? markdown : `${markdown}\n`;
}

/** A file name for a report, safe on Windows, macOS and Linux whatever the title holds. */
export function reportFileName(title: string, extension = 'md'): string {
  const base = title
    .normalize('NFKC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 80)
    .trim();
  const safe = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base) || base === '' ? 'article' : base;
  return `${safe}.${extension}`;
}
