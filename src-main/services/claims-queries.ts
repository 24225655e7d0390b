import type { ChannelOutput, ClaimFilters, ClaimSortKey, ParsedInput, TimelineClaim } from '../../src-shared/contract';
import { gradeOf, verificationSchema } from '../../src-shared/domain/claim';
import type { ProjectStore } from '../store/project-store';
import type { EntriesCache, EntryRefs } from './entries-cache';
import { entriesOf, overCache, select } from './entries-queries';
import { credibilityOf, flagsOf, IS_CLAIM, PACK, reliabilityOf, ROW_FIELDS, SPEAKER, verificationOf } from './entry-rows';
import { collator, type EntryParts } from './library-entries';

/** Claims read at a time while a text filter is checked, so that memory holds a bounded number. */
const TEXT_CHUNK = 2_000;
/** Sorted selections kept for paging through the same table (scrolling asks for page after page); 16 bytes a claim each. */
const REMEMBERED = 2;

const hasClaims = (s: { claimCount: number }) => s.claimCount > 0;

/** Claims that pass the filters, in timeline order. */
async function filtered(cache: EntriesCache, filters: ClaimFilters): Promise<EntryRefs> {
  const speaker = filters.speakerId ? cache.actors.known(filters.speakerId) ?? -1 : 0;
  const verification = filters.verification ? verificationSchema.options.indexOf(filters.verification) + 1 : 0;
  const refs = select(cache, (rows, r) => {
    const pack = rows[r + PACK]!;
    return Boolean(flagsOf(pack) & IS_CLAIM) && (!speaker || rows[r + SPEAKER] === speaker) && (!verification || ((pack >> 4) & 0xf) === verification);
  });
  // Any case, as the table always filtered: the claim's words or its note hold the text.
  const q = filters.text?.toLowerCase();
  if (!q) return refs;
  const kept: EntryRefs = { articles: [], rows: [] };
  for (let i = 0; i < refs.rows.length; i += TEXT_CHUNK) {
    const chunk = { articles: refs.articles.slice(i, i + TEXT_CHUNK), rows: refs.rows.slice(i, i + TEXT_CHUNK) };
    const parts = await cache.read(chunk);
    parts.forEach((p, k) => {
      if (p.annotation.target.exact.toLowerCase().includes(q) || p.annotation.note.toLowerCase().includes(q)) {
        kept.articles.push(chunk.articles[k]!);
        kept.rows.push(chunk.rows[k]!);
      }
    });
  }
  return kept;
}

/**
 * Sorts claims by a column, as the table always sorted them (`localeCompare` of the shown value;
 * equal values keep timeline order). Each distinct value is ranked once, so a million claims
 * sort as numbers.
 */
function sorted(refs: EntryRefs, key: ClaimSortKey, up: boolean, speakerName: (n: number) => string): EntryRefs {
  const n = refs.rows.length;
  const valueOf = (i: number): string => {
    const a = refs.articles[i]!;
    const r = refs.rows[i]!;
    const pack = a.rows[r + PACK]!;
    switch (key) {
      case 'speaker':
        return speakerName(a.rows[r + SPEAKER]!);
      case 'date':
        return a.published || '9999';
      case 'source':
        return a.source;
      case 'grade':
        return gradeOf({ reliability: reliabilityOf(pack), credibility: credibilityOf(pack) });
      case 'verification':
        return verificationOf(pack) ?? '';
    }
  };
  const values = new Array<string>(n);
  const distinct = new Set<string>();
  for (let i = 0; i < n; i++) distinct.add((values[i] = valueOf(i)));
  const ordered = [...distinct].sort(collator.compare);
  const rank = new Map<string, number>();
  ordered.forEach((v, i) => rank.set(v, i > 0 && collator.compare(ordered[i - 1]!, v) === 0 ? rank.get(ordered[i - 1]!)! : i));
  const top = ordered.length;
  // Rank, then timeline position, in one float: a native numeric sort instead of a comparator.
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = rank.get(values[i]!)!;
    keys[i] = (up ? r : top - r) * n + i;
  }
  keys.sort();
  const out: EntryRefs = { articles: new Array(n), rows: new Array(n) };
  for (let k = 0; k < n; k++) {
    const i = keys[k]! % n;
    out.articles[k] = refs.articles[i]!;
    out.rows[k] = refs.rows[i]!;
  }
  return out;
}

