import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ExtractionFailure, type ExtractedFields } from './import-types';
import type { PdfWorkerData, PdfWorkerReply, PdfWorkerRequest } from './pdf-worker-protocol';

/**
 * PDFs are read in worker threads, with a time and a memory limit per file.
 *
 * pdf.js is a full interpreter of an untrusted format: a 2 kB file of Form XObjects nested a few
 * levels deep keeps it busy for minutes and past 4 GB. On the thread that answers requests that
 * stops the whole app, and the desktop app runs this code in its main process. In a worker, the
 * app keeps answering, and a file that needs more time or memory than any article does is
 * refused with a reason, the worker ended, and its memory returned.
 */
export interface PdfLimits {
  /** Wall-clock time for one file, worker start-up included (a cold start takes up to a second). */
  timeMs: number;
  /** V8 heap of the worker (resourceLimits.maxOldGenerationSizeMb). */
  memoryMb: number;
}

export const PDF_LIMITS: Readonly<PdfLimits> = { timeMs: 30_000, memoryMb: 1024 };
/** Workers at once: one per core on the small machines this runs on, and never a batch's worth. */
const MAX_WORKERS = 2;
/**
 * Starting a worker costs most of a second (a thread, and pdf.js parsed again), far more than
 * reading a short PDF, so a worker that answered is kept for the next file: for a few seconds,
 * and for a limited number of files, so that whatever pdf.js keeps between documents is let go.
 */
const IDLE_MS = 10_000;
const FILES_PER_WORKER = 50;

interface PooledWorker {
  worker: Worker;
  memoryMb: number;
  files: number;
  idleTimer: ReturnType<typeof setTimeout> | null;
}

const idle: PooledWorker[] = [];

export async function readPdfFile(bytes: Uint8Array, displayName: string, stem: string, limits: PdfLimits = PDF_LIMITS): Promise<ExtractedFields> {
  const release = await slot();
  try {
    return await inWorker({ bytes: new Uint8Array(bytes), displayName, stem }, limits);
  } finally {
    release();
  }
}

function inWorker(request: PdfWorkerRequest, limits: PdfLimits): Promise<ExtractedFields> {
  const pooled = takeWorker(limits.memoryMb);
  const { worker } = pooled;
  return new Promise<ExtractedFields>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void, reusable: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      outcome();
      if (reusable) giveBack(pooled);
      else void worker.terminate();
    };
    const timer = setTimeout(() => {
      settle(() => reject(new ExtractionFailure('too-complex', `${request.displayName} took too long to read (more than ${Math.round(limits.timeMs / 1000)} seconds) and was set aside: it may be damaged or built to stall PDF readers. If you need it, print it to a new PDF and import that.`)), false);
    }, limits.timeMs);
    const onMessage = (reply: PdfWorkerReply) => {
      settle(() => (reply.ok ? resolve(reply.fields) : reject(new ExtractionFailure(reply.reason, reply.message))), true);
    };
    const onError = (error: Error & { code?: string }) => {
      settle(
        () =>
          reject(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new ExtractionFailure('too-complex', `${request.displayName} needed more memory to read than an article should (over ${limits.memoryMb} MB) and was set aside: it may be damaged or built to stall PDF readers.`)
              : new ExtractionFailure('malformed', `${request.displayName} could not be read as a PDF (${error.message}).`),
          ),
        false,
      );
    };
    const onExit = (code: number) => {
      settle(() => reject(new ExtractionFailure('malformed', `${request.displayName} could not be read as a PDF: the reader stopped (exit code ${code}).`)), false);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    // The copy made above is handed over, not copied again.
    worker.postMessage(request, [request.bytes.buffer as ArrayBuffer]);
  });
}

/** An idle worker with the same memory limit, or a new one. */
function takeWorker(memoryMb: number): PooledWorker {
  const index = idle.findIndex((pooled) => pooled.memoryMb === memoryMb);
  const pooled = index >= 0 ? idle.splice(index, 1)[0] : undefined;
  if (pooled) {
    if (pooled.idleTimer) clearTimeout(pooled.idleTimer);
    pooled.idleTimer = null;
    pooled.files++;
    return pooled;
  }
  const worker = new Worker(pdfWorkerFile(), {
    workerData: pdfjsData() satisfies PdfWorkerData,
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 64 },
    // pdf.js warns on load about optional rendering packages it never needs here.
    stdout: true,
    stderr: true,
  });
  worker.stdout.resume();
  worker.stderr.resume();
  // An idle worker must not keep a process (a test run, the web host shutting down) alive.
  worker.unref();
  return { worker, memoryMb, files: 1, idleTimer: null };
}

function giveBack(pooled: PooledWorker): void {
  if (pooled.files >= FILES_PER_WORKER) {
    void pooled.worker.terminate();
    return;
  }
  pooled.idleTimer = setTimeout(() => {
    const index = idle.indexOf(pooled);
    if (index >= 0) idle.splice(index, 1);
    void pooled.worker.terminate();
  }, IDLE_MS);
  pooled.idleTimer.unref();
  idle.push(pooled);
}

let running = 0;
const waiting: (() => void)[] = [];

/** Waits for a free worker slot; the returned function frees it. */
async function slot(): Promise<() => void> {
  if (running >= MAX_WORKERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/**
 * The worker's script: beside the main bundle in a build (out/main/pdf-worker.js). Tests run the
 * sources, which a worker cannot load as TypeScript, so vitest's global setup bundles the worker
 * and names the bundle in ANALYST_WORKBENCH_PDF_WORKER (scripts/vitest-global-setup.mjs).
 */
function pdfWorkerFile(): string {
  return process.env['ANALYST_WORKBENCH_PDF_WORKER'] || join(here(), 'pdf-worker.js');
}

/** This module's folder: __dirname in the CommonJS build and in tests, import.meta.url in an ES module bundle (benchmarks). */
function here(): string {
  return typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
}

/** pdf.js's data: copied beside the build (out/main/pdfjs), else read from the installed package. */
function pdfjsData(): PdfWorkerData {
  const copied = join(here(), 'pdfjs');
  const root = existsSync(join(copied, 'cmaps')) ? copied : dirname(createRequire(join(here(), 'pdf-file.js')).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: join(root, 'cmaps') + sep, standardFontDataUrl: join(root, 'standard_fonts') + sep };
}
