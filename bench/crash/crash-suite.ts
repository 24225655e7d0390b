/**
 * Kills a process that is saving, importing or restoring (SIGKILL, at a random moment), reopens
 * the project and checks it: every acknowledged save is there, a restore is either absent or
 * whole, a retried import duplicates nothing, and the project opens without problems.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openWorkbench } from '../../src-main/app/workbench';
import { importText, type ChildEvent, type ChildMode } from './crash-child';

export interface CrashFigures {
  runs: Record<ChildMode, number>;
  acknowledgedWrites: number;
  lost: number;
  /** Words of acknowledged articles that search did not put first after a kill in `search` mode. */
  searchMisses: number;
  restoresWhole: number;
  restoresAbsent: number;
  partialRestores: number;
  retriedRestoresFailed: number;
  importRetryDuplicates: number;
  openFailures: number;
  /** What went wrong, one line each (empty when all is well). */
  failures: string[];
}

export interface CrashOptions {
  runs: number;
  /** Starts the child: `node <script> --child <mode> <dir> <extra>`. */
  childCommand: { execPath: string; args: string[] };
  /** Longest wait before the kill during saves and imports, in ms (default 1500). */
  maxDelayMs?: number;
  articlesInBackup?: number;
  random?: () => number;
  log?: (line: string) => void;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Runs the child until `killAfter` ms after it is ready (or until it exits), collecting its events. */
async function runChild(options: CrashOptions, mode: ChildMode, dir: string, extra: string, killAfter: (ready: number) => number | null): Promise<{ events: ChildEvent[]; killed: boolean; stderr: string }> {
  const child = spawn(options.childCommand.execPath, [...options.childCommand.args, '--child', mode, dir, extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  const events: ChildEvent[] = [];
  let stderr = '';
  let killed = false;
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    const event = JSON.parse(line) as ChildEvent;
    events.push(event);
    if (event.type !== 'ready') return;
    const delay = killAfter(performance.now());
    if (delay !== null)
      setTimeout(() => {
        killed = child.kill('SIGKILL');
      }, delay);
  });
  await new Promise<void>((resolve) => child.on('close', () => resolve()));
  return { events, killed, stderr };
}

/** A project file to restore: `count` articles with annotations naming actors and tags. */
async function makeBackup(dir: string, count: number): Promise<{ path: string; articles: number; annotations: Map<string, number>; actors: number; tags: number }> {
  const workbench = await openWorkbench(dir);
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await workbench.router.handle(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as T;
  };
  const actor = await call<{ id: string }>('actors:create', { name: 'Minister Vale' });
  const tag = await call<{ id: string }>('tags:create', { name: 'Economy' });
  const annotations = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const text = `Article ${i}. The minister said the budget would balance.\n\n${'Officials repeated the claim. '.repeat(40)}`;
    const article = await call<{ id: string }>('articles:create', { title: `Backup article ${i}`, text });
    const start = text.indexOf('minister');
    await call('annotations:create', { articleId: article.id, start, end: start + 8, kind: 'actor', actorId: actor.id, tags: [tag.id] });
    await call('annotations:create', { articleId: article.id, start: 0, end: 7, kind: 'highlight' });
    annotations.set(article.id, 2);
  }
  const { json } = await call<{ json: string }>('project:export', {});
  await workbench.close();
  const path = join(dir, 'backup.workbench.json');
  await writeFile(path, json);
  return { path, articles: count, annotations, actors: 1, tags: 1 };
}

export async function runCrashSuite(options: CrashOptions): Promise<CrashFigures> {
  const made: string[] = [];
  const temp = async (prefix: string) => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
  try {
    return await crashRuns(options, temp);
  } finally {
    for (const dir of made) await rm(dir, { recursive: true, force: true });
  }
}

