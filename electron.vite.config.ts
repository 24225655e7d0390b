import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// electron-vite expects src/main, src/preload, src/renderer; our folders differ, so every entry
// is named here. Main and preload bundle their dependencies (externalizeDeps: false): the
// sandboxed preload cannot require packages, and lowdb is ESM-only while the main bundle is CJS.
/**
 * pdf.js reads its character maps and standard-font metrics from files at run time, so they are
 * copied beside the main bundle (out/main/pdfjs), where src-main/import/pdf-file.ts looks first.
 */
const copyPdfjsData = {
  name: 'copy-pdfjs-data',
  writeBundle() {
    for (const folder of ['cmaps', 'standard_fonts']) {
      cpSync(resolve(__dirname, 'node_modules/pdfjs-dist', folder), resolve(__dirname, 'out/main/pdfjs', folder), { recursive: true });
    }
  },
};

export default defineConfig({
  main: {
    plugins: [copyPdfjsData],
    build: {
      externalizeDeps: false,
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/electron/main.ts'),
          host: resolve(__dirname, 'src-main/host/cli.ts'),
          // Re-anchoring after a text edit runs in this worker (src-main/services/reanchorer.ts
          // looks for it beside the bundle, as out/main/reanchor-worker.js).
          'reanchor-worker': resolve(__dirname, 'src-main/workers/reanchor-worker.ts'),
          // Suggestions (actors, attributed quotes) are computed in this worker
          // (src-main/services/suggester.ts looks for it beside the bundle).
          'suggest-worker': resolve(__dirname, 'src-main/workers/suggest-worker.ts'),
          // PDFs are read in a worker thread (src-main/import/pdf-file.ts), started from this file.
          'pdf-worker': resolve(__dirname, 'src-main/import/pdf-worker.ts'),
        },
        // Shared chunks beside the entries, not in chunks/: code that finds files by __dirname
        // (the PDF worker, pdf.js's data) then finds them wherever its module was bundled.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
});
