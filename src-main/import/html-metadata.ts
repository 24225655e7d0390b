import type { DomDocument, DomElement } from './dom-types';
import { stripByPrefix, tidy } from './metadata-values';

/** What a saved page says about itself, by where it says it. Values are raw (not yet normalised). */
export interface PageMetadata {
  jsonLd: {
    headline: string;
    /** schema.org `name`: usually the headline again; Wikipedia's article title (see headline-choice). */
    name: string;
    datePublished: string;
    authors: string[];
    publisher: string;
    url: string;
  } | null;
  /** `<meta>` values by lower-cased property/name (first occurrence wins). */
  meta: ReadonlyMap<string, string>;
  canonical: string;
  /** The first <h1> of the article (else of the page), read before furniture is removed. */
  heading: string;
  /** The attribution printed on the page ("Lena Marsh"), without "By". */
  visibleByline: string;
  /** The element that printed it, so that the caller can keep it out of the article text. */
  bylineElement: DomElement | null;
  /** The page's `lang` and `dir` (of <html>, else <body>), raw. */
  declared: { lang: string; dir: string };
}

/** schema.org types that describe an article; the NewsArticle subtypes are news too. */
const ARTICLE_TYPES = new Set([
  'Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'BackgroundNewsArticle',
  'OpinionNewsArticle', 'ReviewNewsArticle', 'Report', 'BlogPosting', 'LiveBlogPosting', 'SocialMediaPosting',
  'DiscussionForumPosting', 'ScholarlyArticle', 'TechArticle',
]);

export function readPageMetadata(document: DomDocument): PageMetadata {
  const byline = findVisibleByline(document);
  return {
    jsonLd: readJsonLd(document),
    meta: readMetaTags(document),
    canonical: linkHref(document, 'canonical'),
    heading: tidy((document.querySelector('article h1') ?? document.querySelector('main h1') ?? document.querySelector('h1'))?.textContent),
    visibleByline: byline?.text ?? '',
    bylineElement: byline?.element ?? null,
    declared: {
      lang: document.documentElement?.getAttribute('lang') || document.body?.getAttribute('lang') || meta('content-language', document),
      dir: document.documentElement?.getAttribute('dir') || document.body?.getAttribute('dir') || '',
    },
  };
}

/** `<meta http-equiv=content-language>`, which older pages use instead of lang. */
function meta(httpEquiv: string, document: DomDocument): string {
  return tidy(document.querySelector(`meta[http-equiv="${httpEquiv}" i]`)?.getAttribute('content')).split(',')[0]?.trim() ?? '';
}

/** The charset a page declares in its first bytes (`<meta charset>` or http-equiv), or ''. */
export function declaredCharset(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return match?.[1] ?? '';
}

