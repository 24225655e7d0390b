import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Low } from 'lowdb';
import type { Article, ArticleSummary } from '../../src-shared/domain/article';
import type { ProjectProblem } from '../../src-shared/domain/project';
import { AppError } from '../../src-shared/result';
import { ArticleCache } from './article-cache';
import { releaseDirectories } from './durable-file';
import { ARTICLE_FORMAT, articleFileSchema, projectFileSchema, type ArticleFile, type ProjectFile } from './file-schemas';
import { DurableJsonFile } from './json-file-adapter';
import { openProjectFile } from './project-file-recovery';
import { acquireProjectLock, isLockLeftover, LOCK_FILE, type ProjectLock } from './project-lock';
import { articleFolderEntries, cleanUpAfterCrash, finishRestore, READY_DIR, stageRestore } from './project-restore';
import { KeyedSerialQueue, mapConcurrent } from './serial-queue';
import { isUnusableFileError, moveAside } from './set-aside';
import { ArticleDamagedError, ArticleMissingError, NotAProjectError, StaleStateError } from './store-errors';
import { storageError } from './storage-error';
import { ARTICLES_DIR, SummaryIndex, type FileStamp } from './summary-index';

export { ArticleDamagedError, ArticleMissingError, NotAProjectError, StaleStateError } from './store-errors';
export { summarise, type FileStamp } from './summary-index';

const ARTICLE_CACHE_SIZE = 64;
/** The longest the check after open waits for what holds it (holdCheck). */
const CHECK_HOLD_MS = 5_000;

export interface OpenOptions {
  /** Called once when the folder holds no project yet, to fill the new project (the sample article). */
  seed?: (store: ProjectStore) => Promise<void>;
}

/**
 * A project folder on disk: `project.json`, one file per article, a summary cache, a lock.
 * Every save rewrites only the file it concerns and resolves once it is durable.
 */
export class ProjectStore {
  private readonly cache: ArticleCache;
  private readonly listeners = new Set<(id: string, file: ArticleFile | null) => void>();
  private readonly closeTasks = new Set<() => Promise<void>>();
  private closed = false;
  /**
   * Settles once every article file has been checked against the summary it opened with. A
   * project with a sound summary cache opens from it without touching its 100,000 files, and
   * checks them in the background (a file changed while the project was closed is read again,
   * and the change is announced as if saved); a first open checks them before it returns.
   */
  verified: Promise<void> = Promise.resolve();
  private checking = false;
  /** Work the analyst waits for right after opening, which the check lets go first (see holdCheck). */
  private readonly holds: Promise<unknown>[] = [];
  private checkStarted = false;
  /** Set while a restore runs (saves are refused), or a message when its switch failed half-way. */
  private restoring: false | 'running' | string = false;

  private constructor(
    readonly directory: string,
    private readonly lock: ProjectLock,
    private readonly projectDb: Low<ProjectFile>,
    readonly problems: ProjectProblem[],
    /** Saves to one file run one after another; saves to different files do not wait for each other. */
    private readonly queue: KeyedSerialQueue,
    private readonly index: SummaryIndex,
  ) {
    // An article with a save queued or running stays cached: its in-memory state is the current one.
    this.cache = new ArticleCache(ARTICLE_CACHE_SIZE, (id) => queue.busy(id));
  }

  static async open(directory: string, options: OpenOptions = {}): Promise<ProjectStore> {
    await mkdir(directory, { recursive: true });
    const entries = await readdir(directory);
    const isNew = !entries.includes('project.json') && !entries.includes(ARTICLES_DIR) && !entries.includes(READY_DIR);
    // A lock's temporary file left by a crash is ours, not a stranger's file.
    if (isNew && entries.some((name) => name !== LOCK_FILE && !isLockLeftover(name) && !name.startsWith('.'))) {
      throw new NotAProjectError(directory);
    }
    const lock = await acquireProjectLock(directory);
    try {
      await cleanUpAfterCrash(directory);
      await mkdir(join(directory, ARTICLES_DIR), { recursive: true });
      const problems: ProjectProblem[] = [];
      // The index reads file sizes and times behind the store's saves, so it needs the store's queue.
      const queue = new KeyedSerialQueue();
      const { index, verified } = await SummaryIndex.load(directory, problems, (id, read) => queue.run(id, read));
      // After the articles: a lost registry is rebuilt from the ids they use.
      const projectDb = await openProjectFile(directory, problems, [...index.summaries()], !isNew);
      const store = new ProjectStore(directory, lock, projectDb, problems, queue, index);
      if (!verified) {
        store.checking = true;
        store.verified = store.verifyArticles().finally(() => (store.checking = false));
      }
      if (isNew && options.seed) await options.seed(store);
      return store;
    } catch (error) {
      await lock.release();
      await releaseDirectories(directory);
      throw error;
    }
  }

