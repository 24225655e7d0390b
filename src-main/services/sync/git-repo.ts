import * as fs from 'node:fs';
import git, { type TreeEntry } from 'isomorphic-git';
import http from 'isomorphic-git/http/node';

/** The branch every shared project uses, here and on the remote. */
export const BRANCH = 'main';
const REMOTE = 'origin';
export const REMOTE_REF = `refs/remotes/${REMOTE}/${BRANCH}`;
/** The commit being pushed, kept apart from `main` until the remote has accepted it. */
const OUTGOING_REF = 'refs/workbench/outgoing';

/** What Share writes so that caches, the lock, set-aside and temporary files are never committed. */
export const GITIGNORE = [
  '# Written by Analyst Workbench: only project.json and the article files are shared.',
  'index.json',
  'index.jsonl',
  'index.log',
  'search-index.json',
  'search-index.bin',
  'entries-cache/',
  'network-cache.jsonl',
  'workbench.lock',
  'workbench.lock.*',
  '*.tmp',
  '*.damaged-*',
  '.restore-staging/',
  '.restore-ready/',
  '',
].join('\n');

/** Whether a path is one of the project's shared files (what Sync commits). */
export function isSharedPath(path: string): boolean {
  return path === 'project.json' || path === '.gitignore' || /^articles\/[^/.][^/]*\.json$/.test(path);
}

/** How to reach the remote: its address and the basic-auth credentials. */
export interface RemoteAuth {
  url: string;
  username: string;
  token: string;
}

/** Progress of a long step, for people ("Sending 1,200 of 10,000 objects"). */
export interface Progress {
  phase: string;
  loaded: number;
  total: number;
}

/** A thin layer over isomorphic-git for one project folder (work tree and `.git` inside it). */
export class GitRepo {
  /**
   * isomorphic-git's cache (packfile indexes), kept for the session: only this service writes
   * the repository while the project is open (the lock), and a joined project's pack of 10,000
   * articles is costly to index again at every sync.
   */
  private cache: object = {};

  constructor(readonly dir: string) {}

  private get base() {
    return { fs, dir: this.dir, cache: this.cache };
  }

  resetCache(): void {
    this.cache = {};
  }

  async isRepo(): Promise<boolean> {
    return fs.promises.stat(`${this.dir}/.git/HEAD`).then(() => true, () => false);
  }

  async init(url: string): Promise<void> {
    await git.init({ ...this.base, defaultBranch: BRANCH });
    await git.setConfig({ ...this.base, path: `remote.${REMOTE}.url`, value: url });
    await git.setConfig({ ...this.base, path: `remote.${REMOTE}.fetch`, value: `+refs/heads/${BRANCH}:${REMOTE_REF}` });
  }

  async setRemoteUrl(url: string): Promise<void> {
    await git.setConfig({ ...this.base, path: `remote.${REMOTE}.url`, value: url });
  }

  /** The commit `ref` points at, or null when it does not exist yet. */
  async resolve(ref: string): Promise<string | null> {
    try {
      return await git.resolveRef({ ...this.base, ref });
    } catch {
      return null;
    }
  }

  /** Writes a commit with the given tree and parents without moving any branch. */
  async commitTree(tree: string, parents: string[], message: string, author: { name: string; email: string }): Promise<string> {
    return git.commit({ ...this.base, message, author, tree, parent: parents, noUpdateBranch: true });
  }

  async fetch(auth: RemoteAuth, onProgress?: (p: Progress) => void): Promise<string | null> {
    const result = await git.fetch({
      ...this.base,
      http,
      url: auth.url,
      remote: REMOTE,
      ref: BRANCH,
      remoteRef: BRANCH,
      singleBranch: true,
      tags: false,
      onAuth: () => ({ username: auth.username, password: auth.token }),
      onAuthFailure: () => ({ cancel: true }),
      onProgress: onProgress ? (e) => onProgress({ phase: e.phase, loaded: e.loaded, total: e.total ?? 0 }) : undefined,
    });
    return result.fetchHead ?? null;
  }

