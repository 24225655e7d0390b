// `npm run bench [name…]`: bundles the bench scripts and runs them, printing figures (not a test).
// `npm run bench:smoke` (part of `npm test`) runs every one at a tiny size (BENCH_SMOKE=1) and
// fails if one fails or does not finish in time, so no benchmark can rot unnoticed.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'vite';
import { listBenches } from '../bench/benches.mjs';
import { root } from './build-if-needed.mjs';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const wanted = args.filter((a) => !a.startsWith('--'));
const benches = listBenches();
const unknown = wanted.filter((name) => !benches.some((b) => b.name === name));
if (unknown.length > 0) {
  console.error(`No benchmark named ${unknown.join(', ')}. There are: ${benches.map((b) => b.name).join(', ')}.`);
  process.exit(2);
}

await build({ configFile: join(root, 'bench/vite.config.mts') });
const failed = [];
for (const bench of benches) {
  if (wanted.length > 0 && !wanted.includes(bench.name)) continue;
  console.log(`\n== ${bench.name}${smoke ? ' (smoke run: tiny sizes, figures not meaningful)' : ''} ==`);
  const file = bench.bundled ? join(root, 'bench/.tmp/dist', `${bench.name}.mjs`) : bench.source;
  const started = Date.now();
  const result = spawnSync(process.execPath, ['--expose-gc', file], {
    cwd: root,
    stdio: 'inherit',
    env: smoke ? { ...process.env, BENCH_SMOKE: '1' } : process.env,
    // A smoke run is seconds; one that runs for minutes ignores BENCH_SMOKE and would slow CI.
    timeout: smoke ? 180_000 : undefined,
  });
  if (result.status !== 0) {
    const why = result.error ? `${result.error.message} (a smoke run must honour BENCH_SMOKE=1)` : `exit code ${result.status ?? result.signal}`;
    failed.push(`${bench.name}: ${why}`);
    if (!smoke) break;
  } else if (smoke) {
    console.log(`   ${bench.name} smoke run passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
if (failed.length > 0) {
  console.error(`\nBenchmarks failed:\n  ${failed.join('\n  ')}`);
  process.exit(1);
}
