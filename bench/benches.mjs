// The benchmarks: every `bench/*-bench.ts` (bundled for Node first) and `bench/*-bench.mjs` (run
// as is). Found by name, so a new benchmark is run by `npm run bench` and smoke-tested in CI
// without being listed anywhere.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;

/** @returns {{ name: string, source: string, bundled: boolean }[]} */
export function listBenches() {
  return readdirSync(dir)
    .filter((file) => /-bench\.(ts|mjs)$/.test(file))
    .sort()
    .map((file) => ({ name: file.replace(/\.(ts|mjs)$/, ''), source: join(dir, file), bundled: file.endsWith('.ts') }));
}
