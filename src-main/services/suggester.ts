import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { suggest } from '../../src-shared/suggest';
import type { SuggestInput, Suggestion } from '../../src-shared/suggest/suggestion';
import { AppError } from '../../src-shared/result';
import { SerialQueue } from '../store/serial-queue';
import type { SuggestJob, SuggestReady, SuggestReply } from '../workers/suggest-protocol';

/** The engine's entry point (src-shared/suggest): a pure function of the text and the registry. */
export type SuggestEngine = (input: SuggestInput) => Suggestion[];

/** Computes one article's suggestions off the thread that answers requests. */
export interface Suggester {
  run(input: SuggestInput): Promise<Suggestion[]>;
  /** Stops the worker, if one runs; later jobs start a new one. */
  close(): Promise<void>;
}

export interface SuggesterOptions {
  /**
   * The built worker script. Defaults to `suggest-worker.js` beside this bundle (out/main); when
   * it is missing (unit tests running the TypeScript sources) jobs run in-thread.
   */
  workerFile?: string | null;
  /** An engine to run in-thread instead of the worker (tests inject a fake one). */
  engine?: SuggestEngine;
  /** A job that takes longer is stopped, so one pathological text cannot hang suggestions for the rest. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT = 20_000;
/** An idle worker is stopped after this long; the next article starts a new one. */
const IDLE_MS = 60_000;
/** How long a new worker may take to load the engine (a loaded machine can take seconds). */
const START_LIMIT_MS = 60_000;

/**
 * Runs the engine in a worker thread, one article at a time (a queue on this side, so a time
 * limit stops only the job that overran it), with a memory limit.
 */
export function createSuggester(options: SuggesterOptions = {}): Suggester {
  const file = options.engine ? null : options.workerFile === undefined ? defaultWorkerFile() : options.workerFile;
  const engine = options.engine ?? suggest;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT;
  const queue = new SerialQueue();
  let worker: Worker | null = null;
  let idle: NodeJS.Timeout | null = null;
  let nextId = 1;

  const stop = async () => {
    const current = worker;
    worker = null;
    if (idle) clearTimeout(idle);
    idle = null;
    if (current) await current.terminate();
  };

  /** A running worker that has loaded the engine; a new one is given START_LIMIT_MS to get there. */
  const readyWorker = async (path: string): Promise<Worker> => {
    if (worker) return worker;
    const w = new Worker(path, { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    w.unref();
    worker = w;
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new AppError('internal', 'The suggestion worker did not start in time; try again.')), START_LIMIT_MS);
        const settle = (fn: () => void) => {
          clearTimeout(timer);
          w.off('message', onReady);
          w.off('error', onError);
          w.off('exit', onExit);
          fn();
        };
        const onReady = (message: unknown) => {
          if ((message as SuggestReady | null)?.ready === true) settle(resolve);
        };
        const onError = (error: Error) => settle(() => reject(new AppError('internal', `The suggestion worker could not start: ${error.message}`)));
        const onExit = (code: number) => settle(() => reject(new AppError('internal', `The suggestion worker stopped while starting (exit code ${code}); try again.`)));
        w.on('message', onReady);
        w.on('error', onError);
        w.on('exit', onExit);
      });
    } catch (error) {
      if (worker === w) await stop();
      throw error;
    }
    return w;
  };

  const inWorker = async (path: string, input: SuggestInput) => {
    if (idle) clearTimeout(idle);
    idle = null;
    const w = await readyWorker(path);
    return new Promise<Suggestion[]>((resolve, reject) => {
      const id = nextId++;
      const done = () => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        idle = setTimeout(() => void stop(), IDLE_MS);
        idle.unref();
      };
      const onMessage = (reply: SuggestReply) => {
        if (reply.id !== id) return;
        done();
        if (reply.ok) resolve(reply.suggestions);
        else reject(new AppError('internal', `Suggestions could not be computed for this article: ${reply.message}`));
      };
      const onError = (error: Error) => {
        done();
        if (worker === w) worker = null;
        reject(new AppError('internal', `Suggestions could not be computed for this article: ${error.message}`));
      };
      const onExit = (code: number) => {
        done();
        if (worker === w) worker = null;
        reject(new AppError('internal', `The suggestion worker stopped (exit code ${code}); try again.`));
      };
      const timer = setTimeout(() => {
        w.off('exit', onExit);
        done();
        if (worker === w) void stop();
        reject(new AppError('too-large', `Finding suggestions took more than ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`} and was stopped. The article may be too long for suggestions; annotate it by hand.`));
      }, timeoutMs);
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      const job: SuggestJob = { id, input };
      w.postMessage(job);
    });
  };

  return {
    run: (input) =>
      queue.run(async () => {
        if (!file) {
          try {
            return engine(input);
          } catch (error) {
            throw new AppError('internal', `Suggestions could not be computed for this article: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
        return inWorker(file, input);
      }),
    close: stop,
  };
}

/** Beside the bundle's entries (out/main), as the re-anchoring worker is found. */
function defaultWorkerFile(): string | null {
  const file = join(dirname(fileURLToPath(import.meta.url)), 'suggest-worker.js');
  return existsSync(file) ? file : null;
}
