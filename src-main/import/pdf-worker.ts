/**
 * Entry of the PDF worker thread (built as out/main/pdf-worker.js, see electron.vite.config.ts):
 * reads each PDF it is sent, one at a time, and replies. pdf-file.ts keeps it for the next file,
 * and ends it when a file runs out of time or memory.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ExtractionFailure } from './import-types';
import { extractPdf } from './pdf-extract';
import type { PdfWorkerData, PdfWorkerReply, PdfWorkerRequest } from './pdf-worker-protocol';

const port = parentPort;
if (!port) throw new Error('pdf-worker.ts runs only as a worker thread');
const data = workerData as PdfWorkerData;

port.on('message', (request: PdfWorkerRequest) => {
  extractPdf(request.bytes, request.displayName, request.stem, data).then(
    (fields) => port.postMessage({ ok: true, fields } satisfies PdfWorkerReply),
    (error: unknown) => {
      const reply: PdfWorkerReply =
        error instanceof ExtractionFailure
          ? { ok: false, reason: error.reason, message: error.message }
          : { ok: false, reason: 'malformed', message: `${request.displayName} could not be read as a PDF: ${error instanceof Error ? error.message : String(error)}.` };
      port.postMessage(reply);
    },
  );
});