  /** Pushes `commit` to the remote's `main`; a remote that moved meanwhile refuses it (no force). */
  async push(auth: RemoteAuth, commit: string, onProgress?: (p: Progress) => void): Promise<{ ok: boolean; error?: string }> {
    await git.writeRef({ ...this.base, ref: OUTGOING_REF, value: commit, force: true });
    const result = await git.push({
      ...this.base,
      http,
      url: auth.url,
      ref: OUTGOING_REF,
      remoteRef: `refs/heads/${BRANCH}`,
      onAuth: () => ({ username: auth.username, password: auth.token }),
      onAuthFailure: () => ({ cancel: true }),
      onProgress: onProgress ? (e) => onProgress({ phase: e.phase, loaded: e.loaded, total: e.total ?? 0 }) : undefined,
    });
    const refResult = result.refs[`refs/heads/${BRANCH}`];
    if (!result.ok || (refResult && !refResult.ok)) return { ok: false, error: refResult?.error ?? result.error ?? 'refused' };
    // Record what the remote now holds, as a fetch would.
    await git.writeRef({ ...this.base, ref: REMOTE_REF, value: commit, force: true });
    return { ok: true };
  }

  /** Moves `main` (and HEAD) to `commit`; the work tree is written by the caller beforehand. */
  async moveBranch(commit: string): Promise<void> {
    await git.writeRef({ ...this.base, ref: `refs/heads/${BRANCH}`, value: commit, force: true });
    await git.writeRef({ ...this.base, ref: 'HEAD', value: `refs/heads/${BRANCH}`, symbolic: true, force: true });
  }

  async mergeBase(a: string, b: string): Promise<string | null> {
    const bases = await git.findMergeBase({ ...this.base, oids: [a, b] });
    return (bases[0] as string | undefined) ?? null;
  }

  async isAncestor(ancestor: string, of: string): Promise<boolean> {
    if (ancestor === of) return true;
    return git.isDescendent({ ...this.base, oid: of, ancestor, depth: -1 });
  }

  /** The shared files of a commit: path → blob id (an empty map for null). */
  async treeOf(commit: string | null): Promise<Map<string, string>> {
    const files = new Map<string, string>();
    if (!commit) return files;
    const root = await git.readTree({ ...this.base, oid: commit });
    for (const entry of root.tree) {
      if (entry.type === 'blob' && isSharedPath(entry.path)) files.set(entry.path, entry.oid);
      if (entry.type === 'tree' && entry.path === 'articles') {
        const articles = await git.readTree({ ...this.base, oid: entry.oid });
        for (const a of articles.tree) if (a.type === 'blob' && isSharedPath(`articles/${a.path}`)) files.set(`articles/${a.path}`, a.oid);
      }
    }
    return files;
  }

  async readJson(oid: string): Promise<unknown> {
    const { blob } = await git.readBlob({ ...this.base, oid });
    return JSON.parse(Buffer.from(blob).toString('utf8'));
  }

  async readFileAt(commit: string, path: string): Promise<unknown | null> {
    try {
      const { blob } = await git.readBlob({ ...this.base, oid: commit, filepath: path });
      return JSON.parse(Buffer.from(blob).toString('utf8'));
    } catch {
      return null;
    }
  }

  async writeBlob(text: string): Promise<string> {
    return git.writeBlob({ ...this.base, blob: Buffer.from(text, 'utf8') });
  }

  /**
   * A new root tree: `commit`'s tree (or an empty one) with `files` (path → blob id, or null to drop) applied.
   * Only project.json, .gitignore and articles/ can change.
   */
  async treeWith(commit: string | null, files: ReadonlyMap<string, string | null>): Promise<string> {
    const root = commit ? await git.readTree({ ...this.base, oid: commit }) : { tree: [] as TreeEntry[] };
    const articlesEntry = root.tree.find((e) => e.path === 'articles' && e.type === 'tree');
    const articles = new Map<string, TreeEntry>();
    if (articlesEntry) for (const e of (await git.readTree({ ...this.base, oid: articlesEntry.oid })).tree) articles.set(e.path, e);
    const top = new Map<string, TreeEntry>(root.tree.map((e) => [e.path, e]));
    for (const [path, oid] of files) {
      const [map, name] = path.startsWith('articles/') ? [articles, path.slice('articles/'.length)] : [top, path];
      if (oid === null) map.delete(name);
      else map.set(name, { mode: '100644', path: name, oid, type: 'blob' });
    }
    if (articles.size > 0) {
      const oid = await git.writeTree({ ...this.base, tree: [...articles.values()] });
      top.set('articles', { mode: '040000', path: 'articles', oid, type: 'tree' });
    } else top.delete('articles');
    return git.writeTree({ ...this.base, tree: [...top.values()] });
  }

  /** Commits that changed `path`, newest first, at most `depth`. */
  async log(path: string, depth = 50) {
    try {
      return await git.log({ ...this.base, filepath: path, ref: BRANCH, depth, force: true });
    } catch {
      return [];
    }
  }

  async readCommit(oid: string) {
    return git.readCommit({ ...this.base, oid });
  }
}
