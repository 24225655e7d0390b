import type { ExtractedFields, ImportFailureReason } from './import-types';
import type { PdfjsData } from './pdf-extract';

/** What pdf-file.ts gives the PDF worker when it starts (workerData). */
export type PdfWorkerData = PdfjsData;

/** A file to read; a worker reads one at a time and answers each before the next is sent. */
export interface PdfWorkerRequest {
  bytes: Uint8Array;
  displayName: string;
  stem: string;
}

/** The answer to the request before it. */
export type PdfWorkerReply =
  | { ok: true; fields: ExtractedFields }
  | { ok: false; reason: ImportFailureReason; message: string };
