import type { ArticleSummary } from '../../src-shared/domain/article';
import type { ArticleFile } from '../store/file-schemas';
import type { FileStamp, ProjectStore } from '../store/project-store';
import { SerialQueue } from '../store/serial-queue';
import { QuietTimer } from './quiet-timer';
import { readShard, removeLeftovers, removeShard, SHARDS, shardOf, writeShard } from './entries-cache-file';
import { ActorNumbers, decodeEntry, encodeEntries, HASH, LENGTH, OFFSET, ROW_FIELDS } from './entry-rows';
import { compareArticles, entryPartsOf, summaryHasEntries, type EntryArticle, type EntryParts } from './library-entries';
import { readSpans, ShardFile, type Wanted } from './shard-reads';

/** How many articles are read between two yields to the event loop while building. */
const BATCH = 25;
/** Changed articles whose entries wait in memory before their shards are rewritten once saves pause (QuietTimer; at close in any case). */
const REWRITE_AFTER_CHANGES = 500;
/** A query reads at most this many article files itself; past it, it waits for the build. */
const ADOPT_AT_ONCE = 5_000;
/** Stands for "no file known" in a shard file: it never equals a real file's stamp, so the entry is redone. */
const UNKNOWN: FileStamp = { size: -1, mtimeMs: -1 };

/** One article's cached entries: rows in memory, the entries' JSON in memory until written, then on disk. */
export interface CachedArticle extends EntryArticle {
  /**
   * ROW_FIELDS integers per entry (entry-rows.ts), in position order. OFFSET is where the entry
   * is in `bytes` while those are in memory, then its position in `file`.
   */
  readonly rows: Int32Array;
  /** The entries' bytes while they are not (yet) in a shard file. */
  bytes: Buffer | null;
  file: ShardFile | null;
  /** The size and time of the article file the entries were made from; null to read at the next write. */
  stamp: FileStamp | null;
  /** Position in timeline order (valid while the cache's ranks are). */
  rank: number;
}

/** Entries chosen by a query, in timeline order: the article and the first field of the row, item by item. */
export interface EntryRefs {
  articles: CachedArticle[];
  rows: number[];
}

/** Raised when an entry's bytes on disk are damaged: its article was dropped from the cache, ask again. */
export class DamagedEntriesError extends Error {}

/**
 * The entries of the dossier, the claims table and the review queue, cached so that they are
 * served without reading article files. Rows (what selects, counts and orders an entry) are in
 * memory; entries are read from `entries-cache/<shard>.bin` when a view shows them. Kept current
 * from the store's change notifications; at open, shard files are checked (format, checksum)
 * and every article's entries against its file's size and time, and what is stale, damaged or
 * missing is made again from the article files in the background. Until then a query reads the
 * files of the articles it needs (and keeps what it made). Shards are rewritten whole, durably,
 * as the build finishes them, at close, and after many changes; never on the save path.
 */
export class EntriesCache {
  readonly actors = new ActorNumbers();
  private readonly shards = Array.from({ length: SHARDS }, () => new Map<string, CachedArticle>());
  private readonly files: (ShardFile | null)[] = Array.from({ length: SHARDS }, () => null);
  private readonly dirty = new Set<number>();
  /** Articles whose summary says they hold entries that are not in the cache (yet). */
  private readonly missing = new Set<string>();
  /** Every cached article in timeline order, but for the changes below (see settle()). */
  private order: CachedArticle[] = [];
  /**
   * Changes to the order since it was last settled, applied at the next read: a save at 100,000
   * articles moved 100,000 pointers twice (splice out, splice in) on the save path, half a
   * millisecond per save; the next query merges all the changes since in one pass.
   */
  private readonly leaving = new Set<CachedArticle>();
  private arriving: CachedArticle[] = [];
  private ranked = false;
  /** Changes committed while the cache loads, applied once it has. */
  private buffered: Map<string, ArticleFile | null> | null = new Map();
  private stopped = false;
  /** The next rewrite: due after REWRITE_AFTER_CHANGES changes, run once saves pause. */
  private readonly writer = new QuietTimer(() => this.enqueueWrite([...this.dirty]), REWRITE_AFTER_CHANGES);
  private readonly writes = new SerialQueue();
  /** Bumped by every change to the cached entries: an answer computed before it may be out of date. */
  version = 0;
  /** Resolves once the shard files are read (queries wait for it, not for the build). */
  readonly loaded: Promise<void>;
  /** Resolves once every article's entries are cached. */
  readonly ready: Promise<void>;

