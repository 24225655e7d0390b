import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggest } from '../../src-shared/suggest';
import { createRouter } from '../api/router';
import { ProjectStore } from '../store/project-store';
import { tempDir } from '../store/test-helpers';
import { createSuggester, type Suggester } from './suggester';
import { createHandlers } from '.';

// The worker is built from its TypeScript source, as electron-vite builds it into out/main.
let workerFile = '';
beforeAll(async () => {
  const outDir = await mkdtemp(join(tmpdir(), 'suggest-worker-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: { ssr: join(__dirname, '../workers/suggest-worker.ts'), outDir, target: 'node20', rollupOptions: { output: { format: 'esm', entryFileNames: 'suggest-worker.mjs' } } },
    ssr: { noExternal: true },
  });
  workerFile = join(outDir, 'suggest-worker.mjs');
}, 60_000);

const suggesters: Suggester[] = [];
afterAll(() => Promise.all(suggesters.map((s) => s.close())));

const SHORT = { text: '"We came here to listen," Marnow said.', actors: [{ id: 'marnow', name: 'Ilse Marnow', kind: 'person' as const, aliases: ['Marnow'] }] };
/** About 5 MB of quotes and attributions: real work for any engine. */
const LARGE = Array.from({ length: 40_000 }, (_, i) => `"Point ${i} stands," Ilse Marnow said. The talks went on for hours and nobody left.`).join('\n\n');

describe('suggestions in a worker thread', () => {
  it('gives the same results as in-thread', async () => {
    const worker = createSuggester({ workerFile });
    suggesters.push(worker);
    expect(await worker.run(SHORT)).toEqual(suggest(SHORT));
  }, 60_000);

  it('stops a job past its time limit with a clear message, and runs the next one', async () => {
    // The limit counts the article's work, not the worker's start: a short article fits in 150 ms
    // on any machine, a million characters (the most the engine reads) do not.
    const worker = createSuggester({ workerFile, timeoutMs: 150 });
    suggesters.push(worker);
    expect(await worker.run(SHORT)).toEqual(suggest(SHORT));
    const stopped = worker.run({ text: LARGE.repeat(3), actors: SHORT.actors });
    // Queued behind the stopped job: answered by a fresh worker.
    const next = worker.run(SHORT);
    await expect(stopped).rejects.toThrow(/took more than 150 ms and was stopped/);
    expect(await next).toEqual(suggest(SHORT));
  }, 60_000);

  it('answers other requests while a long article is being read', async () => {
    const store = await ProjectStore.open(await tempDir());
    const suggester = createSuggester({ workerFile });
    suggesters.push(suggester);
    const router = createRouter(createHandlers(store, undefined, { suggester }), () => undefined);
    const created = await router.handle('articles:create', { title: 'Long', text: LARGE });
    if (!created.ok) throw new Error(created.error.message);
    const events: string[] = [];
    const listed = router.handle('suggestions:list', { articleId: (created.value as { id: string }).id }).then((r) => {
      events.push('suggestions');
      return r;
    });
    await router.handle('project:get', {}).then(() => events.push('project'));
    const result = await listed;
    expect(events).toEqual(['project', 'suggestions']);
    expect(result.ok && (result.value as { suggestions: unknown[] }).suggestions.length).toBeGreaterThan(1000);
    await store.close();
  }, 120_000);
});
