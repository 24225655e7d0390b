import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleSummary } from '../../src-shared/domain/article';
import type { ProjectProblem } from '../../src-shared/domain/project';
import { countWords } from '../../src-shared/text/words';
import { isTempFileName } from './durable-file';
import { TEXT_VERSION } from '../../src-shared/text/version';
import { ARTICLE_FORMAT, INDEX_FORMAT, SUMMARY_VERSION, articleFileSchema, indexFileSchema, type ArticleFile } from './file-schemas';
import { CorruptFileError, DurableJsonFile, NewerFormatError } from './json-file-adapter';
import { mapConcurrent } from './serial-queue';
import { isUnusableFileError, moveAside } from './set-aside';
import { appendSummaryLog, readSummaryLog, removeSummaryLog, type LogChange } from './summary-log';
import { OLD_SUMMARY_CACHE_FILE, readSummaryCache, writeSummaryCache } from './summary-cache-file';

export const ARTICLES_DIR = 'articles';
/** Marks a summary whose file size and time have not been read since its last save. */
const STALE = -1;
// Changes are appended to index.log, a few hundred bytes per saved article, so they can be
// written soon after the saves; index.jsonl (about 25 MB at 100,000 articles) is rewritten whole
// only when the log has grown long (see logOutgrown).
const INDEX_WRITE_DELAY_MS = 10_000;
/** A log shorter than this is never worth compacting, whatever the library's size. */
const COMPACT_MIN_LINES = 2_000;
/** Nor is one left longer than this: each line is parsed and checked at open. */
const COMPACT_MAX_LINES = 5_000;
/** Files checked at once by the check after open: enough to keep the disk busy, few enough to leave the thread pool to saves. */
const VERIFY_CONCURRENCY = 8;

/** An article file's size and modification time: what tells a cache that the file changed. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** A summary with the size and time of the file it was made from (STALE until the next cache write). */
export interface IndexEntry {
  size: number;
  mtimeMs: number;
  summary: ArticleSummary;
}

/**
 * The library's summaries, one per article, kept in memory and cached in `index.json` plus the
 * changes since in `index.log` (summary-log.ts). Each cached summary is checked against its
 * article file's size and time at open, so opening a large project reads only the files that
 * changed since. Changes are appended at most every INDEX_WRITE_DELAY_MS and at close.
 */
export class SummaryIndex {
  private timer: NodeJS.Timeout | undefined;
  /** Articles saved or deleted since the cache was last written. */
  private readonly changed = new Set<string>();
  /** The next write rewrites index.json whole and starts a new log. */
  private compactNext: boolean;
  private writing: Promise<void> = Promise.resolve();
  private stopped = false;
  /** The summaries newest first, until the next change (see sorted()). */
  private newestFirst: readonly ArticleSummary[] | null = null;

  private constructor(
    private readonly entries: Map<string, IndexEntry>,
    /** Reads an article file's size and time, queued behind its saves so the two match. */
    private readonly statFile: (id: string, read: () => Promise<void>) => Promise<void>,
    private readonly directory: string,
    /** Lines in index.log (0: there is none). */
    private logLines: number,
    compactNext: boolean,
  ) {
    this.compactNext = compactNext;
  }

  /**
   * Builds the summaries. With a sound cache they are taken from it as they are, without touching
   * the article files: the project opens in a moment whatever its size, and `verify` then checks
   * every file against the cache in the background. Without one (a first open, a damaged or
   * outdated cache) every file is read now. Unreadable articles are set aside and reported in
   * `problems`; temp files left by a crash are removed.
   */
  static async load(
    directory: string,
    problems: ProjectProblem[],
    statFile: (id: string, read: () => Promise<void>) => Promise<void>,
  ): Promise<{ index: SummaryIndex; verified: boolean }> {
    const cache = await readCache(directory);
    if (cache.sound) {
      const index = new SummaryIndex(cache.articles, statFile, directory, cache.logLines, cache.compact);
      index.takeOrder();
      if (cache.compact) index.scheduleWrite();
      return { index, verified: false };
    }
    const { entries, changed } = await readEntries(directory, cache.articles, problems);
    const index = new SummaryIndex(entries, statFile, directory, cache.logLines, cache.compact);
    for (const id of changed) index.changed.add(id);
    if (changed.size > 0 || cache.compact) index.scheduleWrite();
    return { index, verified: true };
  }

