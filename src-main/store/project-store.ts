import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Low } from 'lowdb';
import type { Article, ArticleSummary } from '../../src-shared/domain/article';
import type { ProjectProblem } from '../../src-shared/domain/project';
import { AppError } from '../../src-shared/result';
import { countWords } from '../../src-shared/text/canonical';
import { isTempFileName, releaseDirectories } from './durable-file';
import {
  ARTICLE_FORMAT,
  INDEX_FORMAT,
  SUMMARY_VERSION,
  PROJECT_FORMAT,
  articleFileSchema,
  indexFileSchema,
  projectFileSchema,
  type ArticleFile,
  type IndexFile,
  type ProjectFile,
} from './file-schemas';
import { CorruptFileError, DurableJsonFile, NewerFormatError } from './json-file-adapter';
import { acquireProjectLock, LOCK_FILE, type ProjectLock } from './project-lock';

const ARTICLES_DIR = 'articles';
const ARTICLE_CACHE_SIZE = 64;
/** Marks a summary whose file size and time have not been read since its last save. */
const STALE = -1;
// The cache is rewritten whole (about 4 MB at 10,000 articles), so not after every save.
const INDEX_WRITE_DELAY_MS = 60_000;

export class NotAProjectError extends Error {
  constructor(readonly directory: string) {
    super(
      `${directory} is not an Analyst Workbench project and is not empty. Choose an empty folder or an existing project.`,
    );
    this.name = 'NotAProjectError';
  }
}

export interface OpenOptions {
  /** Called once when the folder holds no project yet, to fill the new project (the sample article). */
  seed?: (store: ProjectStore) => Promise<void>;
}

interface IndexEntry {
  size: number;
  mtimeMs: number;
  summary: ArticleSummary;
}

/**
 * A project folder on disk: `project.json`, one file per article, a summary cache, a lock.
 * Every save rewrites only the file it concerns and resolves once it is durable.
 */
export class ProjectStore {
  private readonly articleDbs = new Map<string, Low<ArticleFile>>();
  private readonly articleQueues = new Map<string, Promise<unknown>>();
  private readonly loading = new Map<string, Promise<Low<ArticleFile> | null>>();
  private readonly listeners = new Set<(id: string, file: ArticleFile | null) => void>();
  private indexTimer: NodeJS.Timeout | undefined;
  private indexDirty = false;
  private closed = false;

  private constructor(
    readonly directory: string,
    private readonly lock: ProjectLock,
    private readonly projectDb: Low<ProjectFile>,
    private readonly index: Map<string, IndexEntry>,
    private readonly indexAdapter: DurableJsonFile<IndexFile>,
    readonly problems: ProjectProblem[],
  ) {}

