import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { Article } from '../../src-shared/domain/article';
import { ProjectStore } from './project-store';

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

/** Opens a project for one test; it is closed when the test finishes (whatever the outcome). */
export async function openStoreForTest(dir: string): Promise<ProjectStore> {
  const store = await ProjectStore.open(dir);
  onTestFinished(() => store.close());
  return store;
}
