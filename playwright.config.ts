import { defineConfig } from '@playwright/test';

// `npm run test:e2e` sets CHROMIUM_PATH (see scripts/find-chromium.mjs). The web project drives
// Chromium against the web host; the electron project drives the built desktop app and skips
// itself, with its reason printed, where Electron's binary is absent.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  // One worker: each test runs a browser and a web host; two at once on a 2-core machine made timings flaky.
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/e2e-artifacts',
  globalSetup: './e2e/fixtures/global-setup.ts',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [{ name: 'web' }, { name: 'electron' }],
});
