import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { networkArticle, type NetworkArticle } from '../../src-shared/network/network-graph';
import type { FileStamp, ProjectStore } from '../store/project-store';
import { NETWORK_CACHE_FILE, readNetworkCache, writeNetworkCache } from './network-cache-file';

/** After a network has read article files, the cache file is written this long after the last such read. */
const WRITE_DELAY_MS = 3_000;
/**
 * Past this many articles the network summaries are kept in memory only: a year of news at
 * 100,000 articles would make a file of hundreds of megabytes to save the reading of a view
 * that is usually narrowed by date.
 */
export const MAX_PERSISTED_ARTICLES = 20_000;
/**
 * A cache file up to this size (about 3,000 articles' summaries) is loaded once the project's
 * opening work is done, before the view asks: the file exists only if the Network view was used.
 */
const PREFETCH_MAX_BYTES = 16 * 1024 * 1024;
/** Projects up to this many articles with claims or marks get their network summaries made in the background. */
export const PREBUILD_MAX_ARTICLES = 5_000;
const PREBUILD_BATCH = 25;
/** After the check of the files that follows opening: the analyst's first requests go first. */
const PREBUILD_DELAY_MS = 2_000;

/**
 * What the network is built from, per article (`networkArticle`: its claims and actor marks, no
 * text), kept in memory once read and replaced from every committed change, so that only the
 * first network of a session reads the article files; a filter change, the next visit to the
 * view or the claims behind a link are answered from memory. Holds a few hundred bytes per claim
 * and mark of the articles the network has read.
 *
 * Persisted in `network-cache.jsonl` (network-cache-file.ts): the first network of a session
 * loads it, keeping each article's summary only while the store's stamp for that article's file
 * is the one the summary was made from, and reads the files of the rest; the store's check of
 * the files after opening announces any file changed while the project was closed, which
 * replaces its summary here. Written in the
 * background a few seconds after a network read files, and at close; only articles whose stamp
 * the store knows (those not saved since the project was opened) are written.
 */
export class NetworkSource {
  private readonly articles = new Map<string, NetworkArticle>();
  /** The stamp of the file each summary was made from, when known (null: saved this session). */
  private readonly stamps = new Map<string, FileStamp | null>();
  /** Counts change notifications, so that a read that started before a change does not replace it. */
  private changes = 0;
  private readonly changedAt = new Map<string, number>();
  private loaded: Promise<void> | null = null;
  /** Summaries read from files (or changed) since the cache file was last written. */
  private dirty = false;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly store: ProjectStore) {
    store.onArticleChange((id, file) => {
      this.changedAt.set(id, ++this.changes);
      // A saved file's stamp is not known until the next open: the summary is kept, not written.
      this.stamps.set(id, null);
      if (file) this.articles.set(id, networkArticle(file));
      else this.articles.delete(id);
    });
    store.onClose(() => this.close());
    void this.prefetch();
  }

  /**
   * Gets the summaries ready before the view asks, once the project's opening work is done: the
   * cache file is loaded if small enough; then, in a project of up to PREBUILD_MAX_ARTICLES
   * articles with claims or marks, the summaries it lacks are made from the article files in
   * small batches with the event loop let go between them, and written, so that the first network
   * of a project need not read two thousand files while the analyst waits.
   */
  private async prefetch(): Promise<void> {
    const info = await stat(join(this.store.directory, NETWORK_CACHE_FILE)).catch(() => null);
    await this.store.verified.catch(() => undefined);
    if (info && info.size <= PREFETCH_MAX_BYTES && !this.stopped()) await (this.loaded ??= this.load());
    if (info && info.size > PREFETCH_MAX_BYTES) return;
    const wanted: string[] = [];
    for (const s of this.store.summaries()) if (s.claimCount > 0 || Object.keys(s.actorMentions).length > 0) wanted.push(s.id);
    if (wanted.length > PREBUILD_MAX_ARTICLES) return;
    await new Promise((resolve) => setTimeout(resolve, PREBUILD_DELAY_MS).unref());
    for (let i = 0; i < wanted.length && !this.stopped(); i += PREBUILD_BATCH) {
      await this.get(wanted.slice(i, i + PREBUILD_BATCH));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private stopped(): boolean {
    return this.closed || this.store.isClosed;
  }

  /** The summaries of these articles (those that exist), read from their files where not yet known. */
  async get(ids: readonly string[]): Promise<NetworkArticle[]> {
    await (this.loaded ??= this.load());
    const missing = ids.filter((id) => !this.articles.has(id));
    if (missing.length) {
      const started = this.changes;
      for (const file of await this.store.peekArticles(missing)) {
        const id = file.article.id;
        // Saved while it was read: the notification has already put the newer state here.
        if ((this.changedAt.get(id) ?? 0) > started) continue;
        this.articles.set(id, networkArticle(file));
        // The stamp found at open is the file's as read: a save since would have notified.
        this.stamps.set(id, this.store.articleStamp(id));
      }
      this.dirty = true;
      this.scheduleWrite();
    }
    const found: NetworkArticle[] = [];
    for (const id of ids) {
      const article = this.articles.get(id);
      if (article) found.push(article);
    }
    return found;
  }

  /** Takes what the cache file holds for articles whose files are as they were when it was written. */
  private async load(): Promise<void> {
    const started = this.changes;
    // Not waiting for the store's check of the files after opening (held while search loads): a
    // file changed while the project was closed still has the stamp the cache row was made with
    // until that check reaches it, announces the change, and the announcement replaces the row
    // here, as it replaces the library's summary.
    const cached = await readNetworkCache(this.store.directory);
    if (!cached) return;
    for (const [id, { stamp, article }] of cached) {
      if (this.articles.has(id) || (this.changedAt.get(id) ?? 0) > started) continue;
      const now = this.store.articleStamp(id);
      if (!now || now.size !== stamp.size || now.mtimeMs !== stamp.mtimeMs) continue;
      this.articles.set(id, article);
      this.stamps.set(id, now);
    }
  }

  private scheduleWrite(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.write();
    }, WRITE_DELAY_MS);
    this.timer.unref();
  }

  /** Writes the summaries whose file stamps are known; one write at a time. */
  write(): Promise<void> {
    this.writing = this.writing.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      if (this.articles.size > MAX_PERSISTED_ARTICLES) return;
      const rows: [string, FileStamp, NetworkArticle][] = [];
      for (const [id, article] of this.articles) {
        const stamp = this.stamps.get(id);
        if (stamp) rows.push([id, stamp, article]);
      }
      try {
        await writeNetworkCache(this.store.directory, rows);
      } catch (error) {
        // Derived data: the next network reads the files instead. Said in the log, not to the user.
        console.error('The network cache could not be written:', error);
      }
    });
    return this.writing;
  }

  private async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.write();
  }
}