  constructor(private readonly store: ProjectStore) {
    const unsubscribe = store.onArticleChange((id, file) => {
      if (this.buffered) this.buffered.set(id, file);
      else this.change(id, file);
    });
    const unregister = store.onClose(() => this.close());
    this.loaded = this.load();
    this.ready = this.loaded
      .then(() => this.build())
      .catch((error: unknown) => console.error('Could not build the entries cache (views read article files meanwhile):', error))
      .finally(() => {
        if (this.stopped) {
          unsubscribe();
          unregister();
        }
      });
  }

  /** How many articles' entries are cached, and how many are still to be made. */
  progress(): { cached: number; missing: number } {
    return { cached: this.order.length - this.leaving.size + this.arriving.length, missing: this.missing.size };
  }

  /**
   * Waits for the shard files, then makes the entries of the articles that `needs` selects and
   * that are not cached yet, from their files: afterwards the cache holds every entry of them.
   */
  async prepare(needs: (s: ArticleSummary) => boolean): Promise<void> {
    await this.loaded;
    const wanted = () => [...this.missing].filter((id) => {
      const summary = this.store.summary(id);
      return summary !== undefined && needs(summary);
    });
    let ids = wanted();
    // Many articles: the build reads them shard by shard and writes each shard as it goes, so
    // memory never holds more than a shard's entries; wait for it rather than read them all here.
    if (ids.length > ADOPT_AT_ONCE) {
      await this.ready;
      ids = wanted();
    }
    if (ids.length === 0) return;
    await this.adopt(ids);
    if (!this.stopped) this.writer.changed(ids.length);
  }

  /** Cached articles in timeline order (each with its `rank`), leaving out any the store set aside since. */
  articles(): CachedArticle[] {
    this.settle();
    if (!this.ranked) {
      this.order.forEach((a, i) => (a.rank = i));
      this.ranked = true;
    }
    return this.order.filter((a) => this.store.hasArticle(a.id));
  }

  /** The cached article, if any. */
  article(id: string): CachedArticle | undefined {
    return this.shards[shardOf(id)]!.get(id);
  }

  /**
   * Reads entries (article by article, nearby ones together). A damaged entry drops its article
   * from the cache (to be made again from its file) and raises DamagedEntriesError.
   */
  async read(refs: EntryRefs): Promise<EntryParts[]> {
    const out: (EntryParts | null)[] = new Array(refs.rows.length).fill(null);
    const wanted: Wanted[] = [];
    const damaged = new Set<CachedArticle>();
    refs.rows.forEach((r, i) => {
      const a = refs.articles[i]!;
      const from = a.rows[r + OFFSET]!;
      const length = a.rows[r + LENGTH]!;
      if (a.bytes) {
        out[i] = decodeEntry(a.bytes, from, from + length, a.rows[r + HASH]!);
        if (!out[i]) damaged.add(a);
      } else if (a.file) wanted.push({ file: a.file.acquire(), position: from, length, index: i });
    });
    await readSpans(wanted, (i, bytes, from) => {
      const a = refs.articles[i]!;
      const r = refs.rows[i]!;
      out[i] = decodeEntry(bytes, from, from + a.rows[r + LENGTH]!, a.rows[r + HASH]!);
      if (!out[i]) damaged.add(a);
    });
    if (damaged.size > 0) {
      for (const a of damaged) this.drop(a);
      throw new DamagedEntriesError(`${damaged.size} articles had damaged entries in the cache`);
    }
    return out as EntryParts[];
  }

  /** Stops building and writes what changed (at close, before the project's lock is released). */
  private async close(): Promise<void> {
    this.stopped = true;
    this.writer.cancel();
    await this.ready;
    this.writer.cancel();
    await this.enqueueWrite([...this.dirty]);
    for (const file of this.files) file?.retire();
  }

