/**
 * `npm run bench report-bench`: a project report over 10,000 annotations (1,000 articles of about
 * 5,000 characters, 10 annotations each: claims with speakers and grades, actor mentions, tagged
 * highlights), generated as a syntax tree and serialised to Markdown.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport, reportToMarkdown } from '../src-shared/report/project-report';
import { reportOptionsSchema } from '../src-shared/report/report-options';
import { loadScope } from '../src-main/services/reports-service';
import { makeArticleFile } from './synthetic-project';
import { benchSize } from './bench-size';
import { openBenchProject } from './bench-project';
import { median } from './stats.mjs';

const ARTICLES = benchSize(1_000, 10);
const RUNS = benchSize(5, 1);

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'report-bench-'));
  const { store, call } = await openBenchProject(dir);
  const actors: { id: string }[] = [];
  for (let i = 0; i < 20; i++) actors.push(await call<{ id: string }>('actors:create', { name: `Minister ${i}`, description: `Foreign Minister of State ${i}` }));
  const tags: { id: string }[] = [];
  for (let i = 0; i < 8; i++) tags.push(await call<{ id: string }>('tags:create', { name: `Topic ${i}` }));
  for (let i = 0; i < ARTICLES; i++) {
    const file = makeArticleFile(i);
    file.annotations = file.annotations.map((a, k) => {
      if (k % 3 === 0) return { ...a, kind: 'claim' as const, tags: [tags[k % tags.length]!.id], note: 'Checked against the ministry readout.', claim: { speakerId: actors[(i + k) % actors.length]!.id, form: 'paraphrase' as const, medium: 'statement', reliability: 'B' as const, credibility: 2 as const, verification: 'unverified' as const, links: [] } };
      if (k % 3 === 1) return { ...a, kind: 'actor' as const, actorId: actors[(i * 7 + k) % actors.length]!.id };
      return { ...a, tags: [tags[(i + k) % tags.length]!.id] };
    });
    await store.importArticle({ schemaVersion: 1, ...file });
  }
  const options = reportOptionsSchema.parse({ scope: { kind: 'project' } });
  const input = await loadScope(store, options.scope, () => new Date());
  const annotations = input.articles.reduce((n, a) => n + a.annotations.length, 0);

  const build: number[] = [];
  const serialise: number[] = [];
  const service: number[] = [];
  let size = 0;
  for (let run = 0; run < RUNS; run++) {
    let t0 = performance.now();
    const tree = buildReport(input, options);
    build.push(performance.now() - t0);
    t0 = performance.now();
    if (process.env.DUMP_TREE && run === 0) (await import('node:fs')).writeFileSync(process.env.DUMP_TREE, JSON.stringify(tree));
    size = reportToMarkdown(tree).length;
    serialise.push(performance.now() - t0);
    t0 = performance.now();
    await call('reports:markdown', options);
    service.push(performance.now() - t0);
  }
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`);
  console.log(`Project: ${ARTICLES} articles, ${annotations.toLocaleString()} annotations (${Math.round(annotations / 3)} claims), report ${(size / 1024 / 1024).toFixed(1)} MB of Markdown; ${RUNS} runs, medians\n`);
  console.log(`build syntax tree:                 ${median(build).toFixed(0)} ms`);
  console.log(`serialise (mdast-util-to-markdown): ${median(serialise).toFixed(0)} ms`);
  console.log(`generate (tree + Markdown):         ${(median(build) + median(serialise)).toFixed(0)} ms   target < 1000 ms`);
  console.log(`reports:markdown through the router (articles already in memory after the first run): ${median(service).toFixed(0)} ms`);
  await store.close();
  await rm(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
