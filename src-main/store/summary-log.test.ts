import { appendFile, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logOutgrown } from './summary-index';
import { SUMMARY_LOG } from './summary-log';
import { SUMMARY_CACHE_FILE } from './summary-cache-file';
import { makeArticle, openStoreForTest, readCacheForTest, tempDir } from './test-helpers';

/** A project with `count` articles whose summary cache is written whole, closed. */
async function projectWithIndex(count: number) {
  const dir = await tempDir();
  const store = await openStoreForTest(dir);
  const articles = Array.from({ length: count }, () => makeArticle());
  for (const article of articles) await store.createArticle(article);
  await store.close();
  return { dir, articles };
}

const logLines = async (dir: string) => (await readFile(join(dir, SUMMARY_LOG), 'utf8')).trimEnd().split('\n');

describe('the summary cache log (index.log)', () => {
  it('a save appends its summary to the log and leaves the cache as it was', async () => {
    const { dir, articles } = await projectWithIndex(5);
    const before = await readFile(join(dir, SUMMARY_CACHE_FILE), 'utf8');
    const store = await openStoreForTest(dir);
    await store.updateArticle(articles[2]!.id, (file) => {
      file.article.title = 'Retitled after the talks';
    });
    await store.close();
    expect(await readFile(join(dir, SUMMARY_CACHE_FILE), 'utf8')).toBe(before);
    const lines = await logLines(dir);
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]!)).toMatchObject({ id: articles[2]!.id, summary: { title: 'Retitled after the talks' } });
    // The size and time recorded are the file's, so the next open trusts the line without reading the article.
    const info = await stat(join(dir, 'articles', `${articles[2]!.id}.json`));
    expect(JSON.parse(lines[1]!)).toMatchObject({ size: info.size, mtimeMs: info.mtimeMs });
  });

  it('the next open takes summaries from index.json and the log, without reading unchanged articles', async () => {
    const { dir, articles } = await projectWithIndex(3);
    let store = await openStoreForTest(dir);
    await store.updateArticle(articles[0]!.id, (file) => {
      file.article.title = 'Changed once';
    });
    await store.close();
    // Edit the logged summary: if the open used it (rather than re-reading the file), the edit shows.
    const lines = await logLines(dir);
    const changed = lines.findIndex((line) => line.includes('Changed once'));
    await writeFile(join(dir, SUMMARY_LOG), `${lines.map((line, i) => (i === changed ? line.replace('Changed once', 'From the log') : line)).join('\n')}\n`);
    store = await openStoreForTest(dir);
    const titles = store.listSummaries().map((s) => s.title).sort();
    expect(titles).toEqual(['From the log', articles[1]!.title, articles[2]!.title].sort());
  });

  it('an article file removed while the project was closed leaves the list, whatever the log said', async () => {
    const { dir, articles } = await projectWithIndex(2);
    let store = await openStoreForTest(dir);
    await store.updateArticle(articles[0]!.id, (file) => {
      file.article.title = 'Logged, then removed';
    });
    await store.close();
    await rm(join(dir, 'articles', `${articles[0]!.id}.json`));
    store = await openStoreForTest(dir);
    expect(store.listSummaries().map((s) => s.id)).toEqual([articles[1]!.id]);
    await store.close();
    // The removal is recorded: the next open does not list it either.
    store = await openStoreForTest(dir);
    expect(store.listSummaries().map((s) => s.id)).toEqual([articles[1]!.id]);
  });

  it('a torn last line (a crash while appending) costs a re-read, and the next write starts over whole', async () => {
    const { dir, articles } = await projectWithIndex(3);
    let store = await openStoreForTest(dir);
    await store.updateArticle(articles[1]!.id, (file) => {
      file.article.title = 'Saved before the crash';
    });
    await store.close();
    await appendFile(join(dir, SUMMARY_LOG), '{"id":"article-x","size":12,"mtimeMs":1');
    store = await openStoreForTest(dir);
    expect(store.listSummaries().map((s) => s.title)).toContain('Saved before the crash');
    await store.close();
    await expect(stat(join(dir, SUMMARY_LOG))).rejects.toMatchObject({ code: 'ENOENT' });
    const { entries } = await readCacheForTest(dir);
    expect([...entries.values()].map((entry) => entry.summary.title)).toContain('Saved before the crash');
  });

  it('a logged summary that no longer matches its file (older than the file) is not trusted', async () => {
    const { dir, articles } = await projectWithIndex(2);
    let store = await openStoreForTest(dir);
    await store.updateArticle(articles[0]!.id, (file) => {
      file.article.title = 'First title';
    });
    await store.close();
    const log = await readFile(join(dir, SUMMARY_LOG), 'utf8');
    store = await openStoreForTest(dir);
    await store.updateArticle(articles[0]!.id, (file) => {
      file.article.title = 'Second, longer title';
    });
    await store.close();
    // Put back the log as it was before the second save: its line describes an older file.
    await writeFile(join(dir, SUMMARY_LOG), log);
    store = await openStoreForTest(dir);
    expect(store.listSummaries().map((s) => s.title)).toContain('Second, longer title');
  });

  it('a log written by another way of counting words is ignored and the cache rebuilt', async () => {
    const { dir, articles } = await projectWithIndex(2);
    let store = await openStoreForTest(dir);
    await store.updateArticle(articles[0]!.id, (file) => {
      file.article.title = 'Logged title';
    });
    await store.close();
    const lines = await logLines(dir);
    const header = JSON.parse(lines[0]!);
    await writeFile(join(dir, SUMMARY_LOG), `${[JSON.stringify({ ...header, text: header.text + 1 }), lines[1]!.replace('Logged title', 'Stale title')].join('\n')}\n`);
    store = await openStoreForTest(dir);
    expect(store.listSummaries().map((s) => s.title)).toContain('Logged title');
    expect(store.listSummaries().map((s) => s.title)).not.toContain('Stale title');
  });
});

describe('when the log is folded into the cache', () => {
  it('not before 2,000 lines in a small library, then at half the number of articles, and always past 5,000', () => {
    expect(logOutgrown(2_000, 100)).toBe(false);
    expect(logOutgrown(2_001, 100)).toBe(true);
    expect(logOutgrown(3_000, 6_000)).toBe(false);
    expect(logOutgrown(3_001, 6_000)).toBe(true);
    expect(logOutgrown(5_000, 100_000)).toBe(false);
    expect(logOutgrown(5_001, 100_000)).toBe(true);
  });
});