async function crashRuns(options: CrashOptions, temp: (prefix: string) => Promise<string>): Promise<CrashFigures> {
  const random = options.random ?? Math.random;
  const log = options.log ?? (() => undefined);
  const maxDelay = options.maxDelayMs ?? 1500;
  const figures: CrashFigures = { runs: { saves: 0, import: 0, restore: 0, search: 0 }, searchMisses: 0, acknowledgedWrites: 0, lost: 0, restoresWhole: 0, restoresAbsent: 0, partialRestores: 0, retriedRestoresFailed: 0, importRetryDuplicates: 0, openFailures: 0, failures: [] };
  const fail = (line: string) => {
    figures.failures.push(line);
    log(`FAIL ${line}`);
  };
  const backup = await makeBackup(await temp('crash-backup-'), options.articlesInBackup ?? 200);
  // Calibrate: how long one restore takes here, so the kills fall before, during and after it.
  const calibration = await runChild(options, 'restore', await temp('crash-restore-'), backup.path, () => null);
  const restoreMs = calibration.events.find((e): e is Extract<ChildEvent, { type: 'restored' }> => e.type === 'restored')?.ms;
  if (restoreMs === undefined) throw new Error(`The calibration restore did not finish: ${calibration.stderr}`);
  const project = await temp('crash-project-');
  const modes: ChildMode[] = ['saves', 'import', 'restore', 'search'];

  for (let run = 0; run < options.runs; run++) {
    const mode = modes[run % modes.length]!;
    figures.runs[mode]++;
    const dir = mode === 'restore' ? await temp('crash-restore-') : project;
    const delay = mode === 'restore' ? random() * restoreMs * 1.3 : 10 + random() * maxDelay;
    const { events, stderr } = await runChild(options, mode, dir, mode === 'restore' ? backup.path : String(run), () => delay);
    if (!events.some((e) => e.type === 'ready')) {
      figures.openFailures++;
      fail(`run ${run} (${mode}): the child did not open the project: ${stderr.trim().split('\n').pop()}`);
      continue;
    }
    let workbench;
    try {
      workbench = await openWorkbench(dir);
    } catch (error) {
      figures.openFailures++;
      fail(`run ${run} (${mode}): the project did not reopen: ${(error as Error).message}`);
      continue;
    }
    const { store, router } = workbench;
    try {
      // A sound summary cache opens at once and the files are checked in the background: the
      // checks below are about the project as a whole, so they wait for it.
      await store.verified;
      if (store.problems.length > 0) {
        figures.openFailures++;
        fail(`run ${run} (${mode}): problems on reopen: ${store.problems.map((p) => p.message).join(' | ')}`);
      }
      if (mode === 'restore') {
        const acknowledged = events.some((e) => e.type === 'restored');
        if (acknowledged) figures.acknowledgedWrites++;
        const whole = store.articleCount === backup.articles && store.project.actors.length === backup.actors && store.project.tags.length === backup.tags;
        let annotationsMatch = whole;
        if (whole) for await (const file of store.articles()) if (file.annotations.length !== backup.annotations.get(file.article.id)) annotationsMatch = false;
        const absent = store.articleCount === 0 && store.project.actors.length === 0 && store.project.tags.length === 0;
        if (whole && annotationsMatch) figures.restoresWhole++;
        else if (absent && !acknowledged) {
          figures.restoresAbsent++;
          // The retry an analyst would make must succeed.
          const retry = await router.handle('project:import', { json: await readFile(backup.path, 'utf8') });
          if (!retry.ok) {
            figures.retriedRestoresFailed++;
            fail(`run ${run}: retrying an interrupted restore failed: ${retry.error.message}`);
          }
        } else {
          if (acknowledged && absent) figures.lost++;
          else figures.partialRestores++;
          fail(`run ${run}: restore left ${store.articleCount} articles, ${store.project.actors.length} actors (acknowledged: ${acknowledged})`);
        }
        log(`run ${run} restore: killed after ${delay.toFixed(0)} ms of ~${restoreMs.toFixed(0)} ms → ${whole ? 'whole' : absent ? 'absent' : 'PARTIAL'}`);
        continue;
      }
      let acked = 0;
      for (const event of events) {
        if (event.type === 'article' || event.type === 'imported') {
          acked++;
          if (!store.hasArticle(event.id)) {
            figures.lost++;
            fail(`run ${run}: acknowledged article ${event.id} is missing`);
          }
        } else if (event.type === 'searchable') {
          acked++;
          if (!store.hasArticle(event.id)) {
            figures.lost++;
            fail(`run ${run}: acknowledged article ${event.id} is missing`);
          }
        } else if (event.type === 'annotation') {
          acked++;
          const file = await store.readArticle(event.articleId);
          if (!file?.annotations.some((a) => a.id === event.id)) {
            figures.lost++;
            fail(`run ${run}: acknowledged annotation ${event.id} is missing`);
          }
        }
      }
      figures.acknowledgedWrites += acked;
      if (mode === 'search') {
        // Complete search first (the index read back from a file the kill may have cut short, then completed).
        for (;;) {
          const r = await router.handle('search:query', { query: '', limit: 1 });
          const { indexing: { indexed, total } } = (r.ok ? r.value : { indexing: { indexed: 0, total: 1 } }) as { indexing: { indexed: number; total: number } };
          if (indexed >= total) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        for (const event of events) {
          if (event.type !== 'searchable') continue;
          const r = await router.handle('search:query', { query: event.word, limit: 5 });
          const found = r.ok ? (r.value as { articles: { id: string }[] }).articles.map((a) => a.id) : [];
          // The article holding the word comes first (the others are a typo away: words differ by a letter).
          if (found[0] !== event.id) {
            figures.searchMisses++;
            fail(`run ${run}: searching "${event.word}" found ${JSON.stringify(found)}, not ${event.id} first`);
          }
        }
      }
      if (mode === 'import') {
        // Retry as the import dialog does: extract, skip what is already in the library, save one by one.
        const highest = Math.max(-1, ...events.map((e) => (e.type === 'imported' ? e.n : -1)));
        const attempted = Array.from({ length: highest + 3 }, (_, n) => n);
        const results: { ok: boolean; duplicateOf?: unknown }[] = [];
        for (let i = 0; i < attempted.length; i += 20) {
          const files = attempted.slice(i, i + 20).map((n) => ({ name: `item-${n}.txt`, data: Buffer.from(importText(run, n)).toString('base64') }));
          const extracted = await router.handle('import:extract', { files });
          if (!extracted.ok) throw new Error(extracted.error.message);
          results.push(...(extracted.value as { results: { ok: boolean; duplicateOf?: unknown }[] }).results);
        }
        for (const [n, r] of results.entries()) {
          if (!r.ok || r.duplicateOf) continue;
          await router.handle('import:commit', { items: [{ title: `Import ${run}/${n}`, text: importText(run, n), fileName: `item-${n}.txt`, format: 'txt' }] });
        }
        const counts = new Map<string, number>();
        for (const s of store.summaries()) if (s.origin) counts.set(s.origin.sha256, (counts.get(s.origin.sha256) ?? 0) + 1);
        for (const n of attempted) {
          const copies = counts.get(sha256(importText(run, n))) ?? 0;
          if (copies !== 1) {
            figures.importRetryDuplicates += Math.max(0, copies - 1);
            fail(`run ${run}: import item ${n} is in the library ${copies} times after a retry`);
          }
        }
      }
      log(`run ${run} ${mode}: killed after ${delay.toFixed(0)} ms, ${acked} acknowledged writes checked`);
    } finally {
      await workbench.close();
    }
  }
  return figures;
}
