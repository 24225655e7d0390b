import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { listBenches } from './benches.mjs';

const workers = resolve(import.meta.dirname, '../src-main/workers');

// Bundles the TypeScript bench scripts into plain Node files (bench/.tmp), like the main build.
export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: resolve(import.meta.dirname, '.tmp/dist'),
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      // The benches, and the worker scripts they start (bundled beside them).
      input: {
        ...Object.fromEntries(listBenches().filter((b) => b.bundled).map((b) => [b.name, b.source])),
        ...Object.fromEntries(readdirSync(workers).filter((f) => f.endsWith('-worker.ts')).map((f) => [f.replace(/\.ts$/, ''), resolve(workers, f)])),
        // Benchmarks that import PDFs start this worker (src-main/import/pdf-file.ts).
        'pdf-worker': resolve(import.meta.dirname, '../src-main/import/pdf-worker.ts'),
      },
      output: { format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: 'assets/[name]-[hash].mjs' },
    },
  },
  ssr: { noExternal: true },
});
