import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ExtractionFailure, type ExtractedFields } from './import-types';
import type { PdfWorkerData, PdfWorkerReply, PdfWorkerRequest } from './pdf-worker-protocol';

/**
 * PDFs are read in a worker thread, one per file, with a time and a memory limit.
 *
 * pdf.js is a full interpreter of an untrusted format: a 2 kB file of Form XObjects nested a few
 * levels deep keeps it busy for minutes and past 4 GB. On the thread that answers requests that
 * stops the whole app, and the desktop app runs this code in its main process. In a worker, the
 * app keeps answering, and a file that needs more time or memory than any article does is
 * refused with a reason, the worker ended, and its memory returned.
 */
export interface PdfLimits {
  /** Wall-clock time for one file, worker start-up included. */
  timeMs: number;
  /** V8 heap of the worker (resourceLimits.maxOldGenerationSizeMb). */
  memoryMb: number;
}

export const PDF_LIMITS: Readonly<PdfLimits> = { timeMs: 30_000, memoryMb: 1024 };
/** Workers at once: one per core on the small machines this runs on, and never a batch's worth. */
const MAX_WORKERS = 2;

export async function readPdfFile(bytes: Uint8Array, displayName: string, stem: string, limits: PdfLimits = PDF_LIMITS): Promise<ExtractedFields> {
  const release = await slot();
  try {
    return await inWorker({ bytes: new Uint8Array(bytes), displayName, stem }, limits);
  } finally {
    release();
  }
}

function inWorker(request: PdfWorkerRequest, limits: PdfLimits): Promise<ExtractedFields> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(pdfWorkerFile(), {
      workerData: pdfjsData() satisfies PdfWorkerData,
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 64 },
      // pdf.js warns on load about optional rendering packages it never needs here.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(() => {
      settle(() => reject(new ExtractionFailure('too-complex', `${request.displayName} took too long to read (more than ${Math.round(limits.timeMs / 1000)} seconds) and was set aside: it may be damaged or built to stall PDF readers. If you need it, print it to a new PDF and import that.`)));
    }, limits.timeMs);
    worker.once('message', (reply: PdfWorkerReply) => {
      settle(() => (reply.ok ? resolve(reply.fields) : reject(new ExtractionFailure(reply.reason, reply.message))));
    });
    worker.once('error', (error: Error & { code?: string }) => {
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ExtractionFailure('too-complex', `${request.displayName} needed more memory to read than an article should (over ${limits.memoryMb} MB) and was set aside: it may be damaged or built to stall PDF readers.`)
            : new ExtractionFailure('malformed', `${request.displayName} could not be read as a PDF (${error.message}).`),
        ),
      );
    });
    worker.once('exit', (code) => {
      settle(() => reject(new ExtractionFailure('malformed', `${request.displayName} could not be read as a PDF: the reader stopped (exit code ${code}).`)));
    });
    // The copy made above is handed over, not copied again.
    worker.postMessage(request, [request.bytes.buffer as ArrayBuffer]);
  });
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
  return process.env['ANALYST_WORKBENCH_PDF_WORKER'] || join(__dirname, 'pdf-worker.js');
}

/** pdf.js's data: copied beside the build (out/main/pdfjs), else read from the installed package. */
function pdfjsData(): PdfWorkerData {
  const copied = join(__dirname, 'pdfjs');
  const root = existsSync(join(copied, 'cmaps')) ? copied : dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: join(root, 'cmaps') + sep, standardFontDataUrl: join(root, 'standard_fonts') + sep };
}
