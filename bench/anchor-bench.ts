/**
 * `npm run bench anchor-bench`: re-anchoring on the edit suite (bench/edit-suite): how many
 * annotations land somewhere that is not their passage, and how many are placed where they should.
 *
 * "dev" is the suite's 18 original articles, all used while choosing the rules and constants in
 * src-shared/anchoring. "held-out" is 9 articles written later and never tuned on; they are scored
 * only with ANCHOR_HELD_OUT=1, which is meant for a final measurement, not for tuning runs
 * (docs/anchoring.md records when that was done). ANCHOR_FAILURES=1 lists dev's misses.
 */
import { cpus } from 'node:os';
import { CASE_KINDS } from './edit-suite/generate';
import { evaluate, type Mode, type SuiteScore } from './edit-suite/evaluate';
import { HELD_OUT_ENV, suite } from './edit-suite/suite';
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

/** Dev's misplaced passages, and its unchanged and typo passages not placed on themselves. */
function listMisses(score: SuiteScore): void {
  for (const { scenario, item, result } of score.misses) {
    const at = result.status === 'orphan' ? 'orphan' : `[${result.target.start}, ${result.target.end}) "${scenario.newText.slice(result.target.start, result.target.end)}"`;
    const truth = item.truth ? `[${item.truth.start}, ${item.truth.end}) "${scenario.newText.slice(item.truth.start, item.truth.end)}"` : 'deleted';
    console.log(`\n  ${item.kind} "${item.target.exact}" in ${scenario.article} after ${scenario.edits.join(', ')}`);
    console.log(`    prefix "${item.target.prefix}" suffix "${item.target.suffix}"`);
    console.log(`    truth ${truth}; placed ${at}`);
    if (item.truth) console.log(`    now: "${scenario.newText.slice(Math.max(0, item.truth.start - 40), item.truth.end + 40).replace(/\n/g, '¶')}"`);
  }
}

function main(): void {
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`);
  const started = performance.now();
  const heldOutWanted = process.env[HELD_OUT_ENV] === '1';
  const { dev, heldOut, articles } = suite(PER_ARTICLE, { heldOut: heldOutWanted });
  console.log(`Edit suite: ${articles.dev} dev articles${heldOut ? ` + ${articles.heldOut} held-out articles` : ''}, ${PER_ARTICLE} scenarios each (1–4 edits elsewhere, 4–9 annotations per scenario), fixed seeds.`);
  console.log(heldOut ? 'Constants were tuned on dev only; held-out was never tuned on.' : `Held-out articles not scored (${HELD_OUT_ENV}=1 scores them; not for tuning runs).`);
  const modes: [Mode, string][] = [
    ['edit', 'after articles:update-text (old and new text known)'],
    ['quote', 'from the stored selectors alone (as W3C import re-anchors; informational)'],
  ];
  for (const [mode, what] of modes) {
    const devScore = evaluate(dev, mode);
    print(`dev, ${what}:`, devScore);
    if (mode === 'edit' && process.env.ANCHOR_FAILURES === '1') listMisses(devScore);
    if (heldOut) print(`held-out, ${what}:`, evaluate(heldOut, mode));
  }
  console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

main();