  static async open(directory: string, options: OpenOptions = {}): Promise<ProjectStore> {
    await mkdir(directory, { recursive: true });
    const entries = await readdir(directory);
    const isNew = !entries.includes('project.json') && !entries.includes(ARTICLES_DIR);
    if (isNew && entries.some((name) => name !== LOCK_FILE && !name.startsWith('.'))) {
      throw new NotAProjectError(directory);
    }
    const lock = await acquireProjectLock(directory);
    try {
      await mkdir(join(directory, ARTICLES_DIR), { recursive: true });
      const problems: ProjectProblem[] = [];
      const projectDb = await openProjectFile(directory, problems);
      const indexAdapter = new DurableJsonFile(join(directory, 'index.json'), indexFileSchema, INDEX_FORMAT);
      const index = await loadIndex(directory, indexAdapter, problems);
      const store = new ProjectStore(directory, lock, projectDb, index.entries, indexAdapter, problems);
      if (index.changed) store.scheduleIndexWrite();
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

  get isClosed(): boolean {
    return this.closed;
  }

  get articleCount(): number {
    return this.index.size;
  }

  /** Summaries of every article, newest first (sorts: use summaries() where order does not matter). */
  listSummaries(): ArticleSummary[] {
    return [...this.index.values()]
      .map((entry) => entry.summary)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.title.localeCompare(b.title));
  }

  /** Every summary, in no particular order (cheaper than listSummaries when order does not matter). */
  summaries(): IterableIterator<ArticleSummary> {
    const entries = this.index.values();
    return (function* () {
      for (const entry of entries) yield entry.summary;
    })();
  }

  /** Reads several articles at once (in parallel, uncached); missing ones are left out. */
  async peekArticles(ids: readonly string[], concurrency = 16): Promise<Readonly<ArticleFile>[]> {
    const files: (Readonly<ArticleFile> | null)[] = new Array(ids.length).fill(null);
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, ids.length) }, async () => {
        while (next < ids.length) {
          const i = next++;
          files[i] = await this.peekArticle(ids[i]!);
        }
      }),
    );
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
    await this.serialise(article.id, async () => {
      await db.write();
      this.remember(article.id, db);
      await this.refreshSummary(article.id, db.data);
    });
  }

  /**
   * Applies `change` to a copy of an article's file and saves it. The in-memory state changes
   * only once the write is durable, so a failed save leaves nothing half-applied. Saves to one
   * article run one after another; saves to different articles do not wait for each other.
   */
  async updateArticle<R>(id: string, change: (file: ArticleFile) => R, onCommit?: Commit<ArticleFile>): Promise<R> {
    this.assertOpen();
    return this.serialise(id, async () => {
      const db = await this.articleDb(id);
      if (!db) throw new ArticleMissingError(id);
      const before = db.data;
      const draft = structuredClone(before);
      const result = change(draft);
      const checked = articleFileSchema.parse(draft);
      await db.adapter.write(checked);
      db.data = checked;
      await this.refreshSummary(id, checked, before);
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
    await this.serialise(checked.article.id, async () => {
      await db.write();
      this.remember(checked.article.id, db);
      await this.refreshSummary(checked.article.id, checked);
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
    return this.serialise(PROJECT_KEY, async () => {
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
    await this.serialise(id, async () => {
      const db = await this.articleDb(id);
      if (!db || !sameState(db.data, expected)) throw new StaleStateError();
      await db.adapter.write(next);
      db.data = next;
      await this.refreshSummary(id, next);
    });
  }

  async restoreProject(expected: ProjectFile, next: ProjectFile): Promise<void> {
    this.assertOpen();
    await this.serialise(PROJECT_KEY, async () => {
      if (!sameState(this.projectDb.data, expected)) throw new StaleStateError();
      await this.projectDb.adapter.write(next);
      this.projectDb.data = next;
    });
  }

  /** Reads articles one by one (for searches across the library), skipping unreadable ones. */
  async *articles(ids: Iterable<string> = [...this.index.keys()]): AsyncGenerator<Readonly<ArticleFile>> {
    for (const id of ids) {
      const file = await this.readArticle(id);
      if (file) yield file;
    }
  }

  summary(id: string): ArticleSummary | undefined {
    return this.index.get(id)?.summary;
  }

  /** Flushes the summary cache and releases the lock. The store cannot be used afterwards. */
  async close(): Promise<void> {
    if (this.closed) return;
    // Refuse new saves first, then wait until every save already queued has finished.
    this.closed = true;
    while (this.articleQueues.size > 0) await Promise.allSettled([...this.articleQueues.values()]);
    clearTimeout(this.indexTimer);
    if (this.indexDirty) await this.writeIndex().catch(() => undefined);
    await this.lock.release();
    await releaseDirectories(this.directory);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The project is closed.');
  }

  private articleAdapter(id: string): DurableJsonFile<ArticleFile> {
    return new DurableJsonFile(join(this.directory, ARTICLES_DIR, `${id}.json`), articleFileSchema, ARTICLE_FORMAT);
  }

  private async articleDb(id: string): Promise<Low<ArticleFile> | null> {
    const cached = this.articleDbs.get(id);
    if (cached) {
      // Refresh its place in the LRU order.
      this.articleDbs.delete(id);
      this.articleDbs.set(id, cached);
      return cached;
    }
    if (!this.index.has(id)) return null;
    // One load per article at a time: two readers racing would each make an in-memory copy,
    // and a save applied to one copy would be lost when the other is cached.
    let loading = this.loading.get(id);
    if (!loading) {
      loading = this.loadArticle(id).finally(() => this.loading.delete(id));
      this.loading.set(id, loading);
    }
    return loading;
  }

  private async loadArticle(id: string): Promise<Low<ArticleFile> | null> {
    const adapter = this.articleAdapter(id);
    let data: ArticleFile | null;
    try {
      data = await adapter.read();
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      const problem = await moveAside(this.directory, `${ARTICLES_DIR}/${id}.json`, error);
      this.problems.push(problem);
      this.index.delete(id);
      this.scheduleIndexWrite();
      throw new ArticleDamagedError(problem.message);
    }
    if (!data) {
      this.index.delete(id);
      this.scheduleIndexWrite();
      return null;
    }
    const db = new Low<ArticleFile>(adapter, data);
    this.remember(id, db);
    return db;
  }

  private remember(id: string, db: Low<ArticleFile>): void {
    if (this.articleDbs.has(id)) throw new Error(`Article ${id} is already loaded`);
    this.articleDbs.set(id, db);
    while (this.articleDbs.size > ARTICLE_CACHE_SIZE) {
      const oldest = this.articleDbs.keys().next().value as string;
      if (this.articleQueues.has(oldest)) break;
      this.articleDbs.delete(oldest);
    }
  }

  private serialise<R>(id: string, task: () => Promise<R>): Promise<R> {
    const previous = this.articleQueues.get(id) ?? Promise.resolve();
    const run = previous.then(task, task);
    const settled = run.catch(() => undefined);
    this.articleQueues.set(id, settled);
    void settled.then(() => {
      if (this.articleQueues.get(id) === settled) this.articleQueues.delete(id);
    });
    return run;
  }

  /** Calls `listener` after every committed change to an article (for the search index). */
  onArticleChange(listener: (id: string, file: ArticleFile | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads an article without adding it to the cache (for scans over the whole library). */
  async peekArticle(id: string): Promise<Readonly<ArticleFile> | null> {
    const cached = this.articleDbs.get(id);
    if (cached) return cached.data;
    if (!this.index.has(id)) return null;
    try {
      return await this.articleAdapter(id).read();
    } catch {
      return null;
    }
  }

  private async refreshSummary(id: string, file: ArticleFile, before?: ArticleFile): Promise<void> {
    for (const listener of this.listeners) listener(id, file);
    // Size and time are read when the cache is written (STALE until then), not on the save path.
    // Counting words is the costly part of a summary; a save that kept the text keeps the count.
    const known = before && before.article.text === file.article.text ? this.index.get(id)?.summary.wordCount : undefined;
    this.index.set(id, { size: STALE, mtimeMs: STALE, summary: summarise(file, known) });
    this.scheduleIndexWrite();
  }

  private scheduleIndexWrite(): void {
    this.indexDirty = true;
    if (this.indexTimer || this.closed) return;
    this.indexTimer = setTimeout(() => {
      this.indexTimer = undefined;
      void this.writeIndex().catch((error: unknown) => console.error('Could not save the article index cache:', error));
    }, INDEX_WRITE_DELAY_MS);
    this.indexTimer.unref();
  }

  /** Records the file's size and time with its summary, queued behind saves so the two match. */
  private statEntry(id: string): Promise<IndexEntry | null> {
    return this.serialise(id, async () => {
      const current = this.index.get(id);
      if (!current) return null;
      const info = await stat(join(this.directory, ARTICLES_DIR, `${id}.json`)).catch(() => null);
      if (!info) return null;
      const fresh = { size: info.size, mtimeMs: info.mtimeMs, summary: current.summary };
      this.index.set(id, fresh);
      return fresh;
    });
  }

  private async writeIndex(): Promise<void> {
    this.indexDirty = false;
    const articles: IndexFile['articles'] = {};
    for (const [id, entry] of this.index) {
      const fresh = entry.mtimeMs === STALE ? await this.statEntry(id) : entry;
      if (fresh) articles[id] = fresh;
    }
    await this.indexAdapter.write({ schemaVersion: INDEX_FORMAT, summaries: SUMMARY_VERSION, articles });
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

/** The state an undo step expected has been changed by something else. */
export class StaleStateError extends Error {
  constructor() {
    super('The project changed in a way this step did not expect, so it cannot be undone safely.');
    this.name = 'StaleStateError';
  }
}

/** An article file turned out to be unreadable when it was opened; it was set aside. */
export class ArticleDamagedError extends AppError {
  constructor(message: string) {
    super('not-found', message);
    this.name = 'ArticleDamagedError';
  }
}

export class ArticleMissingError extends AppError {
  constructor(readonly id: string) {
    super('not-found', `There is no article with id ${id}. It may have been deleted; reload the library.`);
    this.name = 'ArticleMissingError';
  }
}

export function summarise(file: ArticleFile, knownWordCount?: number): ArticleSummary {
  const { text: _text, note: _note, ...meta } = file.article;
  const actorMentions: Record<string, number> = {};
  const speakerClaims: Record<string, number> = {};
  const tagCounts: Record<string, number> = {};
  const statusCounts: Record<string, number> = {};
  const verificationCounts: Record<string, number> = {};
  let claimCount = 0;
  let orphanCount = 0;
  for (const annotation of file.annotations) {
    if (annotation.anchor === 'orphan') orphanCount++;
    if (annotation.actorId) actorMentions[annotation.actorId] = (actorMentions[annotation.actorId] ?? 0) + 1;
    statusCounts[annotation.status] = (statusCounts[annotation.status] ?? 0) + 1;
    if (annotation.claim) {
      claimCount++;
      verificationCounts[annotation.claim.verification] = (verificationCounts[annotation.claim.verification] ?? 0) + 1;
      const speaker = annotation.claim.speakerId;
      if (speaker) speakerClaims[speaker] = (speakerClaims[speaker] ?? 0) + 1;
    }
    for (const tag of annotation.tags) tagCounts[tag] = (tagCounts[tag] ?? 0) + 1;
  }
  return {
    ...meta,
    wordCount: knownWordCount ?? countWords(file.article.text),
    annotationCount: file.annotations.length,
    claimCount,
    orphanCount,
    actorMentions,
    speakerClaims,
    tagCounts,
    statusCounts,
    verificationCounts,
  };
}

async function openProjectFile(directory: string, problems: ProjectProblem[]): Promise<Low<ProjectFile>> {
  const adapter = new DurableJsonFile(join(directory, 'project.json'), projectFileSchema, PROJECT_FORMAT);
  let data: ProjectFile | null = null;
  try {
    data = await adapter.read();
  } catch (error) {
    if (!(error instanceof CorruptFileError)) throw error;
    problems.push(await moveAside(directory, 'project.json', error));
  }
  const db = new Low<ProjectFile>(adapter, data ?? newProjectFile());
  if (!data) await db.write();
  return db;
}

function newProjectFile(): ProjectFile {
  return {
    schemaVersion: PROJECT_FORMAT,
    id: randomUUID(),
    name: 'Analyst Workbench project',
    createdAt: new Date().toISOString(),
    notes: '',
    actors: [],
    tags: [],
    settings: {},
  };
}

/**
 * Builds the summary map from the cache, re-reading only the article files whose size or
 * modification time differ from what the cache recorded (or that it does not know).
 */
async function loadIndex(
  directory: string,
  adapter: DurableJsonFile<IndexFile>,
  problems: ProjectProblem[],
): Promise<{ entries: Map<string, IndexEntry>; changed: boolean }> {
  let cached: IndexFile['articles'] = {};
  try {
    const file = await adapter.read();
    cached = file?.summaries === SUMMARY_VERSION ? file.articles : {};
  } catch {
    // The cache is derived data: a damaged one is rebuilt from the articles, not reported.
    cached = {};
  }
  const articlesDir = join(directory, ARTICLES_DIR);
  const names = await readdir(articlesDir);
  const entries = new Map<string, IndexEntry>();
  let changed = false;
  const ids: string[] = [];
  for (const name of names) {
    if (isTempFileName(name)) {
      // A crash between writing and renaming: the real file still holds the previous save.
      await rm(join(articlesDir, name), { force: true });
      continue;
    }
    const match = /^([a-z0-9][a-z0-9-]{0,63})\.json$/.exec(name);
    if (match) ids.push(match[1]!);
  }
  await forEachLimit(ids, 64, async (id) => {
    const path = join(articlesDir, `${id}.json`);
    const info = await stat(path);
    const hit = cached[id];
    if (hit && hit.size === info.size && hit.mtimeMs === info.mtimeMs) {
      entries.set(id, hit);
      return;
    }
    changed = true;
    try {
      const file = await new DurableJsonFile(path, articleFileSchema, ARTICLE_FORMAT).read();
      if (file && file.article.id === id) {
        entries.set(id, { size: info.size, mtimeMs: info.mtimeMs, summary: summarise(file) });
      } else if (file) {
        throw new CorruptFileError(path, `holds article ${file.article.id}, not ${id}`);
      }
    } catch (error) {
      if (error instanceof NewerFormatError) {
        problems.push({ file: `${ARTICLES_DIR}/${id}.json`, movedTo: null, message: `Skipped: ${error.message}.` });
        return;
      }
      if (!(error instanceof CorruptFileError)) throw error;
      problems.push(await moveAside(directory, `${ARTICLES_DIR}/${id}.json`, error));
    }
  });
  if (Object.keys(cached).some((id) => !entries.has(id))) changed = true;
  return { entries, changed };
}

/** Renames an unreadable file so that nothing overwrites it, and describes what happened. */
async function moveAside(directory: string, relative: string, error: unknown): Promise<ProjectProblem> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const movedTo = `${relative}.damaged-${stamp}`;
  await rename(join(directory, relative), join(directory, movedTo));
  const reason = error instanceof Error ? error.message : String(error);
  const consequence =
    relative === 'project.json'
      ? 'A fresh project.json was started, so actors, tags and project notes from the damaged file are not loaded; restore them from the kept copy or a backup'
      : 'The rest of the project opened normally';
  const message = `${relative} could not be read (${reason}). It was kept as ${movedTo}. ${consequence}.`;
  console.error(message);
  return { file: relative, movedTo, message };
}

async function forEachLimit<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await run(item);
    }
  });
  await Promise.all(workers);
}
