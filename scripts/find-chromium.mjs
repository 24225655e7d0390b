// Finds a Chromium for the browser tests: $CHROMIUM_PATH, Debian's /usr/bin/chromium, or
// Playwright's own download. When there is none, gets one the way the machine allows.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium() {
  for (const variable of ['CHROMIUM_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH']) {
    const value = process.env[variable];
    if (value && existsSync(value)) return value;
  }
  const system = SYSTEM_PATHS.find((path) => existsSync(path));
  if (system) return system;
  try {
    const { chromium } = require('playwright-core');
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // playwright-core not resolvable or no browser downloaded: fall through.
  }
  return null;
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const debian = existsSync('/etc/debian_version') && spawnSync('which', ['apt-get']).status === 0;
  if (isRoot && debian) {
    console.error("No Chromium found: installing Debian's chromium package (apt-get install -y chromium) for the browser tests.");
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else {
    console.error("No Chromium found: downloading Playwright's Chromium (npx playwright install chromium) for the browser tests.");
    execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  }
  const installed = findChromium();
  if (!installed) throw new Error('Chromium is still missing after installing it. Set CHROMIUM_PATH to a Chromium or Chrome binary.');
  return installed;
}
