/**
 * `npm run bench reanchor-speed-bench`: `articles:update-text` on a 20,000-word article with
 * 2,000 annotations (bench/edit-suite/large-article.ts: 40 changes spread over the text, a
 * paragraph moved, one deleted). Times re-anchoring in-thread and in the worker, the whole
 * request through the router (durable write included), and how long a `project:info` sent
 * meanwhile waits for its answer. Target: ≤ 500 ms for the request, other requests answered.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { reanchorAll } from '../src-shared/anchoring/reanchor';
import type { Annotation } from '../src-shared/domain/annotation';
import { createRouter } from '../src-main/api/router';
import { createHandlers } from '../src-main/services';
import { createReanchorer } from '../src-main/services/reanchorer';
import { ProjectStore } from '../src-main/store/project-store';
import { largeArticle } from './edit-suite/large-article';
import { loadArticles } from './edit-suite/load';
import { articlesDir } from './edit-suite/suite';
import { benchSize } from './bench-size';
import { median } from './stats.mjs';

const RUNS = benchSize(7, 1);
const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms, best ${Math.min(...xs).toFixed(0)} ms, first ${xs[0]!.toFixed(0)} ms`;

async function main(): Promise<void> {
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const { dev, test } = loadArticles(articlesDir());
  const large = largeArticle([...dev, ...test]);
  const placed = large.targets.map(() => true);
  console.log(`Article: ${large.words.toLocaleString()} words (${large.oldText.length.toLocaleString()} characters), ${large.targets.length.toLocaleString()} annotations; ${RUNS} runs each\n`);

  const inThread: number[] = [];
  let orphans = 0;
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    const results = reanchorAll(large.oldText, large.newText, large.targets, placed);
    inThread.push(performance.now() - t);
    orphans = results.filter((x) => x.status === 'orphan').length;
  }
  console.log(`re-anchoring in-thread:             ${fmt(inThread)}   (${orphans} orphaned by the edit)`);

  const worker = createReanchorer({ workerFile: join(import.meta.dirname, 'reanchor-worker.mjs'), inlineBelow: 0 });
  const inWorker: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    await worker.run(large.oldText, large.newText, large.targets, placed);
    inWorker.push(performance.now() - t);
  }
  console.log(`re-anchoring in the worker:         ${fmt(inWorker)}   (first includes starting the worker)`);

  const request: number[] = [];
  const waits: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const dir = await mkdtemp(join(tmpdir(), 'reanchor-bench-'));
    const store = await ProjectStore.open(dir);
    const router = createRouter(createHandlers(store, undefined, { reanchorer: worker }), () => undefined);
    const id = randomUUID();
    const stamp = new Date().toISOString();
    const annotations: Annotation[] = large.targets.map((target) => ({ id: randomUUID(), articleId: id, kind: 'highlight', target, tags: [], note: '', status: 'draft', actorId: null, claim: null, anchor: 'anchored', createdAt: stamp, updatedAt: stamp }));
    await store.importArticle({ schemaVersion: 1, article: { id, title: 'Long report', source: 'Bench', url: '', published: '', text: large.oldText, status: 'todo', note: '', createdAt: stamp, updatedAt: stamp }, annotations });
    const t = performance.now();
    const edit = router.handle('articles:update-text', { id, text: large.newText });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const asked = performance.now();
    await router.handle('project:info', {});
    waits.push(performance.now() - asked);
    const result = await edit;
    request.push(performance.now() - t);
    if (!result.ok) throw new Error(result.error.message);
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
  console.log(`articles:update-text (router, worker, durable write): ${fmt(request)}   target ≤ 500 ms`);
  console.log(`project:info sent 5 ms into it, answered after:        ${fmt(waits)}`);
  await worker.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
