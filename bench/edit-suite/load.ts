import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The suite's articles, written for it; the first half tunes ("dev"), the second half only reports ("test"). */
export function loadArticles(dir: string): { dev: { name: string; text: string }[]; test: { name: string; text: string }[] } {
  const all = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
  const half = Math.ceil(all.length / 2);
  return { dev: all.slice(0, half), test: all.slice(half) };
}
