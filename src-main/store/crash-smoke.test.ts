import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { build } from 'vite';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runCrashSuite } from '../../bench/crash/crash-suite';

const root = resolve(import.meta.dirname, '../..');

/** Bundles the crash child (TypeScript) into plain Node, importing packages from node_modules. */
async function bundleChild(): Promise<string> {
  // Inside the repo, so that the bundle finds node_modules; bench/.tmp is ignored by git.
  await mkdir(join(root, 'bench/.tmp'), { recursive: true });
  const outDir = await mkdtemp(join(root, 'bench/.tmp/crash-smoke-'));
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: {
      ssr: true,
      outDir,
      target: 'node20',
      rollupOptions: { input: { child: join(root, 'bench/crash-bench.ts') }, output: { format: 'esm', entryFileNames: '[name].mjs' } },
    },
  });
  return join(outDir, 'child.mjs');
}

describe('crash suite (smoke)', () => {
  it('kill -9 during saves, imports and restores loses no acknowledged write and leaves no partial restore', async () => {
    const script = await bundleChild();
    onTestFinished(() => rm(dirname(script), { recursive: true, force: true }));
    // One kill of each kind; `npm run bench crash-bench` runs many more.
    const figures = await runCrashSuite({ runs: 3, childCommand: { execPath: process.execPath, args: [script] }, maxDelayMs: 150, articlesInBackup: 20 });
    expect(figures.failures).toEqual([]);
    expect(figures.runs).toEqual({ saves: 1, import: 1, restore: 1 });
    // The kills fell while work was going on, not before it started.
    expect(figures.acknowledgedWrites).toBeGreaterThan(0);
    expect(figures.lost + figures.partialRestores + figures.importRetryDuplicates + figures.openFailures).toBe(0);
  }, 120_000);
});
