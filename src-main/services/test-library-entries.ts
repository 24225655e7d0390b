/**
 * The library views computed the way they were before the entries cache: from the article files,
 * read whole, with the claims table filtered and sorted as its view did in the renderer. Tests
 * compare the cached answers with these. Two things differ from the old code on purpose: a link
 * names the claim at its other end wherever that claim is (the old dossier only knew claims in
 * the articles it had read), and two articles of the same date and title come one after the
 * other by id (the old order interleaved their entries by position).
 */
import { sliceWhole, wholeEnds } from '../../src-shared/anchoring/quote-selector';
import type { ChannelOutput, ClaimFilters, ClaimSortKey, TimelineClaim } from '../../src-shared/contract';
import type { Annotation } from '../../src-shared/domain/annotation';
import type { ArticleSummary } from '../../src-shared/domain/article';
import { gradeOf } from '../../src-shared/domain/claim';
import { paragraphsOf } from '../../src-shared/text/canonical';
import type { ProjectStore } from '../store/project-store';

type Entry = ChannelOutput<'actors:dossier'>['entries'][number];

async function entriesFromFiles(store: ProjectStore, wanted: (s: ArticleSummary) => boolean, keep: (a: Annotation) => boolean): Promise<Entry[]> {
  const ids: string[] = [];
  for (const s of store.summaries()) if (wanted(s)) ids.push(s.id);
  const files = await store.peekArticles(ids);
  const claimFiles = await store.peekArticles([...store.summaries()].filter((s) => s.claimCount > 0).map((s) => s.id));
  const claimText = new Map<string, string>();
  for (const f of claimFiles) for (const a of f.annotations) if (a.claim) claimText.set(`${f.article.id}/${a.id}`, a.target.exact);
  const result: Entry[] = [];
  for (const file of files) {
    const { article } = file;
    const paragraphs = paragraphsOf(article.text);
    for (const annotation of file.annotations) {
      if (!keep(annotation)) continue;
      const { start, end } = annotation.target;
      const orphan = annotation.anchor === 'orphan';
      const at = paragraphs.findIndex((p) => p.end > start);
      result.push({
        articleId: article.id,
        articleTitle: article.title,
        source: article.source,
        published: article.published,
        paragraph: orphan ? 0 : (at === -1 ? paragraphs.length - 1 : at) + 1,
        before: orphan ? wholeEnds(annotation.target.prefix) : sliceWhole(article.text, start - 120, start),
        after: orphan ? wholeEnds(annotation.target.suffix) : sliceWhole(article.text, end, end + 120),
        annotation,
        links: (annotation.claim?.links ?? []).map((l) => ({ ...l, text: claimText.get(`${l.articleId}/${l.annotationId}`) ?? '(a claim in an article not loaded)' })),
      });
    }
  }
  return result.sort(
    (a, b) =>
      (a.published || '9999').localeCompare(b.published || '9999') ||
      a.articleTitle.localeCompare(b.articleTitle) ||
      (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0) ||
      a.annotation.target.start - b.annotation.target.start,
  );
}

export const dossierFromFiles = (store: ProjectStore, actorId: string) =>
  entriesFromFiles(store, (s) => Boolean(s.actorMentions[actorId] || s.speakerClaims[actorId]), (a) => a.actorId === actorId || a.claim?.speakerId === actorId);

export async function reviewFromFiles(store: ProjectStore, limit: number) {
  const list = await entriesFromFiles(store, (s) => Boolean(s.statusCounts.draft || s.orphanCount), (a) => a.status === 'draft' || a.anchor === 'orphan');
  return {
    total: list.length,
    drafts: list.filter((e) => e.annotation.status === 'draft').length,
    orphans: list.filter((e) => e.annotation.anchor === 'orphan').length,
    items: list.slice(0, limit),
  };
}

/** The whole claims table, then the view's filter and sort (claims-view.tsx before paging), then one page. */
export async function claimsTableFromFiles(store: ProjectStore, filters: ClaimFilters, sort: { key: ClaimSortKey; up: boolean }, offset: number, limit: number) {
  const rows = await entriesFromFiles(store, (s) => s.claimCount > 0, (a) => a.claim !== null);
  const names = new Map(store.project.actors.map((a) => [a.id, a.name]));
  const speakerName = (e: Entry) => (e.annotation.claim?.speakerId ? names.get(e.annotation.claim.speakerId) ?? '?' : '');
  const q = (filters.text ?? '').toLowerCase();
  const list = rows.filter(
    (e) =>
      (!filters.speakerId || e.annotation.claim?.speakerId === filters.speakerId) &&
      (!filters.verification || e.annotation.claim?.verification === filters.verification) &&
      (!q || e.annotation.target.exact.toLowerCase().includes(q) || e.annotation.note.toLowerCase().includes(q)),
  );
  const value = (e: Entry): string => {
    const c = e.annotation.claim!;
    return { speaker: speakerName(e), date: e.published || '9999', source: e.source, grade: gradeOf(c), verification: c.verification }[sort.key];
  };
  list.sort((a, b) => value(a).localeCompare(value(b)) * (sort.up ? 1 : -1));
  const speakers = [...new Set(rows.map((e) => e.annotation.claim?.speakerId).filter((id): id is string => Boolean(id)))];
  return { total: list.length, claims: rows.length, speakers, entries: list.slice(offset, offset + limit) };
}

/** The claims a timeline draws (as the dossier's and the Claims view's timelines chose them before), the latest `limit` dated ones. */
export async function timelineFromFiles(store: ProjectStore, filters: ClaimFilters, withLinked: boolean, limit: number) {
  const table = await entriesFromFiles(store, (s) => s.claimCount > 0, (a) => a.claim !== null);
  const all = (await claimsTableFromFiles(store, filters, { key: 'date', up: true }, 0, Number.MAX_SAFE_INTEGER)).entries;
  let chosen = all;
  if (withLinked) {
    const own = new Set(all.map((e) => `${e.articleId}/${e.annotation.id}`));
    const linked = new Set(all.flatMap((e) => e.annotation.claim!.links.map((l) => `${l.articleId}/${l.annotationId}`)));
    chosen = table.filter((e) => own.has(`${e.articleId}/${e.annotation.id}`) || linked.has(`${e.articleId}/${e.annotation.id}`));
  }
  const dated = chosen.filter((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.published));
  const claims: TimelineClaim[] = dated.slice(Math.max(0, dated.length - limit)).map((e) => {
    const c = e.annotation.claim!;
    return {
      articleId: e.articleId,
      articleTitle: e.articleTitle,
      published: e.published,
      annotationId: e.annotation.id,
      start: e.annotation.target.start,
      exact: e.annotation.target.exact.slice(0, 200),
      speakerId: c.speakerId,
      verification: c.verification,
      reliability: c.reliability,
      credibility: c.credibility,
      links: c.links,
    };
  });
  return { total: chosen.length, undated: chosen.length - dated.length, claims };
}
