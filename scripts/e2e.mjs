// `npm run test:e2e`: builds if needed, makes sure there is a Chromium, then runs Playwright.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildIfNeeded, root } from './build-if-needed.mjs';
import { ensureChromium } from './find-chromium.mjs';

buildIfNeeded();
const chromium = ensureChromium();
const result = spawnSync(process.execPath, [join(root, 'node_modules/@playwright/test/cli.js'), 'test', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(result.status ?? 1);
