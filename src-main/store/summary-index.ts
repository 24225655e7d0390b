import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleSummary } from '../../src-shared/domain/article';
import type { ProjectProblem } from '../../src-shared/domain/project';
import { countWords } from '../../src-shared/text/words';
import { isTempFileName } from './durable-file';
import { ARTICLE_FORMAT, INDEX_FORMAT, SUMMARY_VERSION, articleFileSchema, indexFileSchema, type ArticleFile, type IndexFile } from './file-schemas';
import { CorruptFileError, DurableJsonFile, NewerFormatError } from './json-file-adapter';
import { mapConcurrent } from './serial-queue';
import { isUnusableFileError, moveAside } from './set-aside';

export const ARTICLES_DIR = 'articles';
/** Marks a summary whose file size and time have not been read since its last save. */
const STALE = -1;
// The cache is rewritten whole (about 4 MB at 10,000 articles), so not after every save.
const INDEX_WRITE_DELAY_MS = 60_000;

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
 * The library's summaries, one per article, kept in memory and cached in `index.json`, which is
 * checked against each article file's size and time at open, so opening a large project reads
 * only the files that changed since. The cache is written at most once a minute and at close.
 */
export class SummaryIndex {
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;
  private stopped = false;

  private constructor(
    private readonly entries: Map<string, IndexEntry>,
    private readonly adapter: DurableJsonFile<IndexFile>,
    /** Reads an article file's size and time, queued behind its saves so the two match. */
    private readonly statFile: (id: string, read: () => Promise<void>) => Promise<void>,
    private readonly directory: string,
  ) {}

  /**
   * Builds the summaries from the cache, re-reading only the article files whose size or time
   * differ from what the cache recorded (or that it does not know). Unreadable articles are set
   * aside and reported in `problems`; temp files left by a crash are removed.
   */
  static async load(
    directory: string,
    problems: ProjectProblem[],
    statFile: (id: string, read: () => Promise<void>) => Promise<void>,
  ): Promise<SummaryIndex> {
    const adapter = new DurableJsonFile(join(directory, 'index.json'), indexFileSchema, INDEX_FORMAT);
    const { entries, changed } = await readEntries(directory, adapter, problems);
    const index = new SummaryIndex(entries, adapter, statFile, directory);
    if (changed) index.scheduleWrite();
    return index;
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

  ids(): string[] {
    return [...this.entries.keys()];
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
    this.scheduleWrite();
  }

  delete(id: string): void {
    this.entries.delete(id);
    this.scheduleWrite();
  }

  clear(): void {
    this.entries.clear();
    this.scheduleWrite();
  }

  /** Stops the timer and writes the cache if it changed (at close). */
  async flush(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.dirty) await this.write().catch(() => undefined);
  }

  private scheduleWrite(): void {
    this.dirty = true;
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.write().catch((error: unknown) => console.error('Could not save the article index cache:', error));
    }, INDEX_WRITE_DELAY_MS);
    this.timer.unref();
  }

  private async write(): Promise<void> {
    this.dirty = false;
    const articles: IndexFile['articles'] = {};
    for (const [id, entry] of this.entries) {
      if (entry.mtimeMs === STALE) {
        await this.statFile(id, async () => {
          const current = this.entries.get(id);
          if (!current) return;
          const info = await stat(join(this.directory, ARTICLES_DIR, `${id}.json`)).catch(() => null);
          if (info) this.entries.set(id, { size: info.size, mtimeMs: info.mtimeMs, summary: current.summary });
        });
      }
      const fresh = this.entries.get(id);
      if (fresh && fresh.mtimeMs !== STALE) articles[id] = fresh;
    }
    await this.adapter.write({ schemaVersion: INDEX_FORMAT, summaries: SUMMARY_VERSION, articles });
  }
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

async function readEntries(
  directory: string,
  adapter: DurableJsonFile<IndexFile>,
  problems: ProjectProblem[],
): Promise<{ entries: Map<string, IndexEntry>; changed: boolean }> {
  let cached: IndexFile['articles'] = {};
  try {
    // A cache whose summaries were computed another way (SUMMARY_VERSION) is rebuilt.
    const file = await adapter.read();
    cached = file?.summaries === SUMMARY_VERSION ? file.articles : {};
  } catch {
    // The cache is derived data: a damaged one is rebuilt from the articles, not reported.
    cached = {};
  }
  const articlesDir = join(directory, ARTICLES_DIR);
  const entries = new Map<string, IndexEntry>();
  let changed = false;
  const ids: string[] = [];
  for (const name of await readdir(articlesDir)) {
    if (isTempFileName(name)) {
      // A crash between writing and renaming: the real file still holds the previous save.
      await rm(join(articlesDir, name), { force: true });
      continue;
    }
    const match = /^([a-z0-9][a-z0-9-]{0,63})\.json$/.exec(name);
    if (match) ids.push(match[1]!);
  }
  await mapConcurrent(ids, 64, async (id) => {
    const path = join(articlesDir, `${id}.json`);
    const info = await stat(path);
    if (!info.isFile()) {
      problems.push(await moveAside(directory, `${ARTICLES_DIR}/${id}.json`, Object.assign(new Error('not a file'), { code: 'EISDIR' })));
      return;
    }
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
      if (!isUnusableFileError(error)) throw error;
      problems.push(await moveAside(directory, `${ARTICLES_DIR}/${id}.json`, error));
    }
  });
  if (Object.keys(cached).some((id) => !entries.has(id))) changed = true;
  return { entries, changed };
}