  /** Takes the shard files, keeping only the articles whose file is unchanged since. */
  private async load(): Promise<void> {
    await removeLeftovers(this.store.directory).catch(() => undefined);
    const shards = await Promise.all(Array.from({ length: SHARDS }, (_, s) => readShard(this.store.directory, s, this.actors)));
    shards.forEach((loaded, s) => {
      if (loaded === 'damaged') this.dirty.add(s);
      if (!loaded || loaded === 'damaged') return;
      const file = new ShardFile(loaded.handle);
      this.files[s] = file;
      for (const a of loaded.articles) {
        const current = this.store.articleStamp(a.id);
        if (current && current.size === a.stamp.size && current.mtimeMs === a.stamp.mtimeMs && this.store.hasArticle(a.id) && shardOf(a.id) === s) {
          const cached: CachedArticle = { id: a.id, title: a.title, source: a.source, published: a.published, rows: a.rows, bytes: null, file, stamp: a.stamp, rank: 0 };
          this.shards[s]!.set(a.id, cached);
          this.order.push(cached);
        } else this.dirty.add(s);
      }
    });
    this.order.sort(compareArticles);
    const buffered = this.buffered ?? new Map<string, ArticleFile | null>();
    this.buffered = null;
    for (const [id, file] of buffered) this.change(id, file);
    for (const s of this.store.summaries()) if (summaryHasEntries(s) && !this.article(s.id)) this.missing.add(s.id);
  }

