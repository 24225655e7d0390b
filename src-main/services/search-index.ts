import type { ArticleFile } from '../store/file-schemas';
import type { FileStamp, ProjectStore } from '../store/project-store';
import { SerialQueue } from '../store/serial-queue';
import { QuietTimer } from './quiet-timer';
import { InvertedIndex, type SearchHit } from './inverted-index';
import { parseSearchIndex, readSearchIndexFile, writeSearchIndex } from './search-index-file';

/** How many articles are indexed between two yields to the event loop while building. */
const BATCH = 25;
/**
 * The file is rewritten whole (50 MB at 100,000 articles), so only after a build, at close, and
 * once this many articles changed since the last write and saves then pause (QuietTimer; a crash
 * costs re-reading the articles changed since at the next open, since their stamps no longer match).
 */
const REWRITE_AFTER_CHANGES = 500;
/** Stands for "no file known" in the index file: it never equals a real file's stamp, so the entry is redone. */
const UNKNOWN: FileStamp = { size: -1, mtimeMs: -1 };

/**
 * Full-text index of the library (InvertedIndex), kept current on every committed change. It is
 * persisted in the project folder (search-index.bin) with the size and time of each article file
 * it was made from: at open, entries whose file changed since, and articles it does not know,
 * are indexed again in the background while the app is usable; a damaged index, or one written
 * another way, is rebuilt whole. Written after a build, at close, and after many changes.
 */
export class SearchIndex {
  private index = new InvertedIndex();
  /** Per indexed article, the stamp of the file its entry was made from; null when saved since, read at the next write. */
  private readonly stamps = new Map<string, FileStamp | null>();
  /** Changes committed while the persisted index loads, applied to it once loaded. */
  private pending: Map<string, ArticleFile | null> | null = new Map();
  /** Counts changes, so that a file stamp read before a change is not taken for the state after it. */
  private changeCount = 0;
  private readonly changedAt = new Map<string, number>();
  private total = 0;
  private stopped = false;
  private dirty = false;
  /** The next rewrite: due after REWRITE_AFTER_CHANGES changes, run once saves pause. */
  private readonly writer = new QuietTimer(() => this.enqueueWrite(), REWRITE_AFTER_CHANGES);
  /** One write at a time. */
  private readonly writes = new SerialQueue();
  /** Settles once the persisted index is taken (search then covers every article it held). */
  readonly loaded: Promise<void>;
  /** Settles once every article is indexed. */
  readonly ready: Promise<void>;

  /** `file`: the persisted index's bytes when they were read as the project opened (else read now). */
  constructor(
    private readonly store: ProjectStore,
    private file: Promise<Uint8Array | null> | null = null,
  ) {
    const unsubscribe = store.onArticleChange((id, file) => {
      if (this.pending) this.pending.set(id, file);
      else if (file) this.put(file, null);
      else this.remove(id);
    });
    const unregister = store.onClose(() => this.close());
    this.loaded = this.load();
    this.ready = this.loaded
      .then(() => this.build())
      .finally(() => {
        if (this.stopped) {
          unsubscribe();
          unregister();
        }
      });
  }

  progress(): { indexed: number; total: number } {
    return { indexed: this.index.size, total: Math.max(this.total, this.index.size) };
  }

  /** The `limit` best articles matching every word of `query` that `accept` lets through, and how many it lets through. */
  search(query: string, limit: number, accept?: (id: string) => boolean): { total: number; hits: SearchHit[] } {
    return this.index.search(query, limit, accept);
  }

  stop(): void {
    this.stopped = true;
  }

  /** Stops building and writes what changed (at close, before the project's lock is released). */
  private async close(): Promise<void> {
    this.stopped = true;
    this.writer.cancel();
    await this.ready.catch(() => undefined);
    this.writer.cancel();
    await this.enqueueWrite();
  }

