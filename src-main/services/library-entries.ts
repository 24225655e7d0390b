import { sliceWhole, wholeEnds } from '../../src-shared/anchoring/quote-selector';
import type { ChannelOutput } from '../../src-shared/contract';
import type { Annotation } from '../../src-shared/domain/annotation';
import type { ArticleSummary } from '../../src-shared/domain/article';
import { paragraphsOf } from '../../src-shared/text/canonical';
import type { ArticleFile } from '../store/file-schemas';

/** An annotation in context, as the dossier, the claims table and the review queue show it. */
export type LibraryEntry = ChannelOutput<'actors:dossier'>['entries'][number];

/**
 * What an entry holds that comes from its own article. The texts of the claims it links to live
 * in other articles, which change on their own, so they are looked up when the entry is read.
 */
export interface EntryParts {
  paragraph: number;
  before: string;
  after: string;
  annotation: Annotation;
}

/** Shown for a link whose other end is not (or no longer) a claim in the library. */
export const MISSING_LINK_TEXT = '(a claim in an article not loaded)';

/** Whether an annotation appears in any library view: a mention, a claim, a draft or an orphan. */
export function isLibraryEntry(a: Annotation): boolean {
  return Boolean(a.actorId) || a.claim !== null || a.status === 'draft' || a.anchor === 'orphan';
}

/** Whether an article's summary says it holds an entry (the same test as `isLibraryEntry`, over counts). */
export function summaryHasEntries(s: ArticleSummary): boolean {
  return s.claimCount > 0 || s.orphanCount > 0 || Boolean(s.statusCounts.draft) || Object.keys(s.actorMentions).length > 0;
}

/**
 * The entries of one article, in position order (annotations at the same position in file
 * order): 120 characters of context on each side and the paragraph number; an orphan shows the
 * context it kept and no paragraph.
 */
export function entryPartsOf(file: Readonly<ArticleFile>): EntryParts[] {
  const { text } = file.article;
  let paragraphs: ReturnType<typeof paragraphsOf> | null = null;
  const parts: EntryParts[] = [];
  for (const annotation of file.annotations) {
    if (!isLibraryEntry(annotation)) continue;
    paragraphs ??= paragraphsOf(text);
    const { start, end } = annotation.target;
    const orphan = annotation.anchor === 'orphan';
    const at = paragraphs.findIndex((p) => p.end > start);
    parts.push({
      paragraph: orphan ? 0 : (at === -1 ? paragraphs.length - 1 : at) + 1,
      before: orphan ? wholeEnds(annotation.target.prefix) : sliceWhole(text, start - 120, start),
      after: orphan ? wholeEnds(annotation.target.suffix) : sliceWhole(text, end, end + 120),
      annotation,
    });
  }
  // Stable: annotations at one position keep the order of the file.
  return parts.sort((a, b) => a.annotation.target.start - b.annotation.target.start);
}

/** The article an entry sits in, as entries name it and as the timeline orders articles. */
export interface EntryArticle {
  id: string;
  title: string;
  source: string;
  published: string;
}

/** `localeCompare` without arguments, made once (the same order, without a collator per call). */
export const collator = new Intl.Collator();

/**
 * Timeline order of articles: publication date (undated last), then title, then id, so that two
 * articles of the same date and title always come in the same order.
 */
export function compareArticles(a: EntryArticle, b: EntryArticle): number {
  return collator.compare(a.published || '9999', b.published || '9999') || collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** An entry as the contract carries it, with the texts of the claims it links to. */
export function toEntry(article: EntryArticle, parts: EntryParts, linkText: (articleId: string, annotationId: string) => string | undefined): LibraryEntry {
  return {
    articleId: article.id,
    articleTitle: article.title,
    source: article.source,
    published: article.published,
    paragraph: parts.paragraph,
    before: parts.before,
    after: parts.after,
    annotation: parts.annotation,
    links: (parts.annotation.claim?.links ?? []).map((l) => ({ ...l, text: linkText(l.articleId, l.annotationId) ?? MISSING_LINK_TEXT })),
  };
}