  /** Makes the missing entries shard by shard, writing each shard once it is complete. */
  private async build(): Promise<void> {
    const byShard = new Map<number, string[]>();
    for (const id of this.missing) {
      const s = shardOf(id);
      byShard.set(s, [...(byShard.get(s) ?? []), id]);
    }
    for (const [s, ids] of [...byShard].sort(([a], [b]) => a - b)) {
      for (let i = 0; i < ids.length && !this.stopped && !this.store.isClosed; i += BATCH) {
        await this.adopt(ids.slice(i, i + BATCH));
        // Let requests in between batches: the app stays responsive while the cache fills.
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (this.stopped || this.store.isClosed) return;
      // Written before the next shard is made, so that memory holds one shard's entries at most.
      if (this.dirty.has(s)) await this.enqueueWrite([s]);
    }
    if (this.dirty.size > 0 && !this.stopped) this.writer.soon();
  }

  /** Reads the files of missing articles and caches their entries. */
  private async adopt(ids: readonly string[]): Promise<void> {
    const wanted = ids.filter((id) => this.missing.has(id));
    // Stamps first: a file saved after its stamp was taken is caught at the next open.
    const stamps = new Map(wanted.map((id) => [id, this.store.articleStamp(id)]));
    const files = await this.store.peekArticles(wanted);
    for (const file of files) {
      const id = file.article.id;
      // Saved or set aside while it was read: the change notification has already dealt with it.
      if (!this.missing.has(id) || !this.store.hasArticle(id)) continue;
      this.put(id, file, stamps.get(id) ?? null);
    }
  }

  private change(id: string, file: ArticleFile | null): void {
    this.put(id, file, null);
    if (!this.stopped) this.writer.changed();
  }

  /** Caches an article's committed state (null: gone); `stamp` is its file's, or null to read it at the next write. */
  private put(id: string, file: Readonly<ArticleFile> | null, stamp: FileStamp | null): void {
    const s = shardOf(id);
    const old = this.shards[s]!.get(id);
    if (old) this.unorder(old);
    this.missing.delete(id);
    this.version++;
    const parts = file ? entryPartsOf(file) : [];
    if (parts.length === 0) {
      if (old) this.dirty.add(s);
      this.shards[s]!.delete(id);
      return;
    }
    const { rows, bytes } = encodeEntries(parts, this.actors);
    const { title, source, published } = file!.article;
    const cached: CachedArticle = { id, title, source, published, rows, bytes, file: null, stamp, rank: 0 };
    this.shards[s]!.set(id, cached);
    this.enorder(cached);
    this.dirty.add(s);
  }

  /** Forgets an article whose cached entries cannot be trusted; it is made again from its file. */
  private drop(a: CachedArticle): void {
    const s = shardOf(a.id);
    if (this.shards[s]!.get(a.id) !== a) return;
    this.shards[s]!.delete(a.id);
    this.unorder(a);
    this.dirty.add(s);
    this.version++;
    if (this.store.hasArticle(a.id)) this.missing.add(a.id);
  }

  private enorder(a: CachedArticle): void {
    this.arriving.push(a);
    this.ranked = false;
  }

  private unorder(a: CachedArticle): void {
    const at = this.arriving.indexOf(a);
    if (at >= 0) this.arriving.splice(at, 1);
    else this.leaving.add(a);
    this.ranked = false;
  }

  /** Applies the changes to the order since the last read: one pass over it, the new ones merged in. */
  private settle(): void {
    if (this.leaving.size === 0 && this.arriving.length === 0) return;
    const kept = this.leaving.size > 0 ? this.order.filter((a) => !this.leaving.has(a)) : this.order;
    const arriving = this.arriving.sort(compareArticles);
    const merged: CachedArticle[] = new Array<CachedArticle>(kept.length + arriving.length);
    let i = 0;
    let j = 0;
    for (let k = 0; k < merged.length; k++) merged[k] = j >= arriving.length || (i < kept.length && compareArticles(kept[i]!, arriving[j]!) <= 0) ? kept[i++]! : arriving[j++]!;
    this.order = merged;
    this.leaving.clear();
    this.arriving = [];
  }


  /** One write at a time; a failed one is reported and leaves the old file (the next open redoes what it lacks). */
  private enqueueWrite(shards: readonly number[]): Promise<void> {
    return this.writes
      .run(async () => {
        for (const s of shards) if (this.dirty.has(s)) await this.writeShard(s);
      })
      .catch((error: unknown) => console.error('Could not save the entries cache (it is made again at the next open):', error));
  }

  private async writeShard(s: number): Promise<void> {
    this.dirty.delete(s);
    const shard = this.shards[s]!;
    try {
      // Stamps of the files saved since open, read behind their saves. A file saved again
      // meanwhile has a newer entry than the stamp read: it keeps no stamp and is redone at the
      // next open, never the other way round (old entries passing for a new file).
      for (const a of [...shard.values()]) {
        if (a.stamp) continue;
        const read = await this.store.statArticle(a.id);
        if (shard.get(a.id) === a) a.stamp = read ?? UNKNOWN;
      }
      const list = [...shard.values()];
      if (list.length === 0) {
        await removeShard(this.store.directory, s);
        this.files[s]?.retire();
        this.files[s] = null;
        return;
      }
      const entries = await this.entriesOf(list);
      const written = await writeShard(
        this.store.directory,
        s,
        list.map((a, k) => ({ id: a.id, stamp: a.stamp ?? UNKNOWN, title: a.title, source: a.source, published: a.published, rows: a.rows, entries: entries[k]! })),
        this.actors,
      );
      const file = new ShardFile(written.handle);
      this.files[s]?.retire();
      this.files[s] = file;
      list.forEach((a, k) => {
        // An article saved again while this ran keeps its newer entries in memory (its shard is dirty again).
        if (shard.get(a.id) !== a) return;
        // Readers take positions when they start, so changing them now misleads none.
        written.offsets[k]!.forEach((position, i) => (a.rows[i * ROW_FIELDS + OFFSET] = position));
        a.file = file;
        a.bytes = null;
      });
    } catch (error) {
      this.dirty.add(s);
      throw error;
    }
  }

  /** Each article's entries' bytes, row by row, from memory or from the file they are in. */
  private async entriesOf(list: readonly CachedArticle[]): Promise<Buffer[][]> {
    const out: Buffer[][] = list.map((a) => new Array<Buffer>(a.rows.length / ROW_FIELDS));
    const wanted: Wanted[] = [];
    const where: [article: number, entry: number][] = [];
    list.forEach((a, k) => {
      for (let r = 0; r < a.rows.length; r += ROW_FIELDS) {
        const from = a.rows[r + OFFSET]!;
        const length = a.rows[r + LENGTH]!;
        if (a.bytes) out[k]![r / ROW_FIELDS] = a.bytes.subarray(from, from + length);
        else if (a.file) {
          wanted.push({ file: a.file.acquire(), position: from, length, index: where.length });
          where.push([k, r / ROW_FIELDS]);
        }
      }
    });
    await readSpans(wanted, (i, bytes, from) => {
      const [k, e] = where[i]!;
      // A copy: the read buffer is reused.
      out[k]![e] = Buffer.from(bytes.subarray(from, from + wanted[i]!.length));
    });
    return out;
  }
}
