import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { Article } from '../../src-shared/domain/article';
import { ProjectStore } from './project-store';
import { readSummaryCache, SUMMARY_CACHE_FILE } from './summary-cache-file';
import type { IndexEntry } from './summary-index';

export async function tempDir(prefix = 'project-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

let counter = 0;

/** A valid article for store tests; the text is made up. */
export function makeArticle(overrides: Partial<Article> = {}): Article {
  counter += 1;
  const stamp = new Date(Date.UTC(2026, 0, 1, 0, 0, counter)).toISOString();
  return {
    id: `article-${counter}`,
    title: `Test article ${counter}`,
    source: 'Test Wire',
    url: '',
    published: '2026-01-01',
    text: 'The minister said the talks would resume.\n\nOfficials did not confirm a date.',
    status: 'todo',
    note: '',
    createdAt: stamp,
    updatedAt: stamp,
    ...overrides,
  };
}

/**
 * Opens a project for one test, and waits until its article files have been checked against the
 * summary cache (which a sound cache leaves to the background); it is closed when the test
 * finishes (whatever the outcome).
 */
export async function openStoreForTest(dir: string): Promise<ProjectStore> {
  const store = await ProjectStore.open(dir);
  onTestFinished(() => store.close());
  await store.verified;
  return store;
}

/** The summary cache as written (index.jsonl), for tests that look inside it. */
export async function readCacheForTest(dir: string): Promise<{ header: Record<string, unknown>; entries: Map<string, IndexEntry> }> {
  const text = await readFile(join(dir, SUMMARY_CACHE_FILE), 'utf8');
  const header = JSON.parse(text.slice(0, text.indexOf('\n')));
  const entries = await readSummaryCache(dir);
  if (!entries) throw new Error('the summary cache did not pass its checks');
  return { header, entries };
}

/** Rewrites the summary cache with a changed header (its rows and hash kept): a cache written another way. */
export async function rewriteCacheHeaderForTest(dir: string, change: (header: Record<string, unknown>) => void): Promise<void> {
  const text = await readFile(join(dir, SUMMARY_CACHE_FILE), 'utf8');
  const header = JSON.parse(text.slice(0, text.indexOf('\n')));
  change(header);
  await writeFile(join(dir, SUMMARY_CACHE_FILE), `${JSON.stringify(header)}${text.slice(text.indexOf('\n'))}`);
}
