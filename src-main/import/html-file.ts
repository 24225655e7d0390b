import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeText } from './decode-text';
import type { DomDocument, DomNode } from './dom-types';
import { jsonLdTitle } from './headline-choice';
import { declaredCharset, readPageMetadata, type PageMetadata } from './html-metadata';
import { emptyFields, type ExtractedFields } from './import-types';
import { normaliseDate, onlyHttpUrl, stripByPrefix, tidy } from './metadata-values';
import { blocksToParagraphs } from './paragraphs';
import { encodingOf } from './text-file';

/**
 * Page furniture removed before Readability scores the page. Readability would drop most of it
 * anyway, but on a short article the boilerplate can outweigh the text and be kept.
 */
const FURNITURE = [
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'button', 'select',
  'nav', 'aside', 'footer', '[role="navigation"]', '[role="complementary"]', '[role="contentinfo"]',
  '[role="dialog"]', '[role="alertdialog"]', '[role="banner"]',
].join(', ');
/** Class or id words of adverts, consent banners and promotions. */
const FURNITURE_NAME = /(^|[\s_-])(ad|ads|advert|advertisement|adslot|sponsored|promo|cookie|cookies|consent|gdpr|newsletter|subscribe|paywall|share|social|related|recommended|outbrain|taboola)([\s_-]|$)/i;
/** An element with this much text is content, whatever its class says ("article-body has-ads"). */
const FURNITURE_MAX_TEXT = 600;
/** Inline elements are part of a sentence ("as we <a class=related-link>reported</a>"); removing one would cut it. */
const INLINE = new Set(['A', 'SPAN', 'EM', 'STRONG', 'B', 'I', 'U', 'TIME', 'ABBR', 'SMALL', 'SUP', 'SUB', 'MARK', 'CITE', 'Q', 'CODE']);

/**
 * A saved web page: the article as Readability finds it, one paragraph per block element, with
 * metadata in this order of precedence (first non-empty value wins):
 *
 * - title:     JSON-LD headline (or name) unless the page shows it is not the article's (see
 *              headline-choice), og:title, Readability's title, <title>, file name
 * - published: JSON-LD datePublished, article:published_time, Readability's date, <meta name=date>
 * - url:       JSON-LD url / mainEntityOfPage, og:url, <link rel=canonical> (http(s) only)
 * - siteName:  JSON-LD publisher, og:site_name, Readability's site name; source = siteName or host
 * - byline:    the byline printed on the page, JSON-LD author(s), <meta name=author>, Readability's
 *
 * Machine-readable metadata is preferred because it is written for machines and carries no layout
 * ("Updated 3 hours ago"). The byline is the exception: when the page prints one, that is what a
 * reader sees and cites, while the metadata author is often a desk, an agency or a CMS account.
 * So a page whose metadata disagrees with its printed byline keeps the printed one in `byline`;
 * the metadata author is used only when the page prints none.
 */
export function readHtmlFile(bytes: Uint8Array, displayName: string, stem: string, forcedEncoding?: string): ExtractedFields {
  const { text: html, ...encoding } = decodeText(bytes, displayName, declaredCharset(bytes), forcedEncoding);
  const { document } = parseHTML(html) as unknown as { document: DomDocument & ReadabilityInput };
  const page = readPageMetadata(document);
  page.bylineElement?.remove();
  removeFurniture(document);

  const article = new Readability<DomNode>(document, { serializer: (node) => node as DomNode }).parse();
  let text = article?.content ? blocksToParagraphs(article.content) : '';
  if (!text && document.body) text = blocksToParagraphs(document.body);

  return { ...emptyFields(), text, ...pickMetadata(page, article ?? {}, document.title, stem), encoding: encodingOf(encoding), declared: page.declared };
}

/** Readability's declaration names the DOM's Document, which main-process code is compiled without. */
type ReadabilityInput = ConstructorParameters<typeof Readability>[0];

interface ReadabilityMetadata {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
}

/** Applies the precedence documented on readHtmlFile. */
function pickMetadata(
  page: PageMetadata,
  readability: ReadabilityMetadata,
  documentTitle: string,
  stem: string,
): Omit<ExtractedFields, 'text'> {
  const ld = page.jsonLd;
  const meta = (key: string) => page.meta.get(key) ?? '';
  const first = (...values: (string | null | undefined)[]) => values.map(tidy).find((value) => value.length > 0) ?? '';
  const firstDate = (...values: (string | null | undefined)[]) =>
    values.map((value) => normaliseDate(value ?? '')).find((value) => value.length > 0) ?? '';
  const firstUrl = (...values: string[]) => values.map((value) => onlyHttpUrl(value)).find((value) => value.length > 0) ?? '';

  const url = firstUrl(ld?.url ?? '', meta('og:url'), page.canonical);
  const siteName = first(ld?.publisher, meta('og:site_name'), readability.siteName);
  const ldTitle = ld
    ? jsonLdTitle(ld.headline, ld.name, { declared: [meta('og:title'), documentTitle], heading: page.heading, siteNames: [ld.publisher, meta('og:site_name')] })
    : '';
  return {
    title: withoutSiteName(first(ldTitle, meta('og:title'), readability.title, documentTitle, stem), siteName),
    published: firstDate(ld?.datePublished, meta('article:published_time'), readability.publishedTime, meta('date'), meta('dc.date')),
    url,
    siteName,
    source: siteName || (url ? new URL(url).hostname.replace(/^www\./, '') : ''),
    byline: first(page.visibleByline, ld?.authors.join(', '), meta('author'), stripByPrefix(readability.byline ?? '')),
  };
}

/** "Harbour budget agreed | Aurel Evening Post" → "Harbour budget agreed": the site is already the source. */
function withoutSiteName(title: string, siteName: string): string {
  if (!siteName) return title;
  const suffix = title.length - siteName.length;
  if (suffix <= 0 || title.slice(suffix).toLowerCase() !== siteName.toLowerCase()) return title;
  const stripped = title.slice(0, suffix).replace(/\s+[|\-–—:·•]+\s*$/, '');
  return stripped.length < suffix && stripped.trim() ? stripped.trim() : title;
}

function removeFurniture(document: DomDocument): void {
  const remove = (elements: ArrayLike<{ remove(): void }>) => {
    // Copied first: a live list would skip elements as they go.
    for (const element of Array.from(elements)) element.remove();
  };
  remove(document.querySelectorAll(FURNITURE));
  // Forms are removed only when small: some CMSs (ASP.NET WebForms) wrap the whole page in one.
  const named = Array.from(document.querySelectorAll('form, [class], [id]')).filter((element) => {
    if (INLINE.has(element.tagName.toUpperCase())) return false;
    const name = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    return (element.tagName.toUpperCase() === 'FORM' || FURNITURE_NAME.test(name)) && (element.textContent ?? '').length < FURNITURE_MAX_TEXT;
  });
  remove(named);
}
