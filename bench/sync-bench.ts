/**
 * `npm run bench sync-bench`: sharing a large project through Git. A synthetic project of 10,000
 * articles (about 5,000 characters and 10 annotations each) is shared with a real Git server on
 * 127.0.0.1 (`git http-backend` behind basic auth): the first share (initial commit and push),
 * with its progress as `sync:status` reports it, must take ≤ 60 s; then a Sync after 10 changed
 * articles ≤ 3 s, and the other analyst's Sync that brings those 10 in. BENCH_SMOKE=1: 20 articles.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestGitServer } from '../src-main/services/sync/test-git-server';
import { openBenchProject } from './bench-project';
import { benchSize, SMOKE } from './bench-size';
import { writeSyntheticProject } from './synthetic-project';

const ARTICLES = benchSize(Number(process.env.BENCH_ARTICLES ?? 10_000), 20);
const CHANGED = Math.min(10, ARTICLES);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface Status {
  progress: { phase: string; loaded: number; total: number } | null;
}

async function main(): Promise<void> {
  console.log(`sync-bench: ${ARTICLES.toLocaleString('en')} articles; ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}${SMOKE ? ' (smoke)' : ''}`);
  const server = await startTestGitServer();
  const dirA = await mkdtemp(join(tmpdir(), 'sync-bench-a-'));
  const ids = await writeSyntheticProject(dirA, ARTICLES);
  const a = await openBenchProject(dirA);
  const share = { url: server.url, username: server.username, token: server.password, authorName: 'Bench A' };
  try {
    let started = performance.now();
    const progressLines: string[] = [];
    const poll = setInterval(() => {
      void a.call<Status>('sync:status', {}).then(({ progress }) => {
        if (!progress) return;
        const line = `  ${s(performance.now() - started)} ${progress.phase}${progress.total ? ` ${progress.loaded.toLocaleString('en')} / ${progress.total.toLocaleString('en')}` : ''}`;
        if (progressLines.at(-1) !== line) progressLines.push(line);
      });
    }, 1000);
    await a.call('sync:share', share);
    clearInterval(poll);
    const firstShare = performance.now() - started;
    console.log(progressLines.join('\n'));
    console.log(`first share (initial commit + push): ${s(firstShare)} (target ≤ 60 s)${SMOKE ? '' : firstShare <= 60_000 ? ' ok' : ' OVER'}`);
    if (progressLines.length === 0 && !SMOKE) throw new Error('The first share reported no progress.');

    const dirB = await mkdtemp(join(tmpdir(), 'sync-bench-b-'));
    const b = await openBenchProject(dirB);
    started = performance.now();
    await b.call('sync:share', { ...share, authorName: 'Bench B' });
    console.log(`join (clone of the whole project into an empty one): ${s(performance.now() - started)}`);

    for (const id of ids.slice(0, CHANGED)) await a.call('annotations:create', { articleId: id, start: 0, end: 3 });
    // BENCH_PROFILE=file.cpuprofile: a CPU profile of this one sync, to see where its time goes.
    const session = process.env.BENCH_PROFILE ? new Session() : null;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    started = performance.now();
    const sent = await a.call<{ sent: string }>('sync:run', {});
    if (session) {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(process.env.BENCH_PROFILE!, JSON.stringify(profile));
      session.disconnect();
    }
    const syncSend = performance.now() - started;
    console.log(`Sync with ${CHANGED} changed articles (commit + fetch + push): ${s(syncSend)} (target ≤ 3 s)${SMOKE ? '' : syncSend <= 3000 ? ' ok' : ' OVER'} — "${sent.sent}"`);

    started = performance.now();
    const got = await b.call<{ broughtIn: string }>('sync:run', {});
    const syncBring = performance.now() - started;
    console.log(`Sync bringing in ${CHANGED} changed articles (fetch + fast-forward + write): ${s(syncBring)} (target ≤ 3 s)${SMOKE ? '' : syncBring <= 3000 ? ' ok' : ' OVER'} — "${got.broughtIn}"`);
    await b.store.close();
  } finally {
    await a.store.close();
    await server.close();
  }
}

await main();