  /**
   * Checks every article file against the summary taken from the cache, after a fast open: a file
   * changed, added or removed while the project was closed (by hand, or by a copy of the folder)
   * is read again, and `changed` is told of it so that search and views follow. A file saved in
   * this session is skipped (its summary is the save's own); each check is queued behind the
   * saves of its file. Unreadable files are set aside and reported in `problems`.
   */
  async verify(problems: ProjectProblem[], changed: (id: string, file: ArticleFile | null) => void): Promise<void> {
    const articlesDir = join(this.directory, ARTICLES_DIR);
    const { ids: onDisk, temps } = await listArticleFolder(this.directory);
    // Removed in the article's save queue: a save of this session writes its temporary file and
    // renames it within one queued step, so what is found there between steps is a crash's.
    for (const { id, name } of temps) if (id) await this.statFile(id, () => rm(join(articlesDir, name), { force: true }));
    const listed = new Set(onDisk);
    const gone = [...this.entries.keys()].filter((id) => !listed.has(id));
    await mapConcurrent([...onDisk, ...gone], VERIFY_CONCURRENCY, async (id) => {
      // Closing: the rest is left for the next open (nothing has been trusted that was not checked).
      if (this.stopped) return;
      const path = join(articlesDir, `${id}.json`);
      // Most files are as the cache says: seen so without queueing behind the article's saves (a
      // queued step per file was most of the check's time on the main thread). Any doubt takes
      // the queued path, which looks again; a save meanwhile makes the summary the save's own.
      const cached = this.entries.get(id);
      if (cached && cached.mtimeMs !== STALE) {
        const seen = await stat(path).catch(() => null);
        if (seen?.isFile() && seen.size === cached.size && seen.mtimeMs === cached.mtimeMs && this.entries.get(id) === cached) return;
      }
      await this.statFile(id, async () => {
        if (this.stopped) return;
        const entry = this.entries.get(id);
        // Saved (or created) in this session: the file holds what the summary says.
        if (entry?.mtimeMs === STALE) return;
        const info = await stat(path).catch(() => null);
        if (info && entry && info.isFile() && info.size === entry.size && info.mtimeMs === entry.mtimeMs) return;
        const file = info ? await readArticleFile(this.directory, id, info.isFile(), problems) : null;
        if (file) this.entries.set(id, { size: info!.size, mtimeMs: info!.mtimeMs, summary: summarise(file) });
        else if (!entry) return;
        else this.entries.delete(id);
        this.newestFirst = null;
        this.changed.add(id);
        this.scheduleWrite();
        changed(id, file);
      });
    });
  }

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  get(id: string): ArticleSummary | undefined {
    return this.entries.get(id)?.summary;
  }

  /** Size and time of the article's file as read at open or at the last cache write; null once saved since. */
  stamp(id: string): FileStamp | null {
    const entry = this.entries.get(id);
    return entry && entry.mtimeMs !== STALE ? { size: entry.size, mtimeMs: entry.mtimeMs } : null;
  }

  /**
   * The cache is written newest first: when the entries were read in that order (no change since
   * from the log), the library's order is theirs, without sorting 100,000 summaries after opening.
   */
  private takeOrder(): void {
    const summaries = Array.from(this.entries.values(), (entry) => entry.summary);
    for (let i = 1; i < summaries.length; i++) if (newestFirst(summaries[i - 1]!, summaries[i]!) > 0) return;
    this.newestFirst = summaries;
  }

  ids(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * Every summary, newest first (then by title), sorted once per change rather than per request:
   * the library lists and pages through it at every refresh. Not to be changed by the caller.
   */
  sorted(): readonly ArticleSummary[] {
    this.newestFirst ??= [...this.summaries()].sort(newestFirst);
    return this.newestFirst;
  }

  /** Every summary, in no particular order. */
  *summaries(): IterableIterator<ArticleSummary> {
    for (const entry of this.entries.values()) yield entry.summary;
  }

  /**
   * Records a saved article. Counting words is the costly part of a summary; a save that kept the
   * text keeps the count. Size and time are read when the cache is written, not on the save path.
   */
  set(id: string, file: ArticleFile, before?: ArticleFile): void {
    const known = before && before.article.text === file.article.text ? this.entries.get(id)?.summary.wordCount : undefined;
    this.entries.set(id, { size: STALE, mtimeMs: STALE, summary: summarise(file, known) });
    this.newestFirst = null;
    this.changed.add(id);
    this.scheduleWrite();
  }

  delete(id: string): void {
    this.entries.delete(id);
    this.newestFirst = null;
    this.changed.add(id);
    this.scheduleWrite();
  }

  clear(): void {
    this.entries.clear();
    this.newestFirst = null;
    this.changed.clear();
    this.compactNext = true;
    this.scheduleWrite();
  }

  /** Stops the check of the files after open (at close). */
  stop(): void {
    this.stopped = true;
  }

  /** Stops the timer and writes the cache if it changed (at close). */
  async flush(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.changed.size > 0 || this.compactNext) await this.write().catch(() => undefined);
  }

