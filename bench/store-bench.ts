/**
 * `npm run bench` (store part): cold open, memory, and annotation save latency through the
 * router on synthetic projects of 100 and 10,000 articles, with the floor (write + fsync +
 * rename of the same bytes) measured in the same run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createRouter } from '../src-main/api/router';
import { createHandlers } from '../src-main/services';
import { ProjectStore } from '../src-main/store/project-store';
import { writeSyntheticProject } from './synthetic-project';
import { benchSize } from './bench-size';
import { percentile } from './stats.mjs';
import { floorWrite } from './fsync-floor';

const SAVES = benchSize(Number(process.env.BENCH_SAVES ?? 300), 5);


const ms = (n: number) => `${n.toFixed(2)} ms`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

function heap(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

interface Project {
  count: number;
  dir: string;
  ids: string[];
  store: ProjectStore;
  firstOpen: number;
  coldOpen: number;
  heap: number;
  saves: number[];
  floors: number[];
}

async function prepare(count: number): Promise<Project> {
  const dir = await mkdtemp(join(tmpdir(), `bench-${count}-`));
  const ids = await writeSyntheticProject(dir, count);
  // The first open builds the summary cache (index.json) by reading every article.
  let started = performance.now();
  const first = await ProjectStore.open(dir);
  const firstOpen = performance.now() - started;
  await first.close();
  const heapBefore = heap();
  started = performance.now();
  const store = await ProjectStore.open(dir);
  const coldOpen = performance.now() - started;
  return { count, dir, ids, store, firstOpen, coldOpen, heap: heap() - heapBefore, saves: [], floors: [] };
}

/** One durable annotation save through the router, then the floor for the same bytes. */
async function saveOnce(project: Project, i: number): Promise<void> {
  const router = createRouter(createHandlers(project.store));
  const id = project.ids[(i * 7919) % project.ids.length]!;
  // Load the article first, as opening it in the reader does, so that a save measures the save.
  await project.store.readArticle(id);
  const start = 50 + (i % 40);
  const t0 = performance.now();
  const result = await router.handle('annotations:create', { articleId: id, start, end: start + 30 });
  project.saves.push(performance.now() - t0);
  if (!result.ok) throw new Error(result.error.message);
  const bytes = `${JSON.stringify(await project.store.readArticle(id), null, 2)}\n`;
  project.floors.push(await floorWrite(join(project.dir, 'articles', 'floor.json'), bytes));
}

async function main() {
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${mb(totalmem())} RAM, Node ${process.version}, ${process.platform}; temp folder ${tmpdir()}`);
  console.log(`Saves per project: ${SAVES} (annotations:create through the router, each durable), alternating between the two projects (in alternating order) so both meet the same disk conditions\n`);
  const small = await prepare(benchSize(100, 10));
  const large = await prepare(benchSize(10_000, 40));
  for (let i = 0; i < SAVES; i++) {
    // Alternate which goes first, so neither always follows the other's writes.
    const [first, second] = i % 2 === 0 ? [small, large] : [large, small];
    await saveOnce(first, i);
    await saveOnce(second, i);
  }
  for (const p of [small, large]) {
    await p.store.close();
    await rm(p.dir, { recursive: true, force: true });
    const save95 = percentile(p.saves, 95);
    const floor95 = percentile(p.floors, 95);
    console.log(`${p.count.toLocaleString()} articles`);
    console.log(`  open, first (builds index.json): ${ms(p.firstOpen)}`);
    console.log(`  cold open (index present):       ${ms(p.coldOpen)}   target < 1000 ms`);
    console.log(`  store heap after open:           ${mb(p.heap)}`);
    console.log(`  save p50 / p95:                  ${ms(percentile(p.saves, 50))} / ${ms(save95)}`);
    console.log(`  floor p50 / p95 (write+fsync+rename of the same bytes): ${ms(percentile(p.floors, 50))} / ${ms(floor95)}`);
    console.log(`  save p95 / floor p95:            ${(save95 / floor95).toFixed(2)}x   target ≤ 2x\n`);
  }
  const growth = percentile(large.saves, 95) / percentile(small.saves, 95);
  console.log(`save p95 at 10,000 / at 100 articles: ${growth.toFixed(2)}x   target ≤ 1.2x`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
