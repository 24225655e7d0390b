import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Bundles the TypeScript bench scripts into plain Node files (bench/.tmp), like the main build.
export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: resolve(import.meta.dirname, '.tmp/dist'),
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { input: { 'store-bench': resolve(import.meta.dirname, 'store-bench.ts'), 'report-bench': resolve(import.meta.dirname, 'report-bench.ts'), 'library-bench': resolve(import.meta.dirname, 'library-bench.ts'), 'import-bench': resolve(import.meta.dirname, 'import-bench.ts'), 'anchor-bench': resolve(import.meta.dirname, 'anchor-bench.ts'), 'reanchor-speed-bench': resolve(import.meta.dirname, 'reanchor-speed-bench.ts'), 'reanchor-worker': resolve(import.meta.dirname, '../src-main/workers/reanchor-worker.ts') }, output: { format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: 'assets/[name]-[hash].mjs' } },
  },
  ssr: { noExternal: true },
});
