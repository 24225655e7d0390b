import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// electron-vite expects src/main, src/preload, src/renderer; our folders differ, so every entry
// is named here. Main and preload bundle their dependencies (externalizeDeps: false): the
// sandboxed preload cannot require packages, and lowdb is ESM-only while the main bundle is CJS.
export default defineConfig({
  main: {
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
        },
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
