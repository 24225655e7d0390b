import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { reanchorAll, type AnchorResult } from '../../src-shared/anchoring/reanchor';
import type { TextTarget } from '../../src-shared/domain/annotation';
import { AppError } from '../../src-shared/result';
import type { ReanchorJob, ReanchorReply } from '../workers/reanchor-protocol';

/** Re-anchors an article's annotations after its text changed (see `reanchorAll`). */
export interface Reanchorer {
  run(oldText: string, newText: string, targets: TextTarget[], placed: boolean[]): Promise<AnchorResult[]>;
  /** Stops the worker, if one runs; later jobs start a new one. */
  close(): Promise<void>;
}

export interface ReanchorerOptions {
  /**
   * The built worker script. Defaults to `reanchor-worker.js` beside this bundle (out/main);
   * when it is missing (unit tests running the TypeScript sources) every job runs in-thread.
   */
  workerFile?: string | null;
  /** Jobs smaller than this (characters × annotations) run in-thread: a worker costs a few ms. */
  inlineBelow?: number;
  /** A job that takes longer is stopped and reported, so one pathological text cannot hang the app. */
  timeoutMs?: number;
}

const DEFAULT_INLINE_BELOW = 2_000_000;
const DEFAULT_TIMEOUT = 60_000;
/** An idle worker is stopped after this long; the next large edit starts a new one. */
const IDLE_MS = 60_000;

interface Pending {
  resolve(results: AnchorResult[]): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Runs re-anchoring of large edits in a worker thread (CPU-heavy work off the thread that
 * answers requests, with a time and memory limit), small ones in-thread.
 */
export function createReanchorer(options: ReanchorerOptions = {}): Reanchorer {
  const file = options.workerFile === undefined ? defaultWorkerFile() : options.workerFile;
  const inlineBelow = options.inlineBelow ?? DEFAULT_INLINE_BELOW;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT;
  let worker: Worker | null = null;
  let idle: NodeJS.Timeout | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error) => {
    for (const [id, job] of pending) {
      clearTimeout(job.timer);
      pending.delete(id);
      job.reject(error);
    }
  };

  const stop = async () => {
    const current = worker;
    worker = null;
    if (idle) clearTimeout(idle);
    idle = null;
    if (current) await current.terminate();
  };

  const start = (path: string): Worker => {
    const w = new Worker(path, { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    w.unref();
    w.on('message', (reply: ReanchorReply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      clearTimeout(job.timer);
      if (reply.ok) job.resolve(reply.results);
      else job.reject(new Error(`Re-anchoring failed: ${reply.message}`));
      if (pending.size === 0) {
        idle = setTimeout(() => void stop(), IDLE_MS);
        idle.unref();
      }
    });
    w.on('error', (error) => {
      if (worker === w) worker = null;
      failAll(error);
    });
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      if (pending.size > 0) failAll(new Error(`The re-anchoring worker stopped (exit code ${code}).`));
    });
    return w;
  };

  return {
    run(oldText, newText, targets, placed) {
      const size = (oldText.length + newText.length) * Math.max(1, targets.length);
      if (!file || size < inlineBelow) return Promise.resolve(reanchorAll(oldText, newText, targets, placed));
      if (idle) clearTimeout(idle);
      idle = null;
      worker ??= start(file);
      const w = worker;
      const id = nextId++;
      return new Promise<AnchorResult[]>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new AppError('internal', `Placing the annotations again took more than ${Math.round(timeoutMs / 1000)} s and was stopped; nothing was changed. Try the edit in smaller steps.`));
          if (worker === w) void stop();
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer });
        const job: ReanchorJob = { id, oldText, newText, targets, placed };
        w.postMessage(job);
      });
    },
    close: stop,
  };
}

/** Beside the bundle's entries (out/main: electron.vite.config.ts puts shared chunks there too). */
function defaultWorkerFile(): string | null {
  // import.meta.url, not __dirname: the main build (CommonJS) rewrites it, and ES-module bundles
  // (the benchmarks) have no __dirname at all.
  const file = join(dirname(fileURLToPath(import.meta.url)), 'reanchor-worker.js');
  return existsSync(file) ? file : null;
}
