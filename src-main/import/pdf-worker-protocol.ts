import type { ExtractedFields, ImportFailureReason } from './import-types';
import type { PdfjsData } from './pdf-extract';

/** What pdf-file.ts gives the PDF worker when it starts (workerData). */
export type PdfWorkerData = PdfjsData;

/** The one message the worker receives: the file to read. */
export interface PdfWorkerRequest {
  bytes: Uint8Array;
  displayName: string;
  stem: string;
}

/** The one message it sends back before it is ended. */
export type PdfWorkerReply =
  | { ok: true; fields: ExtractedFields }
  | { ok: false; reason: ImportFailureReason; message: string };
