import type { Low } from 'lowdb';
import type { ArticleFile } from './file-schemas';

/**
 * The article files in memory: the most recently used ones (an LRU of `capacity`), and at most
 * one load per article at a time, because two readers racing would each make an in-memory copy
 * and a save applied to one copy would be lost when the other is cached.
 */
export class ArticleCache {
  private readonly dbs = new Map<string, Low<ArticleFile>>();
  private readonly loading = new Map<string, Promise<Low<ArticleFile> | null>>();

  constructor(
    private readonly capacity: number,
    /** An article with a save queued or running is never evicted (its in-memory state is current). */
    private readonly isBusy: (id: string) => boolean,
  ) {}

  /** The cached file, moved to the most recently used end; or undefined. */
  get(id: string): Low<ArticleFile> | undefined {
    const cached = this.dbs.get(id);
    if (cached) {
      this.dbs.delete(id);
      this.dbs.set(id, cached);
    }
    return cached;
  }

  /** The cached file without touching the LRU order (for scans over the whole library). */
  peek(id: string): Low<ArticleFile> | undefined {
    return this.dbs.get(id);
  }

  /** The cached file, or the result of `load`, shared by everyone asking while it runs. */
  getOrLoad(id: string, load: () => Promise<Low<ArticleFile> | null>): Promise<Low<ArticleFile> | null> {
    const cached = this.get(id);
    if (cached) return Promise.resolve(cached);
    let pending = this.loading.get(id);
    if (!pending) {
      pending = load().finally(() => this.loading.delete(id));
      this.loading.set(id, pending);
    }
    return pending;
  }

  /** Adds a file that was just created or loaded. */
  remember(id: string, db: Low<ArticleFile>): void {
    if (this.dbs.has(id)) throw new Error(`Article ${id} is already loaded`);
    this.dbs.set(id, db);
    while (this.dbs.size > this.capacity) {
      const oldest = this.dbs.keys().next().value as string;
      if (this.isBusy(oldest)) break;
      this.dbs.delete(oldest);
    }
  }

  clear(): void {
    this.dbs.clear();
  }
}
