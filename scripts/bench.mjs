// `npm run bench`: bundles the bench scripts and runs them, printing figures (not a test).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'vite';
import { root } from './build-if-needed.mjs';

await build({ configFile: join(root, 'bench/vite.config.mts') });
const which = process.argv[2];
const benches = {
  'store-bench': join(root, 'bench/.tmp/dist/store-bench.mjs'),
  'report-bench': join(root, 'bench/.tmp/dist/report-bench.mjs'),
  'library-bench': join(root, 'bench/.tmp/dist/library-bench.mjs'),
  'import-bench': join(root, 'bench/.tmp/dist/import-bench.mjs'),
  'reader-bench': join(root, 'bench/reader-bench.mjs'),
  'anchor-bench': join(root, 'bench/.tmp/dist/anchor-bench.mjs'),
  'reanchor-speed-bench': join(root, 'bench/.tmp/dist/reanchor-speed-bench.mjs'),
};
for (const [name, file] of Object.entries(benches)) {
  if (which && which !== name) continue;
  console.log(`\n== ${name} ==`);
  const result = spawnSync(process.execPath, ['--expose-gc', file], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
