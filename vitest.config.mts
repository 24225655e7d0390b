import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src-shared/**/*.test.ts', 'src-main/**/*.test.ts', 'bench/**/*.test.ts', 'src-renderer/**/*.test.ts', 'scripts/**/*.test.mjs'],
    environment: 'node',
    // The theme test reads theme.css as text (`?raw`); other CSS stays unprocessed.
    css: { include: [/theme\.css/] },
    // Bundles the PDF worker, which a worker thread cannot load from TypeScript sources.
    globalSetup: ['scripts/vitest-global-setup.mjs'],
    testTimeout: 20_000,
    // The JSON report is what .ci/run counts.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/unit.json' },
  },
});