  private scheduleWrite(): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.write().catch((error: unknown) => console.error('Could not save the article index cache:', error));
    }, INDEX_WRITE_DELAY_MS);
    this.timer.unref();
  }

  /** Writes the changes, one write at a time (the timer's and the close's may meet). */
  private write(): Promise<void> {
    this.writing = this.writing.catch(() => undefined).then(() => this.writeChanges());
    return this.writing;
  }

  private async writeChanges(): Promise<void> {
    const ids = [...this.changed];
    this.changed.clear();
    try {
      for (const id of ids) await this.readStamp(id);
      const compact = this.compactNext || logOutgrown(this.logLines + ids.length, this.entries.size);
      if (compact) {
        await this.writeWhole();
        return;
      }
      const changes: LogChange[] = [];
      for (const id of ids) {
        const entry = this.entries.get(id);
        if (!entry) changes.push([id, null]);
        else if (entry.mtimeMs !== STALE) changes.push([id, entry]);
      }
      await appendSummaryLog(this.directory, changes, this.logLines === 0);
      this.logLines += changes.length + (this.logLines === 0 && changes.length > 0 ? 1 : 0);
    } catch (error) {
      // Written again next time, whole: a failed append may have left a torn line, and lines
      // after a torn one are not read.
      for (const id of ids) this.changed.add(id);
      this.compactNext = true;
      throw error;
    }
  }

  /** Rewrites index.jsonl with every summary, then drops the log it now includes. */
  private async writeWhole(): Promise<void> {
    for (const [id, entry] of this.entries) if (entry.mtimeMs === STALE) await this.readStamp(id);
    // Taken at once, with no await in between: the entries as they are now, newest first (see takeOrder).
    const fresh = this.sorted()
      .map((summary) => [summary.id, this.entries.get(summary.id)!] as const)
      .filter(([, entry]) => entry.mtimeMs !== STALE);
    await writeSummaryCache(this.directory, fresh);
    await removeSummaryLog(this.directory);
    this.logLines = 0;
    this.compactNext = false;
  }

  /** Records the size and time of a saved article's file, read in its queue so they match the save. */
  private async readStamp(id: string): Promise<void> {
    if (this.entries.get(id)?.mtimeMs !== STALE) return;
    await this.statFile(id, async () => {
      const current = this.entries.get(id);
      if (!current) return;
      const info = await stat(join(this.directory, ARTICLES_DIR, `${id}.json`)).catch(() => null);
      if (info) this.entries.set(id, { size: info.size, mtimeMs: info.mtimeMs, summary: current.summary });
    });
  }
}

/** The library's order, newest added first: ISO timestamps compare as plain strings; then the id, so no two articles tie. */
export function newestFirst(a: ArticleSummary, b: ArticleSummary): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Whether a log of this many lines should be folded into index.jsonl: once it is half as long as
 * the library, reading it at open costs about as much as the rewrite saves; and in any case past
 * COMPACT_MAX_LINES, so that a large library still opens in a moment.
 */
export function logOutgrown(lines: number, articles: number): boolean {
  return lines > Math.min(COMPACT_MAX_LINES, Math.max(COMPACT_MIN_LINES, articles / 2));
}

/** What the library shows of an article: its metadata and counts, without the text. */
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

/**
 * What the cache and index.log say; `sound` when the cache was read whole and checked (the log may
 * still have lost its last lines: a file they described differs from its stamp and is read again),
 * `compact` when the next write should rewrite the cache whole.
 */
