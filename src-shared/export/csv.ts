import { gradeOf, VERIFICATION_LABELS, CLAIM_FORM_LABELS } from '../domain/claim';
import type { ReportInput } from '../report/project-report';
import { paragraphsOf } from '../text/canonical';
import { formatAuthor } from '../domain/author';
import type { Annotation } from '../domain/annotation';

/** UTF-8 byte order mark: lets spreadsheet programs recognise the encoding. */
export const BOM = '\uFEFF';

/** One field, quoted as RFC 4180 requires: when it holds a comma, quote, CR or LF (or leading/trailing space). */
export function csvField(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? '' : String(value);
  // A leading =, +, - or @ makes spreadsheets evaluate the cell; a quote mark prefix defuses it.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole table: header row first, CRLF line ends, BOM at the start. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const ARTICLE_COLUMNS = ['article_id', 'article_title', 'article_source', 'article_published', 'article_url'];

/** Who made an annotation and who last changed it, and when; empty names for annotations made before authorship was recorded. */
const AUTHOR_COLUMNS = ['created_by', 'created_at', 'updated_by', 'updated_at'];

function authorCells(a: Annotation): string[] {
  return [formatAuthor(a.createdBy), a.createdAt, formatAuthor(a.updatedBy), a.updatedAt];
}

function paragraphNumber(text: string, offset: number): number {
  const paragraphs = paragraphsOf(text);
  const index = paragraphs.findIndex((p) => p.end > offset);
  return (index === -1 ? paragraphs.length - 1 : index) + 1;
}

/**
 * Every claim, one row each, with its article's metadata. `quote` is always the stored passage;
 * for an orphan (`anchored` = no) that is the text it last had, and it has no place.
 */
export function claimsCsv(input: ReportInput): string {
  const actors = new Map(input.actors.map((a) => [a.id, a.name]));
  const tags = new Map(input.tags.map((t) => [t.id, t.name]));
  const rows: (string | number | null)[][] = [
    ['claim_id', 'quote', 'speaker', 'form', 'medium', 'reliability', 'credibility', 'grade', 'verification', 'review_status', 'anchored', 'tags', 'note', 'paragraph', 'start', 'end', 'links', ...AUTHOR_COLUMNS, ...ARTICLE_COLUMNS],
  ];
  for (const { article, annotations } of input.articles) {
    for (const a of annotations) {
      if (!a.claim) continue;
      const links = a.claim.links.map((l) => `${l.direction === 'out' ? l.type : `${l.type} (by)`} ${l.articleId}/${l.annotationId}`).join('; ');
      rows.push([
        a.id,
        a.target.exact,
        a.claim.speakerId ? actors.get(a.claim.speakerId) ?? '' : '',
        CLAIM_FORM_LABELS[a.claim.form],
        a.claim.medium,
        a.claim.reliability,
        a.claim.credibility,
        gradeOf(a.claim),
        VERIFICATION_LABELS[a.claim.verification],
        a.status,
        a.anchor === 'orphan' ? 'no' : 'yes',
        a.tags.map((t) => tags.get(t) ?? '').filter(Boolean).join('; '),
        a.note,
        a.anchor === 'orphan' ? null : paragraphNumber(article.text, a.target.start),
        a.anchor === 'orphan' ? null : a.target.start,
        a.anchor === 'orphan' ? null : a.target.end,
        links,
        ...authorCells(a),
        article.id,
        article.title,
        article.source,
        article.published,
        article.url,
      ]);
    }
  }
  return toCsv(rows);
}

/** Every annotation, one row each, with its article's metadata (orphans as in `claimsCsv`). */
export function annotationsCsv(input: ReportInput): string {
  const actors = new Map(input.actors.map((a) => [a.id, a.name]));
  const tags = new Map(input.tags.map((t) => [t.id, t.name]));
  const rows: (string | number | null)[][] = [
    ['annotation_id', 'kind', 'quote', 'actor', 'speaker', 'review_status', 'anchored', 'tags', 'note', 'paragraph', 'start', 'end', ...AUTHOR_COLUMNS, ...ARTICLE_COLUMNS],
  ];
  for (const { article, annotations } of input.articles) {
    for (const a of [...annotations].sort((x, y) => x.target.start - y.target.start)) {
      const orphan = a.anchor === 'orphan';
      rows.push([
        a.id,
        a.kind,
        a.target.exact,
        a.actorId ? actors.get(a.actorId) ?? '' : '',
        a.claim?.speakerId ? actors.get(a.claim.speakerId) ?? '' : '',
        a.status,
        orphan ? 'no' : 'yes',
        a.tags.map((t) => tags.get(t) ?? '').filter(Boolean).join('; '),
        a.note,
        orphan ? null : paragraphNumber(article.text, a.target.start),
        orphan ? null : a.target.start,
        orphan ? null : a.target.end,
        ...authorCells(a),
        article.id,
        article.title,
        article.source,
        article.published,
        article.url,
      ]);
    }
  }
  return toCsv(rows);
}
