import type { Root, RootContent, PhrasingContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Annotation } from '../domain/annotation';
import type { Article } from '../domain/article';
import { paragraphsOf } from '../text/canonical';

/**
 * Builds the Markdown export of one article: its title, a source line, and every highlighted
 * passage as a blockquote in text order. The document is built as a syntax tree and serialised
 * by mdast-util-to-markdown, so characters that mean something in Markdown come out escaped.
 */
export function articleReportTree(article: Article, annotations: readonly Annotation[]): Root {
  const children: RootContent[] = [{ type: 'heading', depth: 1, children: [{ type: 'text', value: article.title }] }];
  children.push({ type: 'paragraph', children: sourceLine(article) });

  const ordered = [...annotations].sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end);
  if (ordered.length === 0) {
    children.push({ type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: 'No highlights yet.' }] }] });
  } else {
    children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: 'Highlights' }] });
    const paragraphs = paragraphsOf(article.text);
    for (const annotation of ordered) {
      const { start, end } = annotation.target;
      const passage = article.text.slice(start, end);
      const where = paragraphs.find((p) => p.end > start) ?? paragraphs[paragraphs.length - 1];
      children.push({
        type: 'blockquote',
        children: passage.split('\n\n').map((part) => ({ type: 'paragraph', children: [{ type: 'text', value: part }] })),
      });
      const caption: PhrasingContent[] = [{ type: 'emphasis', children: [{ type: 'text', value: `Paragraph ${where?.number ?? 1}` }] }];
      if (annotation.note.trim()) caption.push({ type: 'text', value: ` — ${annotation.note.trim()}` });
      children.push({ type: 'paragraph', children: caption });
    }
  }
  return { type: 'root', children };
}

function sourceLine(article: Article): PhrasingContent[] {
  const parts: PhrasingContent[] = [{ type: 'strong', children: [{ type: 'text', value: 'Source:' }] }, { type: 'text', value: ' ' }];
  const name = article.source.trim() || 'unknown source';
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