  get project(): Readonly<ProjectFile> {
    return this.projectDb.data;
  }

  /**
   * Lets `until` (loading the search index, right after opening) go before the check of the
   * article files, which competes with it for the main thread: the check starts once every hold
   * has settled, or CHECK_HOLD_MS after opening at the latest. No effect once the check started.
   */
  holdCheck(until: Promise<unknown>): void {
    if (!this.checkStarted) this.holds.push(until);
  }

  /** Whether the check of the article files after a fast open is still running (see `verified`). */
  get isChecking(): boolean {
    return this.checking;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  get articleCount(): number {
    return this.index.size;
  }

  /** Summaries of every article, newest first (a copy of an order kept until the next change). */
  listSummaries(): ArticleSummary[] {
    return [...this.index.sorted()];
  }

  /** The same order without a copy (100,000 at a time): sorted once per change; not to be changed by the caller. */
  newestFirst(): readonly ArticleSummary[] {
    return this.index.sorted();
  }

  /** Every summary, in no particular order (cheaper than listSummaries when order does not matter). */
  summaries(): IterableIterator<ArticleSummary> {
    return this.index.summaries();
  }

  /** Reads several articles at once (in parallel, uncached); missing ones are left out. */
  async peekArticles(ids: readonly string[], concurrency = 16): Promise<Readonly<ArticleFile>[]> {
    const files = await mapConcurrent(ids, concurrency, (id) => this.peekArticle(id));
    return files.filter((f): f is Readonly<ArticleFile> => f !== null);
  }

  hasArticle(id: string): boolean {
    return this.index.has(id);
  }

  /** The article's file as last saved, or null when there is no such article. */
  async readArticle(id: string): Promise<Readonly<ArticleFile> | null> {
    const db = await this.articleDb(id);
    return db ? db.data : null;
  }

  /** Stores a new article; resolves once its file is durable. */
  async createArticle(article: Article): Promise<void> {
    this.assertOpen();
    if (this.index.has(article.id)) throw new Error(`Article ${article.id} already exists`);
    const db = new Low<ArticleFile>(this.articleAdapter(article.id), {
      schemaVersion: ARTICLE_FORMAT,
      article,
      annotations: [],
    });
    await this.queue.run(article.id, async () => {
      await db.write();
      this.cache.remember(article.id, db);
      this.refreshSummary(article.id, db.data);
    });
  }

  /**
   * Applies `change` to a copy of an article's file and saves it. The in-memory state changes
   * only once the write is durable, so a failed save leaves nothing half-applied. Saves to one
   * article run one after another; saves to different articles do not wait for each other.
   */
  async updateArticle<R>(id: string, change: (file: ArticleFile) => R, onCommit?: Commit<ArticleFile>): Promise<R> {
    this.assertOpen();
    return this.queue.run(id, async () => {
      const db = await this.articleDb(id);
      if (!db) throw new ArticleMissingError(id);
      const before = db.data;
      const draft = structuredClone(before);
      const result = change(draft);
      const checked = articleFileSchema.parse(draft);
      await db.adapter.write(checked);
      db.data = checked;
      this.refreshSummary(id, checked, before);
      onCommit?.(before, checked);
      return result;
    });
  }

  /** Adds an article with its annotations as they are (restoring a project file). */
  async importArticle(file: ArticleFile): Promise<void> {
    this.assertOpen();
    if (this.index.has(file.article.id)) throw new Error(`Article ${file.article.id} already exists`);
    const checked = articleFileSchema.parse(file);
    const db = new Low<ArticleFile>(this.articleAdapter(checked.article.id), checked);
    await this.queue.run(checked.article.id, async () => {
      await db.write();
      this.cache.remember(checked.article.id, db);
      this.refreshSummary(checked.article.id, checked);
    });
  }

  /** Replaces project.json whole (restoring a project file). */
  async replaceProjectFile(file: ProjectFile): Promise<void> {
    await this.updateProject((draft) => {
      Object.assign(draft, projectFileSchema.parse(file));
    });
  }

  /** Changes project.json (actors, tags, notes) the same way: on a copy, committed once durable. */
  async updateProject<R>(change: (file: ProjectFile) => R, onCommit?: Commit<ProjectFile>): Promise<R> {
    this.assertOpen();
    return this.queue.run(PROJECT_KEY, async () => {
      const before = this.projectDb.data;
      const draft = structuredClone(before);
      const result = change(draft);
      const checked = projectFileSchema.parse(draft);
      await this.projectDb.adapter.write(checked);
      this.projectDb.data = checked;
      onCommit?.(before, checked);
      return result;
    });
  }

  /**
   * Puts back an earlier state of an article (undo/redo). Refuses when the file is no longer in
   * the state the caller expects, because then someone else changed it in between.
   */
  async restoreArticle(id: string, expected: ArticleFile, next: ArticleFile): Promise<void> {
    this.assertOpen();
    await this.queue.run(id, async () => {
      const db = await this.articleDb(id);
      if (!db || !sameState(db.data, expected)) throw new StaleStateError();
      await db.adapter.write(next);
      db.data = next;
      this.refreshSummary(id, next);
    });
  }

  async restoreProject(expected: ProjectFile, next: ProjectFile): Promise<void> {
    this.assertOpen();
    await this.queue.run(PROJECT_KEY, async () => {
      if (!sameState(this.projectDb.data, expected)) throw new StaleStateError();
      await this.projectDb.adapter.write(next);
      this.projectDb.data = next;
    });
  }

  /**
   * Reads articles one by one (for searches across the library and exports), skipping unreadable
   * ones: those are set aside and reported in `problems` as they are found.
   */
  async *articles(ids: Iterable<string> = this.index.ids()): AsyncGenerator<Readonly<ArticleFile>> {
    for (const id of ids) {
      let file: Readonly<ArticleFile> | null;
      try {
        file = await this.readArticle(id);
      } catch (error) {
        if (error instanceof ArticleDamagedError) continue;
        throw error;
      }
      if (file) yield file;
    }
  }

  summary(id: string): ArticleSummary | undefined {
    return this.index.get(id);
  }

  /**
   * The size and time of an article's file as found at open, or null when it was saved since (or
   * is unknown). Caches derived from article files (the search index) compare it with theirs.
   */
  articleStamp(id: string): FileStamp | null {
    return this.index.stamp(id);
  }

  /**
   * Reads an article file's size and time now, behind its queued saves, so the stamp belongs to
   * the last committed state; null when there is no such file.
   */
  async statArticle(id: string): Promise<FileStamp | null> {
    return this.queue.run(id, async () => {
      const info = await stat(join(this.directory, ARTICLES_DIR, `${id}.json`)).catch(() => null);
      return info ? { size: info.size, mtimeMs: info.mtimeMs } : null;
    });
  }

  /**
   * Runs `task` when the project closes, after the last save and before the lock is released
   * (services that keep files of their own in the project folder flush them then).
   */
  onClose(task: () => Promise<void>): () => void {
    this.closeTasks.add(task);
    return () => this.closeTasks.delete(task);
  }

  /** Flushes the summary cache and releases the lock. The store cannot be used afterwards. */
  async close(): Promise<void> {
    if (this.closed) return;
    // Refuse new saves first, then wait until every save already queued has finished.
    this.closed = true;
    this.index.stop();
    await this.verified;
    await this.queue.idle();
    for (const task of this.closeTasks) await task().catch((error: unknown) => console.error('A task at close failed:', error));
    await this.index.flush();
    await this.lock.release();
    await releaseDirectories(this.directory);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The project is closed.');
    if (this.restoring === 'running') throw new AppError('conflict', 'A project file is being restored into this project, so nothing can be saved until it has finished. Try again in a moment.');
    if (this.restoring) throw new AppError('conflict', this.restoring);
  }

  /**
   * Replaces this project, which must be empty, with a restored one: written beside it and
   * switched in only once complete (see project-restore.ts), so a crash leaves either the empty
   * project or the whole restored one. One restore at a time; saves are refused meanwhile.
   */
  async restoreBackup(project: ProjectFile, articles: readonly ArticleFile[]): Promise<void> {
    if (this.restoring === 'running') throw new AppError('conflict', 'Another project file is already being restored into this project; only one restore runs at a time. Wait for it to finish, then check the library.');
    this.assertOpen();
    this.restoring = 'running';
    let committed = false;
    try {
      await this.verified;
      // Saves queued before the restore began finish first; later ones are refused.
      await this.queue.idle();
      const { actors, tags } = this.projectDb.data;
      const left = await articleFolderEntries(this.directory);
      if (this.index.size > 0 || actors.length > 0 || tags.length > 0 || left.length > 0) {
        const files = left.length > 0 && this.index.size === 0 ? ` (its articles folder still holds ${left.slice(0, 3).join(', ')}${left.length > 3 ? ', …' : ''})` : '';
        throw new AppError('conflict', `A project file can only be restored into an empty project, and this one is not${files}. Start the app with --project and a new, empty folder, then restore the file there.`);
      }
      const checkedProject = projectFileSchema.parse(project);
      const checked = articles.map((file) => articleFileSchema.parse(file));
      await stageRestore(this.directory, checkedProject, checked);
      committed = true;
      await finishRestore(this.directory);
      this.projectDb.data = checkedProject;
      this.cache.clear();
      this.index.clear();
      for (const file of checked) this.refreshSummary(file.article.id, file);
      this.restoring = false;
    } catch (error) {
      // Committed but not switched in: the next open finishes the switch; saving into the old
      // folder meanwhile would be lost then, so saves stay refused.
      if (!committed) {
        this.restoring = false;
        throw error;
      }
      this.restoring = 'The restored project was saved but could not be switched in. Close the app and open the project again to finish the restore; nothing can be saved until then.';
      console.error('Switching in a restored project failed:', error);
      const reason = storageError(error)?.message;
      throw new AppError(storageError(error)?.code ?? 'internal', reason ? `${this.restoring} (${reason})` : this.restoring);
    }
  }

  private articleAdapter(id: string): DurableJsonFile<ArticleFile> {
    return new DurableJsonFile(join(this.directory, ARTICLES_DIR, `${id}.json`), articleFileSchema, ARTICLE_FORMAT);
  }

  private articleDb(id: string): Promise<Low<ArticleFile> | null> {
    if (!this.cache.peek(id) && !this.index.has(id)) return Promise.resolve(null);
    return this.cache.getOrLoad(id, () => this.loadArticle(id));
  }

  private async loadArticle(id: string): Promise<Low<ArticleFile> | null> {
    const adapter = this.articleAdapter(id);
    let data: ArticleFile | null;
    try {
      data = await adapter.read();
    } catch (error) {
      if (!isUnusableFileError(error)) throw error;
      const problem = await moveAside(this.directory, `${ARTICLES_DIR}/${id}.json`, error);
      this.problems.push(problem);
      this.index.delete(id);
      throw new ArticleDamagedError(problem.message);
    }
    if (!data) {
      this.index.delete(id);
      return null;
    }
    const db = new Low<ArticleFile>(adapter, data);
    this.cache.remember(id, db);
    return db;
  }

  /** Calls `listener` after every committed change to an article (for the search index). */
  onArticleChange(listener: (id: string, file: ArticleFile | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async verifyArticles(): Promise<void> {
    // Holds are taken from whoever creates the services in the same turn as the open.
    await new Promise((resolve) => setImmediate(resolve));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled(this.holds), new Promise((resolve) => (timer = setTimeout(resolve, CHECK_HOLD_MS)))]);
    clearTimeout(timer);
    this.checkStarted = true;
    this.holds.length = 0;
    try {
      await this.index.verify(this.problems, (id, file) => {
        for (const listener of this.listeners) listener(id, file);
      });
    } catch (error) {
      // Only the check failed (the folder became unreadable): what was open stays as it was.
      console.error('Could not check the article files against the summary cache:', error);
    }
  }

  /** Reads an article without adding it to the cache (for scans over the whole library). */
  async peekArticle(id: string): Promise<Readonly<ArticleFile> | null> {
    const cached = this.cache.peek(id);
    if (cached) return cached.data;
    if (!this.index.has(id)) return null;
    try {
      return await this.articleAdapter(id).read();
    } catch {
      return null;
    }
  }

  private refreshSummary(id: string, file: ArticleFile, before?: ArticleFile): void {
    for (const listener of this.listeners) listener(id, file);
    this.index.set(id, file, before);
  }
}

/**
 * Whether the stored state is the one expected. The same object is the usual case; an article
 * reloaded after leaving the cache is an equal copy, so fall back to comparing content.
 */
function sameState<T>(current: T, expected: T): boolean {
  return current === expected || isDeepStrictEqual(current, expected);
}

/** Called once a change is durable, with the state before and after (used by undo). */
export type Commit<T> = (before: T, after: T) => void;

const PROJECT_KEY = ':project';
