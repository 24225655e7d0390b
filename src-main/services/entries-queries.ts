import type { ArticleSummary } from '../../src-shared/domain/article';
import type { ProjectStore } from '../store/project-store';
import { DamagedEntriesError, type CachedArticle, type EntriesCache, type EntryRefs } from './entries-cache';
import { ACTOR, IS_CLAIM, IS_DRAFT, IS_ORPHAN, PACK, ROW_FIELDS, SPEAKER, flagsOf } from './entry-rows';
import { toEntry, type EntryParts, type LibraryEntry } from './library-entries';

/**
 * Runs a query over the cache once it holds every entry of the articles `needs` selects. A
 * damaged entry on disk drops its article from the cache; the query then runs again, with that
 * article's entries made from its file.
 */
export async function overCache<T>(cache: EntriesCache, needs: (s: ArticleSummary) => boolean, query: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    await cache.prepare(needs);
    try {
      return await query();
    } catch (error) {
      if (!(error instanceof DamagedEntriesError) || attempt >= 2) throw error;
    }
  }
}

/** The cached entries whose rows `keep` accepts, in timeline order. */
export function select(cache: EntriesCache, keep: (rows: Int32Array, r: number) => boolean): EntryRefs {
  const refs: EntryRefs = { articles: [], rows: [] };
  for (const a of cache.articles()) {
    for (let r = 0; r < a.rows.length; r += ROW_FIELDS) {
      if (keep(a.rows, r)) {
        refs.articles.push(a);
        refs.rows.push(r);
      }
    }
  }
  return refs;
}

const key = (articleId: string, annotationId: string) => `${articleId}/${annotationId}`;

/**
 * The words of the claims that `parts` link to, wherever they are in the library: from `parts`
 * themselves, then from the cached claims of the other articles (made from their files if not
 * cached yet).
 */
export async function linkTexts(cache: EntriesCache, store: ProjectStore, parts: readonly EntryParts[]): Promise<(articleId: string, annotationId: string) => string | undefined> {
  const texts = new Map<string, string>();
  for (const p of parts) if (p.annotation.claim) texts.set(key(p.annotation.articleId, p.annotation.id), p.annotation.target.exact);
  const targets = new Set<string>();
  for (const p of parts) for (const l of p.annotation.claim?.links ?? []) if (!texts.has(key(l.articleId, l.annotationId))) targets.add(l.articleId);
  if (targets.size > 0) {
    await cache.prepare((s) => targets.has(s.id) && s.claimCount > 0);
    const refs: EntryRefs = { articles: [], rows: [] };
    for (const id of targets) {
      const a = cache.article(id);
      if (!a || !store.hasArticle(id)) continue;
      for (let r = 0; r < a.rows.length; r += ROW_FIELDS) {
        if (flagsOf(a.rows[r + PACK]!) & IS_CLAIM) {
          refs.articles.push(a);
          refs.rows.push(r);
        }
      }
    }
    for (const p of await cache.read(refs)) texts.set(key(p.annotation.articleId, p.annotation.id), p.annotation.target.exact);
  }
  return (articleId, annotationId) => texts.get(key(articleId, annotationId));
}

/** Reads the entries `refs` point at, as the contract carries them. */
export async function entriesOf(cache: EntriesCache, store: ProjectStore, refs: EntryRefs): Promise<LibraryEntry[]> {
  const parts = await cache.read(refs);
  const text = await linkTexts(cache, store, parts);
  return parts.map((p, i) => toEntry(refs.articles[i]!, p, text));
}

/** Every mention of an actor and every claim they make, in timeline order. */
export function dossierEntries(cache: EntriesCache, store: ProjectStore, actorId: string): Promise<LibraryEntry[]> {
  return overCache(
    cache,
    (s) => Boolean(s.actorMentions[actorId] || s.speakerClaims[actorId]),
    async () => {
      const n = cache.actors.known(actorId);
      if (n === undefined) return [];
      return entriesOf(cache, store, select(cache, (rows, r) => rows[r + ACTOR] === n || rows[r + SPEAKER] === n));
    },
  );
}

/** Draft and orphaned annotations: how many, and the first `limit` in timeline order. */
export function reviewQueue(cache: EntriesCache, store: ProjectStore, limit: number): Promise<{ total: number; drafts: number; orphans: number; items: LibraryEntry[] }> {
  return overCache(
    cache,
    (s) => Boolean(s.statusCounts.draft || s.orphanCount),
    async () => {
      let total = 0;
      let drafts = 0;
      let orphans = 0;
      const first: EntryRefs = { articles: [], rows: [] };
      const articles: CachedArticle[] = cache.articles();
      for (const a of articles) {
        for (let r = 0; r < a.rows.length; r += ROW_FIELDS) {
          const flags = flagsOf(a.rows[r + PACK]!);
          if (!(flags & (IS_DRAFT | IS_ORPHAN))) continue;
          total++;
          if (flags & IS_DRAFT) drafts++;
          if (flags & IS_ORPHAN) orphans++;
          if (first.rows.length < limit) {
            first.articles.push(a);
            first.rows.push(r);
          }
        }
      }
      return { total, drafts, orphans, items: await entriesOf(cache, store, first) };
    },
  );
}
