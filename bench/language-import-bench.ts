/**
 * `npm run bench language-import-bench`: the language fixtures (scripts/make-language-fixtures.mjs:
 * eight languages as text, Markdown and HTML in UTF-8, UTF-16 and their legacy encodings, declared
 * and not, and CJK and right-to-left PDFs) imported as one mixed batch through the router, four
 * files per call as the import dialog sends them; then the PDF worker's cost per file: the same
 * one-page PDF read in a worker thread and on this thread.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPdf } from '../src-main/import/pdf-extract';
import { readPdfFile } from '../src-main/import/pdf-file';
import { benchSize, SMOKE } from './bench-size';
import { openBenchProject } from './bench-project';
import { median } from './stats.mjs';

const ROUNDS = benchSize(10, 1);
const PDF_READS = benchSize(20, 2);

async function main() {
  // The worker is bundled beside this script (bench/vite.config.mts).
  process.env['ANALYST_WORKBENCH_PDF_WORKER'] ||= join(dirname(fileURLToPath(import.meta.url)), 'pdf-worker.mjs');
  const fixtures = resolve(process.cwd(), 'e2e/fixtures/languages');
  // A smoke run takes every fifth file: all formats, a few seconds.
  const names = (await readdir(fixtures)).filter((name, index) => /\.(txt|md|html|pdf)$/.test(name) && (!SMOKE || index % 5 === 0));
  const files = await Promise.all(names.map(async (name) => ({ name, data: (await readFile(join(fixtures, name))).toString('base64') })));
  const dir = await mkdtemp(join(tmpdir(), 'language-import-bench-'));
  const { store, router } = await openBenchProject(dir);

  // The first PDF starts a worker (a thread, pdf.js parsed); later ones find it waiting.
  const report = new Uint8Array(await readFile(resolve(process.cwd(), 'e2e/fixtures/import/report.pdf')));
  const coldStart = performance.now();
  await readPdfFile(report, 'report.pdf', 'report');
  const coldMs = performance.now() - coldStart;

  const perFormat = new Map<string, { files: number; ms: number }>();
  let refused = 0;
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < files.length; i += 4) {
      const batch = files.slice(i, i + 4);
      const s = performance.now();
      const result = await router.handle('import:extract', { files: batch });
      const ms = performance.now() - s;
      if (!result.ok) throw new Error(result.error.message);
      refused += (result.value as { results: { ok: boolean }[] }).results.filter((r) => !r.ok).length;
      for (const file of batch) {
        const format = file.name.slice(file.name.lastIndexOf('.') + 1);
        const entry = perFormat.get(format) ?? { files: 0, ms: 0 };
        perFormat.set(format, { files: entry.files + 1, ms: entry.ms + ms / batch.length });
      }
    }
  }
  const batchMs = performance.now() - started;
  await store.close();
  await rm(dir, { recursive: true, force: true });

  const pdf = new Uint8Array(await readFile(resolve(process.cwd(), 'e2e/fixtures/import/report.pdf')));
  const pdfjs = resolve(process.cwd(), 'node_modules/pdfjs-dist');
  const data = { cMapUrl: join(pdfjs, 'cmaps') + sep, standardFontDataUrl: join(pdfjs, 'standard_fonts') + sep };
  await extractPdf(pdf, 'report.pdf', 'report', data); // pdf.js loaded once on this thread
  const medianTime = async (read: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < PDF_READS; i++) {
      const s = performance.now();
      await read();
      times.push(performance.now() - s);
    }
    return median(times);
  };
  const inThread = await medianTime(() => extractPdf(pdf, 'report.pdf', 'report', data));
  const inWorker = await medianTime(() => readPdfFile(pdf, 'report.pdf', 'report'));

  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`);
  console.log(`${files.length} language fixtures × ${ROUNDS} rounds, 4 files per import:extract call (${refused} refused)\n`);
  console.log(`mixed batch (each batch's time shared among its files): ${(batchMs / 1000).toFixed(1)} s for ${files.length * ROUNDS} files, ${(batchMs / (files.length * ROUNDS)).toFixed(0)} ms per file`);
  for (const [format, { files: count, ms }] of perFormat) console.log(`  ${format.padEnd(5)} ${(ms / count).toFixed(0).padStart(5)} ms per file (${count} files)`);
  console.log(`\none-page PDF (report.pdf), median of ${PDF_READS}: ${inThread.toFixed(0)} ms on this thread (pdf.js loaded), ${inWorker.toFixed(0)} ms in a worker`);
  console.log(`worker overhead per PDF: ${(inWorker - inThread).toFixed(0)} ms with a worker waiting; the first PDF (a worker started, pdf.js loaded): ${coldMs.toFixed(0)} ms`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
