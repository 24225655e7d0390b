/**
 * `npm run bench library-bench`: on a synthetic project of 10,000 articles, how soon the app can
 * answer after opening (while the search index builds in the background), how long the index
 * takes and how soon it is on disk, search latency once it is built, opening the dossier of an
 * actor with 1,000 mentions, and, opening the project a second time, how soon search is complete
 * from the persisted index and the dossier from the entries cache written at the first close.
 */
import { readFile, writeFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRouter } from '../src-main/api/router';
import { createHandlers } from '../src-main/services';
import { ProjectStore } from '../src-main/store/project-store';
import { SEARCH_INDEX_FILE } from '../src-main/services/search-index-file';
import { writeSyntheticProject } from './synthetic-project';
import { benchSize } from './bench-size';
import { percentile } from './stats.mjs';

const ARTICLES = benchSize(10_000, 60);
const QUERIES = ['minister', 'talk', 'parliam', 'ceasefire', 'sumit', 'border exercises', 'delegation statement', 'officials agreed', 'vote', 'ban import'];


async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'library-bench-'));
  const ids = await writeSyntheticProject(dir, ARTICLES);
  // One actor mentioned 1,000 times: once in each of the first 1,000 articles' first annotation.
  const actorId = '00000000-0000-4000-8000-000000000001';
  const project = JSON.parse(await readFile(join(dir, 'project.json'), 'utf8'));
  const stamp = new Date().toISOString();
  project.actors = [{ id: actorId, name: 'The Minister', kind: 'person', aliases: [], description: 'Synthetic actor', affiliationId: null, note: '', createdAt: stamp, updatedAt: stamp }];
  await writeFile(join(dir, 'project.json'), JSON.stringify(project));
  for (const id of ids.slice(0, Math.min(1000, ARTICLES))) {
    const path = join(dir, 'articles', `${id}.json`);
    const file = JSON.parse(await readFile(path, 'utf8'));
    file.annotations[0].kind = 'actor';
    file.annotations[0].actorId = actorId;
    await writeFile(path, JSON.stringify(file));
  }
  // Build the summary cache once, as any earlier session would have.
  await (await ProjectStore.open(dir)).close();

  const t0 = performance.now();
  const store = await ProjectStore.open(dir);
  const router = createRouter(createHandlers(store));
  void router.handle('search:query', { limit: 1 }); // what the app does right after opening
  const list = await router.handle('articles:list', {});
  const usable = performance.now() - t0;
  if (!list.ok) throw new Error('list failed');

  // Requests keep being answered while the index builds.
  const during: number[] = [];
  let indexed = 0;
  while (indexed < ARTICLES) {
    const s = performance.now();
    const r = await router.handle('search:query', { query: '', limit: 50, filters: { articleStatus: 'todo' } });
    during.push(performance.now() - s);
    if (r.ok) indexed = (r.value as { indexing: { indexed: number } }).indexing.indexed;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const indexReady = performance.now() - t0;
  // The completed index is written in the background; wait for it so the searches below do not
  // share the event loop with that write (the app pays it once, after a build).
  const indexPath = join(dir, SEARCH_INDEX_FILE);
  while (!(await stat(indexPath).catch(() => null))) await new Promise((resolve) => setTimeout(resolve, 20));
  const indexSaved = performance.now() - t0;
  const indexBytes = (await stat(indexPath)).size;

  const searches: number[] = [];
  for (let i = 0; i < 200; i++) {
    const s = performance.now();
    const r = await router.handle('search:query', { query: QUERIES[i % QUERIES.length], limit: 50 });
    searches.push(performance.now() - s);
    if (!r.ok) throw new Error(r.error.message);
  }
  const dossiers: number[] = [];
  let entries = 0;
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    const r = await router.handle('actors:dossier', { actorId });
    dossiers.push(performance.now() - s);
    if (r.ok) entries = (r.value as { entries: unknown[] }).entries.length;
  }
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`);
  console.log(`Project: ${ARTICLES.toLocaleString()} synthetic articles (about 5,000 characters, 10 annotations each)\n`);
  console.log(`open → library listed (usable):         ${usable.toFixed(0)} ms   target < 1000 ms`);
  console.log(`requests while the index builds:        p50 ${percentile(during, 50).toFixed(1)} ms, p95 ${percentile(during, 95).toFixed(1)} ms (${during.length} requests)`);
  console.log(`search index complete:                  ${(indexReady / 1000).toFixed(1)} s after opening (background)`);
  console.log(`search (200 queries, prefix and fuzzy): p50 ${percentile(searches, 50).toFixed(1)} ms, p95 ${percentile(searches, 95).toFixed(1)} ms   target p95 ≤ 25 ms at 10,000 (issue 16)`);
  console.log(`dossier of an actor with ${entries.toLocaleString()} mentions: median ${percentile(dossiers, 50).toFixed(0)} ms, first ${dossiers[0]!.toFixed(0)} ms   target < 300 ms`);
  // The review queue needs every article (all hold drafts): it waits for the entries cache to be complete.
  await router.handle('review:queue', { limit: 500 });
  console.log(`entries cache complete (review queue answered): ${((performance.now() - t0) / 1000).toFixed(1)} s after opening (background)`);
  await store.close();

  // Second open: the persisted index is loaded and checked against every article file's stamp.
  const t1 = performance.now();
  const again = await ProjectStore.open(dir);
  const reopened = performance.now() - t1;
  const router2 = createRouter(createHandlers(again));
  void router2.handle('search:query', { limit: 1 });
  let ready = 0;
  let slowest = 0;
  while (ready < ARTICLES) {
    const s = performance.now();
    const r = await router2.handle('search:query', { query: '', limit: 1, filters: {} });
    slowest = Math.max(slowest, performance.now() - s);
    if (r.ok) ready = (r.value as { indexing: { indexed: number } }).indexing.indexed;
    if (ready < ARTICLES) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const searchReady = performance.now() - t1;
  const s2 = performance.now();
  const first = await router2.handle('search:query', { query: QUERIES[0]!, limit: 50 });
  const firstSearch = performance.now() - s2;
  if (!first.ok) throw new Error(first.error.message);
  // The dossier again, from the entries cache written at the first close (the first call loads its files).
  const cachedDossiers: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    const r = await router2.handle('actors:dossier', { actorId });
    cachedDossiers.push(performance.now() - s);
    if (!r.ok) throw new Error(r.error.message);
  }
  await again.close();
  console.log(`search index saved (${(indexBytes / 1e6).toFixed(1)} MB on disk):     ${(indexSaved / 1000).toFixed(1)} s after opening (background)`);
  console.log(`second open → search complete:         ${searchReady.toFixed(0)} ms (store open ${reopened.toFixed(0)} ms, then the persisted index), first search ${firstSearch.toFixed(0)} ms, slowest request while loading ${slowest.toFixed(0)} ms   target < 2000 ms`);
  console.log(`second open → dossier (entries cache):  median ${percentile(cachedDossiers, 50).toFixed(0)} ms, first ${cachedDossiers[0]!.toFixed(0)} ms (loads the cache's files)   target < 300 ms`);
  await rm(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