function readMetaTags(document: DomDocument): Map<string, string> {
  const values = new Map<string, string>();
  const metas = document.querySelectorAll('meta');
  for (let index = 0; index < metas.length; index++) {
    const meta = metas[index];
    const key = (meta?.getAttribute('property') ?? meta?.getAttribute('name') ?? meta?.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = tidy(meta?.getAttribute('content'));
    if (key && content && !values.has(key)) values.set(key, content);
  }
  return values;
}

function linkHref(document: DomDocument, rel: string): string {
  const links = document.querySelectorAll('link[rel]');
  for (let index = 0; index < links.length; index++) {
    const link = links[index];
    const rels = (link?.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rels.includes(rel)) return tidy(link?.getAttribute('href'));
  }
  return '';
}

type LdNode = Record<string, unknown>;
const isNode = (value: unknown): value is LdNode => typeof value === 'object' && value !== null && !Array.isArray(value);

function readJsonLd(document: DomDocument): PageMetadata['jsonLd'] {
  const scripts = document.querySelectorAll('script');
  for (let index = 0; index < scripts.length; index++) {
    const script = scripts[index];
    if (!(script?.getAttribute('type') ?? '').toLowerCase().includes('ld+json')) continue;
    let data: unknown;
    try {
      data = JSON.parse(unwrapScript(script?.textContent ?? ''));
    } catch {
      continue; // A broken block elsewhere on the page must not cost us the article.
    }
    const article = flatten(data).find((node) => types(node).some((type) => ARTICLE_TYPES.has(type)));
    if (article) {
      return {
        headline: tidy(article['headline']),
        name: tidy(article['name']),
        datePublished: tidy(article['datePublished']) || tidy(article['dateCreated']),
        authors: names(article['author']),
        publisher: names(article['publisher'])[0] ?? '',
        url: tidy(article['url']) || entityUrl(article['mainEntityOfPage']),
      };
    }
  }
  return null;
}

/**
 * The JSON inside a script as CMSs write it for old XHTML parsers: wrapped in `<![CDATA[ … ]]>`,
 * perhaps behind `//` or inside `/* … *\/` comments, or in an HTML comment.
 */
function unwrapScript(text: string): string {
  return text
    .trim()
    .replace(/^(?:\/\/|\/\*)?\s*<!\[CDATA\[(?:\s*\*\/)?/, '')
    .replace(/(?:\/\/|\/\*)?\s*\]\]>(?:\s*\*\/)?$/, '')
    .replace(/^<!--/, '')
    .replace(/-->$/, '')
    .trim();
}

/** Nodes of a JSON-LD value: top-level arrays and `@graph` containers are unwrapped. */
function flatten(value: unknown, depth = 0): LdNode[] {
  if (depth > 3) return [];
  if (Array.isArray(value)) return value.flatMap((item) => flatten(item, depth + 1));
  if (!isNode(value)) return [];
  return [value, ...flatten(value['@graph'], depth + 1)];
}

function types(node: LdNode): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  // Types may be written as full IRIs ("https://schema.org/NewsArticle").
  return list.filter((item): item is string => typeof item === 'string').map((item) => item.replace(/^.*[/#]/, ''));
}

/** Person or organisation names: a string, an object with a name, or a list of either. */
function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => (isNode(item) ? tidy(item['name']) : tidy(item))).filter((name) => name.length > 0);
}

function entityUrl(value: unknown): string {
  if (isNode(value)) return tidy(value['@id']) || tidy(value['url']);
  return tidy(value);
}

/** Same cues Readability uses to recognise a byline (rel, itemprop, class or id). */
const BYLINE_SELECTOR = '[rel~="author"], [itemprop~="author"], [class*="byline"], [id*="byline"], [class*="author"], [class*="writtenby"]';
/** Bylines of other articles and comments are not this article's. */
const FOREIGN_CONTAINER = 'nav, aside, footer, [role="navigation"], [role="complementary"], [class*="related"], [class*="comment"], [id*="comment"]';

/**
 * The byline as printed near the article, found in <article> or <main> first. The element is
 * returned so the caller can take it out of the text, as Readability does when it finds one;
 * Readability skips its own search when the metadata names an author, which would leave
 * "By …" as the first paragraph of the article.
 */
function findVisibleByline(document: DomDocument): { element: DomElement; text: string } | null {
  const scopes = [document.querySelector('article'), document.querySelector('main'), document.body];
  for (const scope of scopes) {
    if (!scope) continue;
    const candidates = scope.querySelectorAll(BYLINE_SELECTOR);
    for (let index = 0; index < candidates.length; index++) {
      const element = candidates[index];
      if (!element || element.closest(FOREIGN_CONTAINER)) continue;
      // Readability's limit: a byline is short; a longer "author" block is an author bio.
      const text = stripByPrefix(element.textContent ?? '');
      if (text.length > 0 && text.length < 100) return { element: outermostByline(element), text };
    }
  }
  return null;
}

/** `<p class="byline">By <a rel="author">X</a></p>` matches twice; the paragraph is what to remove. */
function outermostByline(element: DomElement): DomElement {
  let outer = element;
  for (let parent = element.parentNode as DomElement | null; parent && parent.nodeType === 1; parent = parent.parentNode as DomElement | null) {
    const className = (parent.getAttribute('class') ?? '').toLowerCase();
    if (!/byline|author/.test(className) || tidy(parent.textContent).length >= 100) break;
    outer = parent;
  }
  return outer;
}
