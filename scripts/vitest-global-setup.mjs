// Vitest global setup: bundles the PDF worker (src-main/import/pdf-worker.ts) into a temporary
// file, because a worker thread cannot load the TypeScript sources the tests run, and names it
// in ANALYST_WORKBENCH_PDF_WORKER for pdf-file.ts. The build itself emits out/main/pdf-worker.js.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

export default async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'workbench-pdf-worker-'));
  const file = join(dir, 'pdf-worker.mjs');
  await build({
    input: join(dirname(fileURLToPath(import.meta.url)), '../src-main/import/pdf-worker.ts'),
    platform: 'node',
    logLevel: 'silent',
    output: { file, format: 'esm', codeSplitting: false },
  });
  process.env.ANALYST_WORKBENCH_PDF_WORKER = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
