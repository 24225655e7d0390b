import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '../../../src-shared/contract';
import { createRouter } from '../../api/router';
import { ProjectStore } from '../../store/project-store';
import { tempDir } from '../../store/test-helpers';
import { createHandlers } from '..';
import type { TreeMerger } from './tree-merger';
import type { TestGitServer } from './test-git-server';

/** One analyst's project folder with the real router, closed when the test ends. */
export async function openPeer(name: string, options: { merger?: TreeMerger; dir?: string } = {}) {
  const dir = options.dir ?? (await tempDir(`peer-${name}-`));
  const store = await ProjectStore.open(dir);
  onTestFinished(() => store.close());
  const router = createRouter(createHandlers(store, undefined, { sync: { merger: options.merger } }), () => undefined);
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await router.handle(channel, input);
    if (!result.ok) throw Object.assign(new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`), { code: result.error.code });
    return result.value as ChannelOutput<C>;
  };
  const share = (server: TestGitServer) => call('sync:share', { url: server.url, username: server.username, token: server.password, authorName: name });
  return { name, dir, store, router, call, share };
}

export type Peer = Awaited<ReturnType<typeof openPeer>>;

/** Every shared file of a project folder as parsed from disk (to prove a failed sync changed nothing). */
export async function snapshot(dir: string): Promise<Map<string, unknown>> {
  const files = new Map<string, unknown>();
  const read = async (path: string) => JSON.parse(await readFile(join(dir, path), 'utf8')) as unknown;
  files.set('project.json', await read('project.json'));
  for (const name of await readdir(join(dir, 'articles'))) {
    if (name.endsWith('.json') && !name.startsWith('.')) files.set(`articles/${name}`, await read(`articles/${name}`));
  }
  return files;
}

/** The paths the bare repository's main branch holds (read with Git itself, not the code under test). */
export function remoteFiles(server: TestGitServer): string[] {
  return execFileSync('git', ['ls-tree', '-r', '--name-only', 'main'], { cwd: server.bareDir }).toString().trim().split('\n');
}

/** The remote's commit messages, newest first, as "author: subject". */
export function remoteLog(server: TestGitServer): string[] {
  return execFileSync('git', ['log', '--format=%an: %s', 'main'], { cwd: server.bareDir }).toString().trim().split('\n');
}

/** Every annotation id in a peer's project. */
export async function annotationIds(peer: Peer): Promise<Set<string>> {
  const ids = new Set<string>();
  for await (const file of peer.store.articles()) for (const a of file.annotations) ids.add(a.id);
  return ids;
}
