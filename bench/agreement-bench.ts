/**
 * `npm run bench agreement-bench`: Krippendorff's alpha between 3 analysts over 500 articles of
 * about 5,000 characters, each analyst coding about 24 units per article (actor mentions, claims
 * with speakers and grades, tagged highlights) as a noisy copy of one made-up "true" coding:
 * units missed, boundaries moved, speakers and grades changed. Measured twice: the computation
 * alone (src-shared/agreement) and `agreement:compute` through the router, reading the articles
 * from disk. Target: ≤ 2 s.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeRange } from '../src-shared/anchoring/quote-selector';
import type { CodedAnnotation } from '../src-shared/agreement/align';
import { computeAgreement, type AgreementArticle } from '../src-shared/agreement/compute-agreement';
import type { AgreementReport } from '../src-shared/agreement/agreement-schema';
import type { Annotation } from '../src-shared/domain/annotation';
import { makeArticleFile } from './synthetic-project';
import { benchSize } from './bench-size';
import { openBenchProject } from './bench-project';
import { median } from './stats.mjs';

const ARTICLES = benchSize(500, 5);
const RUNS = benchSize(5, 1);
const ANALYSTS = ['Ana Ruiz', 'Ben Okafor', 'Chen Wei'];
const UNITS_PER_ARTICLE = 24;

/** A small deterministic generator (mulberry32), so every run codes the same way. */
function random(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'agreement-bench-'));
  const { store, call } = await openBenchProject(dir);
  const actors: string[] = [];
  for (let i = 0; i < 20; i++) actors.push((await call<{ id: string }>('actors:create', { name: `Minister ${i}` })).id);
  const tags: string[] = [];
  for (let i = 0; i < 6; i++) tags.push((await call<{ id: string }>('tags:create', { name: `Topic ${i}` })).id);
  const rnd = random(11);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const grades = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
  const inMemory: AgreementArticle[] = [];
  let annotationCount = 0;

  for (let i = 0; i < ARTICLES; i++) {
    const file = makeArticleFile(i);
    const text = file.article.text;
    const slot = Math.floor(text.length / UNITS_PER_ARTICLE);
    const coded: CodedAnnotation[] = [];
    const annotations: Annotation[] = [];
    for (let u = 0; u < UNITS_PER_ARTICLE; u++) {
      const kind = u % 3 === 0 ? 'claim' : u % 3 === 1 ? 'actor' : 'highlight';
      const start = u * slot + Math.floor(rnd() * 20);
      const end = Math.min(text.length, start + 10 + Math.floor(rnd() * (kind === 'claim' ? 80 : 20)));
      const truth = { actorId: pick(actors), speakerId: pick(actors), reliability: pick(grades), credibility: 1 + Math.floor(rnd() * 6), tag: pick(tags) };
      ANALYSTS.forEach((name, coder) => {
        if (rnd() < 0.1) return; // missed
        const shift = () => (rnd() < 0.3 ? Math.floor(rnd() * 7) - 3 : 0);
        const s = Math.max(0, start + shift());
        const e = Math.min(text.length, Math.max(s + 1, end + shift()));
        const speakerId = rnd() < 0.1 ? pick(actors) : truth.speakerId;
        const reliability = rnd() < 0.2 ? pick(grades) : truth.reliability;
        const credibility = (rnd() < 0.2 ? 1 + Math.floor(rnd() * 6) : truth.credibility) as 1 | 2 | 3 | 4 | 5 | 6;
        const actorId = kind === 'actor' ? (rnd() < 0.05 ? pick(actors) : truth.actorId) : null;
        const claim = kind === 'claim' ? { speakerId, form: 'paraphrase' as const, medium: '', reliability, credibility, verification: 'unverified' as const, links: [] } : null;
        const id = `${file.article.id.slice(0, 20)}-${u}-${coder}`;
        const tagsOf = rnd() < 0.85 ? [truth.tag] : [];
        coded.push({ id, kind, start: s, end: e, tags: tagsOf, actorId, claim, coder });
        annotations.push({
          id,
          articleId: file.article.id,
          kind,
          target: describeRange(text, s, e),
          tags: tagsOf,
          note: '',
          status: 'draft',
          actorId,
          claim,
          anchor: 'anchored',
          createdAt: file.article.createdAt,
          updatedAt: file.article.createdAt,
          ...{ createdBy: { name } },
        });
      });
    }
    annotationCount += annotations.length;
    inMemory.push({ id: file.article.id, title: file.article.title, length: text.length, annotations: coded });
    await store.importArticle({ schemaVersion: 1, article: file.article, annotations });
  }

  const tagNames = new Map(tags.map((id, i) => [id, `Topic ${i}`]));
  const pure: number[] = [];
  const service: number[] = [];
  // CPU time of this process too: the machine is shared, and wall time under load says more
  // about the neighbours than about this code. The work is single-threaded, so CPU time is close
  // to what an idle machine would take.
  const pureCpu: number[] = [];
  const serviceCpu: number[] = [];
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  let report: AgreementReport | null = null;
  let serviceReport: AgreementReport | null = null;
  const articleIds = inMemory.map((a) => a.id);
  for (let run = 0; run < RUNS; run++) {
    let t0 = performance.now();
    let c0 = process.cpuUsage();
    report = computeAgreement({ analysts: ANALYSTS, articles: inMemory, tags: tagNames });
    pure.push(performance.now() - t0);
    pureCpu.push(cpuMs(c0));
    t0 = performance.now();
    c0 = process.cpuUsage();
    serviceReport = await call<AgreementReport>('agreement:compute', { articleIds, analysts: ANALYSTS });
    service.push(performance.now() - t0);
    serviceCpu.push(cpuMs(c0));
  }
  const show = (r: AgreementReport | null) => r!.overall.map((f) => `${f.label} ${f.alpha === null ? '–' : f.alpha.toFixed(3)} (${f.units})`).join('; ');
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`);
  console.log(`Project: ${ARTICLES} articles, ${ANALYSTS.length} analysts, ${annotationCount.toLocaleString()} annotations; ${RUNS} runs, medians\n`);
  console.log(`Load average (1 min) at the end: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
  console.log(`computeAgreement (in memory):                 wall ${median(pure).toFixed(0)} ms, CPU ${median(pureCpu).toFixed(0)} ms   target ≤ 2000 ms`);
  console.log(`agreement:compute through the router (disk):  wall ${median(service).toFixed(0)} ms, CPU ${median(serviceCpu).toFixed(0)} ms   target ≤ 2000 ms`);
  console.log(`\nFigures (in memory): ${show(report)}`);
  console.log(`Figures (service):   ${show(serviceReport)}`);
  await store.close();
  await rm(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
