/**
 * pdfjs-dist ships no declaration for its worker module. Importing it registers
 * `globalThis.pdfjsWorker`, which is all pdf-file.ts needs from it.
 */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
