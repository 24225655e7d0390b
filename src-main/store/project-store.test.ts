import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as durable from './durable-file';
import { ProjectLockedError } from './project-lock';
import { NotAProjectError, ProjectStore } from './project-store';
import { SUMMARY_VERSION } from './file-schemas';
import { SUMMARY_CACHE_FORMAT, writeSummaryCache } from './summary-cache-file';
import { makeArticle, openStoreForTest, readCacheForTest, rewriteCacheHeaderForTest, tempDir } from './test-helpers';

const openStore = openStoreForTest;
afterEach(() => {
  vi.restoreAllMocks();
});

const annotation = (articleId: string, id: string) => ({
  id,
  articleId,
  kind: 'highlight' as const,
  target: { start: 4, end: 12, exact: 'minister', prefix: 'The ', suffix: ' said the talks would resume.' },
  tags: [],
  note: '',
  status: 'draft' as const,
  actorId: null,
  claim: null,
  anchor: 'anchored' as const,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('ProjectStore', () => {
  it('creates a new project with a schemaVersion in every file it writes', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const article = makeArticle();
    await store.createArticle(article);
    await store.close();
    const files = ['project.json', `articles/${article.id}.json`];
    for (const file of files) {
      const json = JSON.parse(await readFile(join(dir, file), 'utf8'));
      expect(json.schemaVersion, file).toBe(1);
    }
    // The summary cache says its layout in its header line.
    expect((await readCacheForTest(dir)).header.format).toBe(SUMMARY_CACHE_FORMAT);
  });

  it('lists the library newest first after reopening, from the cache as written and after changes from the log', async () => {
    const dir = await tempDir();
    let store = await openStore(dir);
    // Created out of order, with a tie on the time broken by id.
    const stamps = ['2026-03-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'];
    const articles = stamps.map((createdAt, i) => makeArticle({ createdAt, updatedAt: createdAt, title: `Title ${'DCBA'[i]}` }));
    for (const article of articles) await store.createArticle(article);
    const expected = store.listSummaries().map((s) => s.id);
    expect(expected).toEqual([articles[2], articles[0], articles[3], articles[1]].map((a) => a!.id));
    await store.close();
    store = await openStore(dir);
    expect(store.listSummaries().map((s) => s.id)).toEqual(expected);
    // A change kept in index.log moves an article to the front at the next open.
    await store.updateArticle(articles[1]!.id, (file) => void (file.article.createdAt = '2026-09-01T00:00:00.000Z'));
    await store.close();
    store = await openStore(dir);
    expect(store.listSummaries().map((s) => s.id)).toEqual([articles[1]!.id, ...expected.filter((id) => id !== articles[1]!.id)]);
  });

  it('saving an annotation rewrites only that article’s file', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const articles = [makeArticle(), makeArticle(), makeArticle()];
    for (const article of articles) await store.createArticle(article);
    const target = articles[1]!;
    const write = vi.spyOn(durable, 'writeFileDurable');
    await store.updateArticle(target.id, (file) => {
      file.annotations.push(annotation(target.id, 'a1'));
    });
    expect(write.mock.calls.map((call) => call[0])).toEqual([join(dir, 'articles', `${target.id}.json`)]);
  });

  it('a save resolves only after its file holds the new content', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const article = makeArticle();
    await store.createArticle(article);
    await store.updateArticle(article.id, (file) => {
      file.annotations.push(annotation(article.id, 'a1'));
    });
    const onDisk = JSON.parse(await readFile(join(dir, 'articles', `${article.id}.json`), 'utf8'));
    expect(onDisk.annotations.map((a: { id: string }) => a.id)).toEqual(['a1']);
  });

  it('a failed save changes nothing in memory or on disk', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const article = makeArticle();
    await store.createArticle(article);
    const before = await readFile(join(dir, 'articles', `${article.id}.json`), 'utf8');
    vi.spyOn(durable, 'writeFileDurable').mockRejectedValueOnce(new Error('disk full'));
    await expect(
      store.updateArticle(article.id, (file) => {
        file.annotations.push(annotation(article.id, 'a1'));
      }),
    ).rejects.toThrow('disk full');
    expect((await store.readArticle(article.id))!.annotations).toEqual([]);
    expect(await readFile(join(dir, 'articles', `${article.id}.json`), 'utf8')).toBe(before);
  });

  it('refuses a change that would make the file invalid, and keeps the old state', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const article = makeArticle();
    await store.createArticle(article);
    await expect(
      store.updateArticle(article.id, (file) => {
        file.annotations.push({ ...annotation(article.id, 'a1'), target: { start: 0, end: 99_999, exact: 'x', prefix: '', suffix: '' } });
      }),
    ).rejects.toThrow();
    expect((await store.readArticle(article.id))!.annotations).toEqual([]);
  });

  it('concurrent saves to one article are all kept', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const article = makeArticle();
    await store.createArticle(article);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.updateArticle(article.id, (file) => {
          file.annotations.push(annotation(article.id, `a${i}`));
        }),
      ),
    );
    await store.close();
    const reopened = await openStore(dir);
    expect((await reopened.readArticle(article.id))!.annotations).toHaveLength(20);
  });

  it('reopens a project with its articles and summaries', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const article = makeArticle({ title: 'Kept across restarts' });
    await store.createArticle(article);
    await store.updateArticle(article.id, (file) => void file.annotations.push(annotation(article.id, 'a1')));
    await store.close();
    const reopened = await openStore(dir);
    const [summary] = reopened.listSummaries();
    expect(summary).toMatchObject({ title: 'Kept across restarts', annotationCount: 1, wordCount: 13 });
  });

  it('sets a damaged article file aside, reports it, and opens the rest', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const good = makeArticle();
    await store.createArticle(good);
    await store.close();
    const damaged = '{"schemaVersion":1,"article":{"id":"bad-1"';
    await writeFile(join(dir, 'articles', 'bad-1.json'), damaged);

    const reopened = await openStore(dir);
    expect(reopened.listSummaries().map((s) => s.id)).toEqual([good.id]);
    expect(reopened.problems).toHaveLength(1);
    expect(reopened.problems[0]!.message).toMatch(/articles\/bad-1\.json could not be read/);
    const kept = join(dir, reopened.problems[0]!.movedTo!);
    expect(await readFile(kept, 'utf8')).toBe(damaged);
    expect(await readdir(join(dir, 'articles'))).not.toContain('bad-1.json');
  });

  it('sets a damaged project.json aside, reports it, and still opens the articles', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const article = makeArticle();
    await store.createArticle(article);
    await store.close();
    await writeFile(join(dir, 'project.json'), 'not json at all');

    const reopened = await openStore(dir);
    expect(reopened.problems[0]!.file).toBe('project.json');
    expect(await readFile(join(dir, reopened.problems[0]!.movedTo!), 'utf8')).toBe('not json at all');
    expect(reopened.listSummaries()).toHaveLength(1);
  });

  it('refuses to open (and leaves untouched) a project written by a newer version', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.close();
    const newer = JSON.stringify({ schemaVersion: 99, future: true });
    await writeFile(join(dir, 'project.json'), newer);
    await expect(ProjectStore.open(dir)).rejects.toThrow(/newer|format 99/);
    expect(await readFile(join(dir, 'project.json'), 'utf8')).toBe(newer);
  });

  it('notices an article file changed outside the app even when the summary cache is fresh', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const article = makeArticle({ title: 'Before' });
    await store.createArticle(article);
    await store.close();
    const path = join(dir, 'articles', `${article.id}.json`);
    const file = JSON.parse(await readFile(path, 'utf8'));
    file.article.title = 'After, edited by hand';
    await writeFile(path, JSON.stringify(file));
    const reopened = await openStore(dir);
    expect(reopened.listSummaries()[0]!.title).toBe('After, edited by hand');
  });

  it('uses the summary cache instead of reading unchanged article files', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.createArticle(makeArticle());
    await store.close();
    const { entries } = await readCacheForTest(dir);
    const [entry] = entries.values();
    entry!.summary.title = 'Title from the cache';
    await writeSummaryCache(dir, entries);
    const reopened = await openStore(dir);
    expect(reopened.listSummaries()[0]!.title).toBe('Title from the cache');
  });

  it('recomputes summaries cached by an earlier way of computing them (word counts before the shared tokeniser)', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.createArticle(makeArticle());
    await store.close();
    const { entries } = await readCacheForTest(dir);
    const [entry] = entries.values();
    const counted = entry!.summary.wordCount;
    entry!.summary.wordCount = 999;
    await writeSummaryCache(dir, entries);
    await rewriteCacheHeaderForTest(dir, (header) => void (header.summaries = SUMMARY_VERSION - 1));
    const reopened = await openStore(dir);
    expect(reopened.listSummaries()[0]!.wordCount).toBe(counted);
  });

  it('removes temporary files left by a crash between write and rename', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const article = makeArticle();
    await store.createArticle(article);
    await store.close();
    await writeFile(join(dir, 'articles', `.${article.id}.json.1234.tmp`), '{"half":');
    const reopened = await openStore(dir);
    expect(await readdir(join(dir, 'articles'))).toEqual([`${article.id}.json`]);
    expect(reopened.problems).toEqual([]);
  });

  it('lets only one store open a project at a time, and frees it on close', async () => {
    const dir = await tempDir();
    const first = await openStore(dir);
    await expect(ProjectStore.open(dir)).rejects.toBeInstanceOf(ProjectLockedError);
    await first.close();
    await openStore(dir);
  });

  it('refuses a folder that holds other files and is not a project', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'thesis.docx'), 'x');
    await expect(ProjectStore.open(dir)).rejects.toBeInstanceOf(NotAProjectError);
    expect(await readdir(dir)).toEqual(['thesis.docx']);
  });

  it('does not grow a save with the library: only the article file is written, whatever the count', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    for (let i = 0; i < 200; i++) await store.createArticle(makeArticle());
    const write = vi.spyOn(durable, 'writeFileDurable');
    const [one] = store.listSummaries();
    await store.updateArticle(one!.id, (file) => void file.annotations.push(annotation(one!.id, 'a1')));
    expect(write).toHaveBeenCalledTimes(1);
    const size = (await stat(write.mock.calls[0]![0])).size;
    expect(size).toBeLessThan(2_000);
  });

  it('keeps every save when a read and saves race on an article that is not loaded yet', async () => {
    const dir = await tempDir();
    let store = await openStore(dir);
    const article = makeArticle();
    await store.createArticle(article);
    for (let round = 0; round < 15; round++) {
      await store.close();
      store = await openStore(dir);
      await Promise.all([
        store.readArticle(article.id),
        store.updateArticle(article.id, (file) => void file.annotations.push(annotation(article.id, `r${round}a`))),
        store.readArticle(article.id),
      ]);
      await store.updateArticle(article.id, (file) => void file.annotations.push(annotation(article.id, `r${round}b`)));
    }
    await store.close();
    const reopened = await openStore(dir);
    expect((await reopened.readArticle(article.id))!.annotations).toHaveLength(30);
  });

  it('refuses saves once closing has begun, and finishes the ones already queued', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const article = makeArticle();
    await store.createArticle(article);
    const queued = store.updateArticle(article.id, (file) => void file.annotations.push(annotation(article.id, 'a1')));
    const closing = store.close();
    await expect(store.updateArticle(article.id, (file) => void file.annotations.push(annotation(article.id, 'a2')))).rejects.toThrow('closed');
    await Promise.all([queued, closing]);
    const reopened = await openStore(dir);
    expect((await reopened.readArticle(article.id))!.annotations.map((a) => a.id)).toEqual(['a1']);
  });

  it('reports an article found damaged when opened (after the cache said it was fine)', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const article = makeArticle();
    await store.createArticle(article);
    await store.close();
    const reopened = await openStore(dir);
    await writeFile(join(dir, 'articles', `${article.id}.json`), '{"truncated":');
    await expect(reopened.readArticle(article.id)).rejects.toThrow(/could not be read.*kept as/);
    expect(reopened.problems).toHaveLength(1);
    expect(reopened.listSummaries()).toEqual([]);
  });
});
