/**
 * `npm run bench anchor-bench`: re-anchoring on the edit suite (bench/edit-suite): how many
 * annotations land somewhere that is not their passage, and how many are placed where they should.
 *
 * The suite's 18 articles were written for it; the first 9 ("dev") were used while choosing the
 * rules and constants in src-shared/anchoring, the last 9 ("test") only to report. Both are printed.
 */
import { cpus } from 'node:os';
import { CASE_KINDS } from './edit-suite/generate';
import { evaluate, type Mode, type SuiteScore } from './edit-suite/evaluate';
import { suite } from './edit-suite/suite';
import { benchSize } from './bench-size';

const PER_ARTICLE = benchSize(60, 2);

const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(2)}%`);

function print(label: string, score: SuiteScore): void {
  const k = score.byKind;
  console.log(`\n${label}`);
  console.log(`  cases: ${CASE_KINDS.map((kind) => `${kind} ${k[kind].cases}`).join(', ')}`);
  console.log(`  silent mis-anchors: ${score.misplaced} (${CASE_KINDS.map((kind) => `${kind} ${k[kind].misplaced}`).join(', ')})   goal 0`);
  console.log(`  unchanged passages placed exactly: ${pct(k.unchanged.exact, k.unchanged.cases)} (${k.unchanged.orphaned} orphaned)   goal ≥ 99.9%`);
  console.log(`  passages with a typo placed on the edited passage: ${pct(k.typo.onPassage, k.typo.cases)} (${k.typo.orphaned} orphaned)   goal ≥ 99%`);
  console.log(`  at most a typo (unchanged + typo) placed on the passage: ${pct(k.unchanged.exact + k.typo.onPassage, k.unchanged.cases + k.typo.cases)}`);
  console.log(`  reworded passages placed on the edited passage: ${pct(k.reword.onPassage, k.reword.cases)}, orphaned ${pct(k.reword.orphaned, k.reword.cases)}`);
  console.log(`  deleted passages orphaned: ${pct(k.deleted.orphaned, k.deleted.cases)}`);
}

function main(): void {
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`);
  const started = performance.now();
  const { dev, test, articles } = suite(PER_ARTICLE);
  console.log(`Edit suite: ${articles.dev} dev + ${articles.test} test articles, ${PER_ARTICLE} scenarios each (1–4 edits elsewhere, 4–9 annotations per scenario), fixed seeds.`);
  console.log('Constants were tuned on dev only; test is held out.');
  const modes: [Mode, string][] = [
    ['edit', 'after articles:update-text (old and new text known)'],
    ['quote', 'from the stored selectors alone (as W3C import re-anchors; informational)'],
  ];
  for (const [mode, what] of modes) {
    for (const [split, scenarios] of [['dev', dev], ['test (held out)', test]] as const) {
      print(`${split}, ${what}:`, evaluate(scenarios, mode));
    }
  }
  console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

main();