async function readCache(directory: string): Promise<{ articles: Map<string, IndexEntry>; logLines: number; compact: boolean; sound: boolean }> {
  let articles = await readSummaryCache(directory);
  const sound = articles !== null;
  let compact = false;
  if (!articles) {
    compact = true;
    articles = await readOldCache(directory);
  }
  const log = await readSummaryLog(directory);
  for (const [id, entry] of log.changes) {
    if (entry) articles.set(id, entry);
    else articles.delete(id);
  }
  return { articles, logLines: log.lines, compact: compact || log.damaged, sound };
}

/** The cache as earlier versions wrote it (index.json), checked by its schema; used once, to open without reading every article. */
async function readOldCache(directory: string): Promise<Map<string, IndexEntry>> {
  try {
    const file = await new DurableJsonFile(join(directory, OLD_SUMMARY_CACHE_FILE), indexFileSchema, INDEX_FORMAT).read();
    // Summaries computed another way (SUMMARY_VERSION, or words cut another way: TEXT_VERSION) are recomputed.
    if (file?.summaries === SUMMARY_VERSION && file.text === TEXT_VERSION) return new Map(Object.entries(file.articles));
  } catch {
    // Derived data: a damaged one is rebuilt from the articles, not reported.
  }
  return new Map();
}

/** The article ids in `articles/`, and the temporary files a crash may have left there (by the article they were for). */
async function listArticleFolder(directory: string): Promise<{ ids: string[]; temps: { id: string; name: string }[] }> {
  const ids: string[] = [];
  const temps: { id: string; name: string }[] = [];
  for (const name of await readdir(join(directory, ARTICLES_DIR))) {
    if (isTempFileName(name)) {
      // `.<id>.json.<uuid>.tmp`, as writeFileDurable names them.
      const of = /^\.([a-z0-9][a-z0-9-]{0,63})\.json\./.exec(name);
      temps.push({ id: of?.[1] ?? '', name });
      continue;
    }
    const match = /^([a-z0-9][a-z0-9-]{0,63})\.json$/.exec(name);
    if (match) ids.push(match[1]!);
  }
  return { ids, temps };
}

/**
 * An article file read and checked for the summary cache; null when it cannot be used, with the
 * reason in `problems` (set aside when unreadable or not a file, skipped when of a newer format).
 */
async function readArticleFile(directory: string, id: string, isFile: boolean, problems: ProjectProblem[]): Promise<ArticleFile | null> {
  const name = `${ARTICLES_DIR}/${id}.json`;
  if (!isFile) {
    problems.push(await moveAside(directory, name, Object.assign(new Error('not a file'), { code: 'EISDIR' })));
    return null;
  }
  const path = join(directory, name);
  try {
    const file = await new DurableJsonFile(path, articleFileSchema, ARTICLE_FORMAT).read();
    if (file && file.article.id !== id) throw new CorruptFileError(path, `holds article ${file.article.id}, not ${id}`);
    return file;
  } catch (error) {
    if (error instanceof NewerFormatError) problems.push({ file: name, movedTo: null, message: `Skipped: ${error.message}.` });
    else if (isUnusableFileError(error)) problems.push(await moveAside(directory, name, error));
    else throw error;
    return null;
  }
}

async function readEntries(
  directory: string,
  cached: ReadonlyMap<string, IndexEntry>,
  problems: ProjectProblem[],
): Promise<{ entries: Map<string, IndexEntry>; changed: Set<string> }> {
  const articlesDir = join(directory, ARTICLES_DIR);
  const entries = new Map<string, IndexEntry>();
  const changed = new Set<string>();
  // Before any save of this session, every temporary file is a crash's: the real file still holds the previous save.
  const { ids, temps } = await listArticleFolder(directory);
  for (const { name } of temps) await rm(join(articlesDir, name), { force: true });
  await mapConcurrent(ids, 64, async (id) => {
    const info = await stat(join(articlesDir, `${id}.json`));
    const hit = cached.get(id);
    if (info.isFile() && hit && hit.size === info.size && hit.mtimeMs === info.mtimeMs) {
      entries.set(id, hit);
      return;
    }
    if (info.isFile()) changed.add(id);
    const file = await readArticleFile(directory, id, info.isFile(), problems);
    if (file) entries.set(id, { size: info.size, mtimeMs: info.mtimeMs, summary: summarise(file) });
  });
  for (const id of cached.keys()) if (!entries.has(id)) changed.add(id);
  return { entries, changed };
}
