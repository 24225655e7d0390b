// Builds main, preload and renderer with electron-vite when any source is newer than the last
// build. Build output goes to stderr: `npm run serve` promises one line only on stdout.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'out', '.build-stamp');
const inputs = ['src-main', 'src-shared', 'src-renderer', 'resources', 'electron.vite.config.ts', 'package.json', 'package-lock.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

export function buildIfNeeded({ force = false } = {}) {
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const changed = Math.max(...inputs.map((input) => newest(join(root, input))));
  if (!force && built > changed && existsSync(join(root, 'out/main/host.js'))) return;
  process.stderr.write('Building the workbench (electron-vite build)…\n');
  const result = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.status !== 0) {
    process.stderr.write('The build failed; see the messages above.\n');
    process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, new Date().toISOString());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildIfNeeded({ force: process.argv.includes('--force') });
