import MiniSearch from 'minisearch';
import { foldForSearch } from '../../src-shared/text/fold';
import { words } from '../../src-shared/text/words';
import type { ArticleFile } from '../store/file-schemas';
import type { ProjectStore } from '../store/project-store';

interface SearchDocument {
  id: string;
  title: string;
  text: string;
  /** The article's note and every annotation's note. */
  notes: string;
}

/** How many articles are indexed between two yields to the event loop while building. */
const BATCH = 25;

/**
 * Full-text index of the library (MiniSearch), built in the background after the project opens
 * so that the app is usable at once, and kept current on every committed change afterwards.
 */
export class SearchIndex {
  private readonly mini = new MiniSearch<SearchDocument>({
    fields: ['title', 'text', 'notes'],
    storeFields: [],
    // The same words and folding for the index and the query (MiniSearch applies both to queries
    // unless told otherwise): CJK words are found inside runs, العربية matches ﺍﻟﻌﺮﺑﻴﺔ, ёлка ёлка.
    tokenize: words,
    processTerm: (term) => foldForSearch(term) || null,
    searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 3, notes: 1.5 }, combineWith: 'AND' },
  });
  private indexed = new Set<string>();
  private total = 0;
  private stopped = false;
  readonly ready: Promise<void>;

  constructor(private readonly store: ProjectStore) {
    const unsubscribe = store.onArticleChange((id, file) => {
      // Changes during the initial build are applied too; the build skips what is already in.
      if (file) this.put(file);
      else this.remove(id);
    });
    this.ready = this.build().finally(() => {
      if (this.stopped) unsubscribe();
    });
  }

  progress(): { indexed: number; total: number } {
    return { indexed: this.indexed.size, total: Math.max(this.total, this.indexed.size) };
  }

  /** Article ids matching `query`, best first, with the terms that matched. */
  search(query: string): { id: string; score: number; terms: string[] }[] {
    return this.mini.search(query).map((r) => ({ id: String(r.id), score: r.score, terms: r.terms }));
  }

  stop(): void {
    this.stopped = true;
  }

  private async build(): Promise<void> {
    const ids = [...this.store.summaries()].map((s) => s.id);
    this.total = ids.length;
    for (let i = 0; i < ids.length && !this.stopped && !this.store.isClosed; i += BATCH) {
      for (const id of ids.slice(i, i + BATCH)) {
        if (this.indexed.has(id)) continue;
        const file = await this.store.peekArticle(id);
        if (file) this.put(file);
      }
      // Let requests in between batches: the UI stays responsive while the index fills.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private put(file: Readonly<ArticleFile>): void {
    const id = file.article.id;
    if (this.indexed.has(id)) this.mini.discard(id);
    const notes = [file.article.note, ...file.annotations.map((a) => a.note)].filter((n) => n.trim()).join('\n');
    this.mini.add({ id, title: file.article.title, text: file.article.text, notes });
    this.indexed.add(id);
  }

  private remove(id: string): void {
    if (!this.indexed.has(id)) return;
    this.mini.discard(id);
    this.indexed.delete(id);
  }
}
