import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generateScenarios, type Scenario } from './generate';
import { loadArticles } from './load';

/** Fixed seeds: the suite is the same on every run and machine. */
export const DEV_SEED = 1;
export const TEST_SEED = 2;

/** The articles folder, from the repository root or from the bundled bench in bench/.tmp/dist. */
export function articlesDir(): string {
  const candidates = [join(process.cwd(), 'bench/edit-suite/articles')];
  // Bundled, this module sits somewhere below bench/.tmp: look upwards for the folder.
  for (let dir = resolve(import.meta.dirname ?? '.'); dirname(dir) !== dir; dir = dirname(dir)) {
    candidates.push(join(dir, 'edit-suite/articles'), join(dir, 'articles'));
  }
  const found = candidates.find((dir) => existsSync(dir));
  if (!found) throw new Error(`The edit suite's articles were not found (looked in ${candidates.join(', ')}).`);
  return found;
}

/** Dev scenarios (tuned on) and test scenarios (held out), `perArticle` each per article. */
export function suite(perArticle: number): { dev: Scenario[]; test: Scenario[]; articles: { dev: number; test: number } } {
  const { dev, test } = loadArticles(articlesDir());
  return {
    dev: generateScenarios(dev, DEV_SEED, perArticle),
    test: generateScenarios(test, TEST_SEED, perArticle),
    articles: { dev: dev.length, test: test.length },
  };
}
