import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeArticle } from '../../bench/edit-suite/large-article';
import { loadArticles } from '../../bench/edit-suite/load';
import { articlesDir } from '../../bench/edit-suite/suite';
import { reanchorAll } from '../../src-shared/anchoring/reanchor';
import type { Annotation } from '../../src-shared/domain/annotation';
import { createRouter } from '../api/router';
import { ProjectStore } from '../store/project-store';
import { tempDir } from '../store/test-helpers';
import { createReanchorer, type Reanchorer } from './reanchorer';
import { createHandlers } from '.';

// The worker is built from its TypeScript source, as electron-vite builds it into out/main.
let workerFile = '';
beforeAll(async () => {
  const outDir = await mkdtemp(join(tmpdir(), 'reanchor-worker-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: { ssr: join(__dirname, '../workers/reanchor-worker.ts'), outDir, target: 'node20', rollupOptions: { output: { format: 'esm', entryFileNames: 'reanchor-worker.mjs' } } },
    ssr: { noExternal: true },
  });
  workerFile = join(outDir, 'reanchor-worker.mjs');
}, 60_000);

const reanchorers: Reanchorer[] = [];
afterAll(() => Promise.all(reanchorers.map((r) => r.close())));

const { dev, test } = loadArticles(articlesDir());
const large = largeArticle([...dev, ...test]);

describe('re-anchoring in a worker thread', () => {
  it('gives the same results as in-thread', async () => {
    const worker = createReanchorer({ workerFile, inlineBelow: 0 });
    reanchorers.push(worker);
    const placed = large.targets.map(() => true);
    expect(await worker.run(large.oldText, large.newText, large.targets, placed)).toEqual(reanchorAll(large.oldText, large.newText, large.targets, placed));
  }, 60_000);

  it('answers other requests while a large articles:update-text is re-anchoring', async () => {
    const store = await ProjectStore.open(await tempDir());
    const events: string[] = [];
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const worker = createReanchorer({ workerFile, inlineBelow: 0 });
    reanchorers.push(worker);
    // Records when the re-anchoring job starts and when its results are back.
    const watched: Reanchorer = {
      run: async (...args) => {
        events.push('re-anchoring started');
        started();
        const results = await worker.run(...args);
        events.push('re-anchoring done');
        return results;
      },
      close: () => worker.close(),
    };
    const router = createRouter(createHandlers(store, undefined, { reanchorer: watched }), () => undefined);
    try {
      const id = randomUUID();
      const stamp = new Date('2026-03-01T10:00:00Z').toISOString();
      const annotations: Annotation[] = large.targets.map((target) => ({ id: randomUUID(), articleId: id, kind: 'highlight', target, tags: [], note: '', status: 'draft', actorId: null, claim: null, anchor: 'anchored', createdAt: stamp, updatedAt: stamp }));
      await store.importArticle({ schemaVersion: 1, article: { id, title: 'Long report', source: 'Wire', url: '', published: '', text: large.oldText, status: 'todo', note: '', createdAt: stamp, updatedAt: stamp }, annotations });

      const edit = router.handle('articles:update-text', { id, text: large.newText }).then((result) => {
        events.push('update-text answered');
        return result;
      });
      await running;
      const info = await router.handle('project:info', {});
      events.push('project:info answered');
      expect(info.ok).toBe(true);
      const result = await edit;
      expect(result.ok).toBe(true);
      expect(events).toEqual(['re-anchoring started', 'project:info answered', 're-anchoring done', 'update-text answered']);
      const saved = await router.handle('articles:get', { id });
      expect(saved).toMatchObject({ ok: true, value: { article: { text: large.newText } } });
    } finally {
      await store.close();
    }
  }, 60_000);

  it('stops a job past its time limit and reports it', async () => {
    const worker = createReanchorer({ workerFile, inlineBelow: 0, timeoutMs: 1 });
    reanchorers.push(worker);
    await expect(worker.run(large.oldText, large.newText, large.targets, large.targets.map(() => true))).rejects.toThrow(/took more than/);
  }, 60_000);
});
