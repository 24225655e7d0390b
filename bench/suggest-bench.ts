/**
 * `npm run bench suggest-bench`: quality of the suggestion engine on the gold set
 * (bench/suggest-gold: dev and held-out articles written for this project) and its speed on a
 * 20,000-word article and on 1,000 articles.
 *
 * SUGGEST_SETS=dev (or heldout) scores one part only; SUGGEST_ERRORS=1 lists every error;
 * SUGGEST_COMPARE=1 also scores compromise's own entity finder (no engine rules) and times its
 * full tagger (the measurement behind the choice of library; wink-nlp was measured too, see
 * docs/performance.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { analyse, MAX_TEXT, suggest, type SuggestOptions } from '../src-shared/suggest/index';
import { parseGold, type GoldArticle } from '../src-shared/suggest/eval/gold';
import { emptyScores, prf, scoreArticle, type Counts, type Scores } from '../src-shared/suggest/eval/score';
import { benchSize, SMOKE } from './bench-size';
import { median } from './stats.mjs';
import { compromiseEntities, compromiseTagMs } from './suggest-libraries';
import type { Suggestion } from '../src-shared/suggest/suggestion';

const GOLD = join(process.cwd(), 'bench/suggest-gold');
const SETS = (process.env.SUGGEST_SETS ?? 'dev,heldout').split(',');
const RUNS = benchSize(7, 1);
const WORDS = benchSize(20_000, 2_000);
const ARTICLES = benchSize(1_000, 20);

function load(set: string): GoldArticle[] {
  const dir = join(GOLD, set);
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => parseGold(`${set}/${f}`, readFileSync(join(dir, f), 'utf8')));
}

function evaluate(articles: readonly GoldArticle[], options: SuggestOptions): Scores {
  const scores = emptyScores();
  for (const a of articles) scoreArticle(scores, a, suggest({ text: a.text, language: 'en', actors: a.registry }, options));
  return scores;
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
function line(label: string, c: Counts): string {
  const { p, r, f1 } = prf(c);
  return `  ${label.padEnd(30)} P ${pct(p)}  R ${pct(r)}  F1 ${pct(f1)}   (${c.tp}/${c.pred} predicted, ${c.gold} gold)`;
}

function print(name: string, s: Scores): void {
  console.log(`\n${name}`);
  console.log(line('actor mentions: person', s.mentions.person));
  console.log(line('actor mentions: organization', s.mentions.organization));
  console.log(line('actor mentions: state/place', s.mentions.state));
  console.log(line('actor mentions: overall', s.mentions.overall) + '   target F1 ≥ 85');
  console.log(line('  (span right, any kind)', s.mentions.spanOnly));
  console.log(line('quote spans: exact', s.quotes.exact));
  console.log(line('quote spans: overlapping', s.quotes.overlap) + '   target F1 ≥ 90');
  console.log(line('direct quotes: exact', s.quotes.directExact));
  console.log(line('direct quotes: overlapping', s.quotes.directOverlap));
  const acc = (x: { right: number; total: number }) => `${pct(x.total === 0 ? 1 : x.right / x.total)} % (${x.right}/${x.total})`;
  console.log(`  speaker accuracy, found quotes  ${acc(s.speakers.all)}`);
  console.log(`  speaker accuracy, direct quotes ${acc(s.speakers.direct)}   target ≥ 90`);
  if (process.env.SUGGEST_ERRORS === '1') for (const e of s.errors) console.log(`    ${e.article} ${e.kind}: ${e.detail}`);
}

function main(): void {
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}${SMOKE ? ' (smoke)' : ''}`);
  const dev = load('dev');
  for (const set of SETS) {
    const articles = set === 'dev' ? dev : load(set);
    const words = articles.reduce((n, a) => n + a.text.split(/\s+/).length, 0);
    print(`${set}: ${articles.length} articles, ${words.toLocaleString()} words, ${articles.reduce((n, a) => n + a.mentions.length, 0)} mentions, ${articles.reduce((n, a) => n + a.claims.length, 0)} claims — engine with compromise's lexicon`, evaluate(articles, {}));
    if (process.env.SUGGEST_COMPARE === '1') {
      // compromise's own entity finder alone (actor mentions only; it finds no quotes).
      const own = emptyScores();
      for (const a of articles) {
        const found: Suggestion[] = compromiseEntities(a.text).map((m, i) => ({ type: 'actor', key: `c${i}`, name: m.text, actorKind: m.kind, aliases: [], existingActorId: null, mentions: [m] }));
        scoreArticle(own, a, found);
      }
      console.log(`\n${set} — compromise's own people/places/organizations, no engine rules (mentions only)`);
      console.log(line('actor mentions: person', own.mentions.person));
      console.log(line('actor mentions: organization', own.mentions.organization));
      console.log(line('actor mentions: state/place', own.mentions.state));
      console.log(line('actor mentions: overall', own.mentions.overall));
    }
  }

  // Speed: one long article made of the dev articles, then many ordinary ones.
  let long = '';
  while (long.split(/\s+/).length < WORDS) long += dev.map((a) => a.text).join('\n\n') + '\n\n';
  const words = long.split(/\s+/).length;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    analyse({ text: long, language: 'en', actors: [] });
    const c = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  // CPU time too: on a shared machine the wall clock also counts time spent waiting for a core.
  console.log(`\nSpeed (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)\n  ${words.toLocaleString()}-word article: median ${median(times).toFixed(0)} ms wall, ${median(cpu).toFixed(0)} ms CPU, of ${RUNS} runs (wall min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})   target ≤ 500 ms`);
  const t1 = performance.now();
  for (let i = 0; i < ARTICLES; i++) {
    const a = dev[i % dev.length]!;
    analyse({ text: a.text, language: 'en', actors: a.registry });
  }
  const total = performance.now() - t1;
  // (wall clock: includes waiting for a core on a shared machine)
  console.log(`  ${ARTICLES.toLocaleString()} articles (the dev articles in turn, ~${Math.round(dev.reduce((n, a) => n + a.text.length, 0) / dev.length)} characters each): ${total.toFixed(0)} ms, ${(total / ARTICLES).toFixed(2)} ms per article`);
  const huge = long.repeat(Math.ceil(benchSize(5_000_000, 200_000) / long.length)).slice(0, benchSize(5_000_000, 200_000));
  const t2 = performance.now();
  const c2 = process.cpuUsage();
  const result = analyse({ text: huge, language: 'en', actors: [] });
  const c2d = process.cpuUsage(c2);
  console.log(`  ${(huge.length / 1e6).toFixed(1)} MB text (only the first ${MAX_TEXT.toLocaleString()} characters read): ${(performance.now() - t2).toFixed(0)} ms wall, ${((c2d.user + c2d.system) / 1000).toFixed(0)} ms CPU, ${result.suggestions.length} suggestions, truncated: ${result.truncated}`);
  if (process.env.SUGGEST_COMPARE === '1') {
    console.log(`\nLibraries' own taggers on the ${words.toLocaleString()}-word article (median of ${RUNS})`);
    console.log(`  compromise nlp(text) + people/places/organizations: ${median(Array.from({ length: RUNS }, () => compromiseTagMs(long))).toFixed(0)} ms`);
  }
}

main();