  /** Takes the persisted index, keeping only the entries whose article file is unchanged since. */
  private async load(): Promise<void> {
    const file = await (this.file ?? readSearchIndexFile(this.store.directory));
    this.file = null;
    const loaded = file && (await parseSearchIndex(file));
    if (loaded) {
      const { ids, sizes, mtimes } = loaded;
      for (let doc = 0; doc < ids.length; doc++) {
        const id = ids[doc]!;
        // The store's stamp, when it equals the one the entry was made from, is kept as the entry's (no second object per article).
        const current = this.store.articleStamp(id);
        if (current && current.size === sizes[doc] && current.mtimeMs === mtimes[doc] && this.store.hasArticle(id)) {
          this.stamps.set(id, current);
        } else {
          loaded.index.remove(id);
          this.dirty = true;
        }
      }
      this.index = loaded.index;
    }
    const pending = this.pending ?? new Map<string, ArticleFile | null>();
    this.pending = null;
    for (const [id, file] of pending) {
      if (file) this.put(file, null);
      else this.remove(id);
    }
  }

  private async build(): Promise<void> {
    const ids = [...this.store.summaries()].map((s) => s.id);
    this.total = ids.length;
    const missing = ids.filter((id) => !this.index.has(id));
    for (let i = 0; i < missing.length && !this.stopped && !this.store.isClosed; i += BATCH) {
      const batch = missing.slice(i, i + BATCH).filter((id) => !this.index.has(id));
      // Stamps first: a file saved after its stamp was taken is caught at the next open.
      const stamps = batch.map((id) => this.store.articleStamp(id));
      // Read together: the disk and the thread pool work while one file is parsed.
      const files = await Promise.all(batch.map((id) => this.store.peekArticle(id)));
      batch.forEach((id, k) => {
        const file = files[k];
        // Saved or deleted while it was read: the change notification has already dealt with it.
        if (!file || this.index.has(id) || !this.store.hasArticle(id)) return;
        this.put(file, stamps[k] ?? null, false);
      });
      // Let requests in between batches: the UI stays responsive while the index fills.
      await new Promise((resolve) => setImmediate(resolve));
    }
    // A (re)built index is worth keeping at once: the next open then starts from it.
    if (this.dirty && !this.stopped) this.writer.soon();
  }

  /** Indexes an article's committed state; `stamp` is its file's, or null to read it at the next write. */
  private put(file: Readonly<ArticleFile>, stamp: FileStamp | null, change = true): void {
    const id = file.article.id;
    const notes = [file.article.note, ...file.annotations.map((a) => a.note)].filter((n) => n.trim()).join('\n');
    this.index.add(id, { title: file.article.title, text: file.article.text, notes });
    this.stamps.set(id, stamp);
    this.changedAt.set(id, ++this.changeCount);
    this.dirty = true;
    if (change) this.changed();
  }

  private remove(id: string): void {
    if (!this.index.has(id)) return;
    this.index.remove(id);
    this.stamps.delete(id);
    this.changedAt.set(id, ++this.changeCount);
    this.dirty = true;
    this.changed();
  }

  /** A saved change: the file is rewritten once enough of them have gathered (at close in any case). */
  private changed(): void {
    if (!this.stopped) this.writer.changed();
  }

  /** One write at a time; a failed one is reported and leaves the old file (the next open redoes what it lacks). */
  private enqueueWrite(): Promise<void> {
    return this.writes.run(() => this.write()).catch((error: unknown) => console.error('Could not save the search index (it is rebuilt at the next open):', error));
  }

  private async write(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    // Stamps of the files saved since open, read behind their saves. A file saved again while
    // this runs keeps its entry newer than the stamp read: at the next open the stamps differ and
    // the entry is redone, never the other way round (an old entry passing for a new file).
    for (const [id, stamp] of [...this.stamps]) {
      if (stamp) continue;
      const before = this.changedAt.get(id);
      const read = await this.store.statArticle(id);
      if (this.changedAt.get(id) === before && this.index.has(id) && this.stamps.get(id) === null) this.stamps.set(id, read ?? UNKNOWN);
    }
    // Entries and stamps are taken together, with no await in between (the snapshot is taken first thing).
    const stamps = new Map<string, FileStamp>();
    for (const id of this.index.articleIds()) stamps.set(id, this.stamps.get(id) ?? UNKNOWN);
    await writeSearchIndex(this.store.directory, this.index, stamps);
  }
}
