/**
 * `npm run bench language-detect-bench`: how well each language detector names the language of
 * the samples written for this project (src-shared/text/language-samples/: dev, the set the
 * combined detector was adjusted on, and held-out, only measured). Prints right / wrong / unknown
 * per detector and set, the direction, and time per text; LANG_ERRORS=1 lists every miss.
 *
 * (a) the script rules alone (src-shared/text/language.ts), (b) franc-min alone, (c) the
 * combination the app uses (src-shared/text/detect-language.ts).
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { detectLanguage, francLanguage } from '../src-shared/text/detect-language';
import { parseLanguageSamples, scoreDetection, type DetectionScore, type LanguageSample } from '../src-shared/text/language-eval';
import { guessLanguage, type TextLanguage } from '../src-shared/text/language';
import { benchSize, SMOKE } from './bench-size';
import { median } from './stats.mjs';

const DIR = join(process.cwd(), 'src-shared/text/language-samples');
const RUNS = benchSize(20, 1);
const detectors: [string, (text: string) => TextLanguage][] = [
  ['(a) script rules', guessLanguage],
  ['(b) franc-min', francLanguage],
  ['(c) combined', detectLanguage],
];

const pct = (n: number, total: number) => `${((n / total) * 100).toFixed(0).padStart(3)} %`;
function line(name: string, s: DetectionScore, microseconds: number): string {
  return `  ${name.padEnd(18)} right ${String(s.right).padStart(2)}/${s.total} (${pct(s.right, s.total)})  wrong ${String(s.wrong).padStart(2)}  unknown ${String(s.unknown).padStart(2)}  direction ${s.directionRight}/${s.total}  ${microseconds.toFixed(0).padStart(5)} µs/text`;
}

/** "long", "medium", "headline", "mixed", "other", or "too short" for texts that name no language. */
function kindOf(sample: LanguageSample): string {
  return sample.expected ? (sample.label.split(' ')[1] ?? 'other') : 'too short';
}

function time(samples: readonly LanguageSample[], detect: (text: string) => TextLanguage): number {
  const runs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const started = performance.now();
    for (const s of samples) detect(s.text);
    runs.push(((performance.now() - started) * 1000) / samples.length);
  }
  return median(runs);
}

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}${SMOKE ? ' (smoke)' : ''}`);
for (const set of ['dev', 'heldout', 'heldout-2']) {
  const samples = parseLanguageSamples(readFileSync(join(DIR, `${set}.txt`), 'utf8'));
  const languages = new Set(samples.map((s) => s.expected).filter(Boolean));
  console.log(`\n${set}: ${samples.length} texts, ${languages.size} languages, ${samples.filter((s) => !s.expected).length} too short to name one`);
  for (const [name, detect] of detectors) {
    const score = scoreDetection(samples, detect);
    console.log(line(name, score, time(samples, detect)));
    // Right per kind of text (the label's second word): long paragraphs, one sentence, a headline…
    const kinds = [...new Set(samples.map(kindOf))];
    console.log(`      ${kinds.map((kind) => {
      const some = samples.filter((s) => kindOf(s) === kind);
      return `${kind} ${scoreDetection(some, detect).right}/${some.length}`;
    }).join(', ')}`);
    if (process.env.LANG_ERRORS === '1') for (const e of score.errors) console.log(`      ${e}`);
  }
}