/** Claims queries over one cache, remembering the last few sorted selections while nothing changes. */
export function claimsQueries(cache: EntriesCache, store: ProjectStore) {
  const linked = (refs: EntryRefs) => withLinkedClaims(cache, store, refs);
  // Keyed by the query; valid while the cached entries and the registry (speaker names sort) are the same.
  const remembered = new Map<string, { version: number; project: object; refs: EntryRefs; claims: number; speakers: string[] }>();

  function speakerName(): (n: number) => string {
    const names = new Map(store.project.actors.map((a) => [a.id, a.name]));
    return (n) => {
      const id = cache.actors.idOf(n);
      return id ? names.get(id) ?? '?' : '';
    };
  }

  /** Every claim's count and speakers (in timeline order of their first claim), and the filtered, sorted selection. */
  async function table(filters: ClaimFilters, sort: { key: ClaimSortKey; up: boolean }) {
    const id = JSON.stringify([filters, sort]);
    const known = remembered.get(id);
    const project = store.project;
    if (known && known.version === cache.version && known.project === project) return known;
    const version = cache.version;
    const all = select(cache, (rows, r) => Boolean(flagsOf(rows[r + PACK]!) & IS_CLAIM));
    const speakers = new Set<number>();
    all.rows.forEach((r, i) => speakers.add(all.articles[i]!.rows[r + SPEAKER]!));
    speakers.delete(0);
    const refs = sorted(await filtered(cache, filters), sort.key, sort.up, speakerName());
    const result = { version, project, refs, claims: all.rows.length, speakers: [...speakers].map((n) => cache.actors.idOf(n)!) };
    remembered.delete(id);
    remembered.set(id, result);
    if (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value!);
    return result;
  }

  return {
    table: ({ filters, sort, offset, limit }: ParsedInput<'claims:table'>): Promise<ChannelOutput<'claims:table'>> =>
      overCache(cache, hasClaims, async () => {
        const { refs, claims, speakers } = await table(filters, sort);
        const page = { articles: refs.articles.slice(offset, offset + limit), rows: refs.rows.slice(offset, offset + limit) };
        return { total: refs.rows.length, claims, speakers, entries: await entriesOf(cache, store, page) };
      }),

    timeline: ({ filters, withLinked, limit }: ParsedInput<'claims:timeline'>): Promise<ChannelOutput<'claims:timeline'>> =>
      overCache(cache, hasClaims, async () => {
        let refs = await filtered(cache, filters);
        if (withLinked) refs = await linked(refs);
        const dated = (i: number) => /^\d{4}-\d{2}-\d{2}$/.test(refs.articles[i]!.published);
        const kept: EntryRefs = { articles: [], rows: [] };
        let undated = 0;
        // Timeline order puts the latest last: walk back from the end for the most recent.
        for (let i = refs.rows.length - 1; i >= 0; i--) {
          if (!dated(i)) undated++;
          else if (kept.rows.length < limit) {
            kept.articles.push(refs.articles[i]!);
            kept.rows.push(refs.rows[i]!);
          }
        }
        kept.articles.reverse();
        kept.rows.reverse();
        const parts = await cache.read(kept);
        return { total: refs.rows.length, undated, claims: parts.map((p, i) => timelineClaim(kept.articles[i]!, p)) };
      }),
  };
}

function timelineClaim(article: { id: string; title: string; published: string }, p: EntryParts): TimelineClaim {
  const claim = p.annotation.claim!;
  return {
    articleId: article.id,
    articleTitle: article.title,
    published: article.published,
    annotationId: p.annotation.id,
    start: p.annotation.target.start,
    exact: p.annotation.target.exact.slice(0, 200),
    speakerId: claim.speakerId,
    verification: claim.verification,
    reliability: claim.reliability,
    credibility: claim.credibility,
    links: claim.links,
  };
}

/** Adds the claims at the other end of the links of `refs` (a contradiction needs both ends), in timeline order. */
async function withLinkedClaims(cache: EntriesCache, store: ProjectStore, refs: EntryRefs): Promise<EntryRefs> {
  const parts = await cache.read(refs);
  const wanted = new Map<string, Set<string>>();
  for (const p of parts) for (const l of p.annotation.claim?.links ?? []) wanted.set(l.articleId, (wanted.get(l.articleId) ?? new Set()).add(l.annotationId));
  const seen = new Set(refs.rows.map((r, i) => `${refs.articles[i]!.id}/${r}`));
  const extra: EntryRefs = { articles: [], rows: [] };
  for (const id of wanted.keys()) {
    const a = cache.article(id);
    if (!a || !store.hasArticle(id)) continue;
    for (let r = 0; r < a.rows.length; r += ROW_FIELDS) {
      if (flagsOf(a.rows[r + PACK]!) & IS_CLAIM && !seen.has(`${id}/${r}`)) {
        extra.articles.push(a);
        extra.rows.push(r);
      }
    }
  }
  const linked = await cache.read(extra);
  const all = { articles: [...refs.articles], rows: [...refs.rows] };
  linked.forEach((p, i) => {
    if (!wanted.get(p.annotation.articleId)?.has(p.annotation.id)) return;
    all.articles.push(extra.articles[i]!);
    all.rows.push(extra.rows[i]!);
  });
  cache.articles(); // ranks current again: a change may have come in while entries were read
  const order = all.rows.map((_, i) => i).sort((x, y) => all.articles[x]!.rank - all.articles[y]!.rank || all.rows[x]! - all.rows[y]!);
  return { articles: order.map((i) => all.articles[i]!), rows: order.map((i) => all.rows[i]!) };
}
