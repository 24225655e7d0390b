import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generateScenarios, type Scenario } from './generate';
import { loadArticles, loadFolder } from './load';

/** Fixed seeds: the suite is the same on every run and machine. The 18 tuning articles keep the
 * two seeds of their original halves; the held-out articles have their own. */
export const DEV_SEED = 1;
export const TEST_SEED = 2;
export const HELD_OUT_SEED = 3;

/**
 * Set to 1 to score the held-out articles too. They exist to check, once, that what was tuned on
 * the others holds for texts nobody tuned on: runs while tuning leave this unset.
 */
export const HELD_OUT_ENV = 'ANCHOR_HELD_OUT';

/** A folder of the suite (`articles`, `articles-holdout`), from the repository root or from the
 * bundled bench in bench/.tmp/dist. */
export function articlesDir(folder = 'articles'): string {
  const candidates = [join(process.cwd(), 'bench/edit-suite', folder)];
  // Bundled, this module sits somewhere below bench/.tmp: look upwards for the folder.
  for (let dir = resolve(import.meta.dirname ?? '.'); dirname(dir) !== dir; dir = dirname(dir)) {
    candidates.push(join(dir, 'edit-suite', folder), join(dir, folder));
  }
  const found = candidates.find((dir) => existsSync(dir));
  if (!found) throw new Error(`The edit suite's ${folder} were not found (looked in ${candidates.join(', ')}).`);
  return found;
}

/**
 * Dev scenarios (all 18 original articles, tuned on), `perArticle` per article, and, only when
 * `heldOut` is asked for, the held-out articles' scenarios (written later, never tuned on).
 */
export function suite(perArticle: number, options: { heldOut?: boolean } = {}): { dev: Scenario[]; heldOut: Scenario[] | null; articles: { dev: number; heldOut: number } } {
  const { dev, test } = loadArticles(articlesDir());
  const held = options.heldOut ? loadFolder(articlesDir('articles-holdout')) : null;
  return {
    dev: [...generateScenarios(dev, DEV_SEED, perArticle), ...generateScenarios(test, TEST_SEED, perArticle)],
    heldOut: held && generateScenarios(held, HELD_OUT_SEED, perArticle),
    articles: { dev: dev.length + test.length, heldOut: held?.length ?? 0 },
  };
}
