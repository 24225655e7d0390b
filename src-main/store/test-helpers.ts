import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../../src-shared/domain/article';

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
