// `npm run bench`: bundles the bench scripts and runs them, printing figures (not a test).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'vite';
import { root } from './build-if-needed.mjs';

await build({ configFile: join(root, 'bench/vite.config.mts') });
const which = process.argv[2];
for (const name of ['store-bench']) {
  if (which && which !== name) continue;
  console.log(`\n== ${name} ==`);
  const result = spawnSync(process.execPath, ['--expose-gc', join(root, 'bench/.tmp/dist', `${name}.mjs`)], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
