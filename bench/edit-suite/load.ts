import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** An article of the suite: its file name and text. */
export interface Article {
  name: string;
  text: string;
}

/** Every `.txt` article in `dir`, sorted by name. */
export function loadFolder(dir: string): Article[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/**
 * The 18 tuning articles in their two original halves: each half gets its own seed (see suite.ts),
 * so the scenarios stay the ones every earlier figure was measured on.
 */
export function loadArticles(dir: string): { dev: Article[]; test: Article[] } {
  const all = loadFolder(dir);
  const half = Math.ceil(all.length / 2);
  return { dev: all.slice(0, half), test: all.slice(half) };
}
