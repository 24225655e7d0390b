import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { AppError } from '../../../src-shared/result';
import type { ArticleFile, ProjectFile } from '../../store/file-schemas';
import type { ProjectStore } from '../../store/project-store';
import { mapConcurrent } from '../../store/serial-queue';
import { countChanges, describeCounts } from './change-summary';
import { BRANCH, GitRepo, GITIGNORE, REMOTE_REF, type Progress, type RemoteAuth } from './git-repo';
import type { SecretStore } from './secret-store';
import { describeSyncError } from './sync-errors';
import { readSyncState, writeSyncState, type StoredConflict, type SyncState } from './sync-state';
import type { ProjectTree, TreeMerger } from './tree-merger';
import { WorkTreeScan } from './work-tree-scan';
import { serialise, validateFile, writeProjectFiles } from './write-project-files';

/** What the sync service needs from outside: where tokens live and how trees are merged. */
export interface SyncDeps {
  secrets: SecretStore;
  merger: TreeMerger;
  now?: () => Date;
}

/** What Share asks for. */
export interface ShareInput {
  url: string;
  username: string;
  token: string;
  authorName: string;
}

/** What one sync did, for the status line. */
export interface SyncOutcome {
  broughtIn: string;
  sent: string;
  conflicts: number;
}

const EMAIL_DOMAIN = 'users.noreply.workbench';

/**
 * Shares a project folder through a Git remote: commit local changes with the analyst as author,
 * fetch, merge by identity (a fast-forward when possible), write durably through the store, push.
 * Nothing in the project folder changes until the remote has accepted the merged commit, so a
 * failed sync leaves the project exactly as it was; the next one starts again from there.
 */
export class SyncService {
  readonly repo: GitRepo;
  private readonly scan: WorkTreeScan;
  private running: Promise<unknown> | null = null;
  private progress: Progress | null = null;
  private readonly now: () => Date;

  constructor(
    private readonly store: ProjectStore,
    private readonly deps: SyncDeps,
  ) {
    this.repo = new GitRepo(store.directory);
    this.scan = new WorkTreeScan(store.directory);
    store.onArticleChange((id) => this.scan.markChanged(`articles/${id}.json`));
    this.now = deps.now ?? (() => new Date());
  }

  state(): Promise<SyncState | null> {
    return readSyncState(this.store.directory);
  }

  async status() {
    const state = await this.state();
    const hasToken = state ? (await this.deps.secrets.get(secretKey(state))) !== null : false;
    return {
      shared: state !== null,
      remoteUrl: state?.remoteUrl ?? null,
      username: state?.username ?? null,
      authorName: state?.authorName ?? null,
      hasToken,
      tokenKept: this.deps.secrets.persistent ? ('device' as const) : ('session' as const),
      lastSyncAt: state?.lastSyncAt ?? null,
      lastBroughtIn: state?.lastBroughtIn ?? '',
      lastSent: state?.lastSent ?? '',
      notes: state?.notes ?? [],
      conflictCount: state?.conflicts.length ?? 0,
      running: this.running !== null,
      progress: this.progress,
    };
  }

  /**
   * Connects the project to a remote and syncs once. An empty project joining a remote that
   * already holds a project takes that project (a clone); otherwise the local one is sent.
   */
  share(input: ShareInput, onProgress?: (p: Progress) => void): Promise<SyncOutcome> {
    return this.exclusive(async () => {
      const previous = await this.state();
      const state: SyncState = {
        remoteUrl: input.url,
        username: input.username,
        authorName: input.authorName,
        lastSyncAt: previous?.remoteUrl === input.url ? previous.lastSyncAt : null,
        lastBroughtIn: previous?.lastBroughtIn ?? '',
        lastSent: previous?.lastSent ?? '',
        notes: previous?.notes ?? [],
        conflicts: previous?.conflicts ?? [],
      };
      const fresh = !(await this.repo.isRepo());
      if (fresh) await this.repo.init(input.url);
      else await this.repo.setRemoteUrl(input.url);
      await writeFile(join(this.store.directory, '.gitignore'), GITIGNORE);
      await this.deps.secrets.set(secretKey(state), input.token);
      await writeSyncState(this.store.directory, state);
      const joining = (await this.repo.resolve(BRANCH)) === null && this.isEmptyProject();
      return this.syncOnce(state, { token: input.token, joining, onProgress });
    });
  }

  /** Commits, fetches, merges and pushes (Sync). */
  run(onProgress?: (p: Progress) => void): Promise<SyncOutcome> {
    return this.exclusive(async () => {
      const state = await this.state();
      if (!state) throw new AppError('conflict', 'This project is not shared yet. Use Share project to connect it to a Git remote first.');
      const token = await this.deps.secrets.get(secretKey(state));
      if (token === null) {
        throw new AppError('forbidden', this.deps.secrets.persistent ? 'No token is stored for this remote. Open Share project and type the token again.' : 'The web version keeps the token only for the session, and this session has none. Open Share project and type the token again.');
      }
      return this.syncOnce(state, { token, joining: false, onProgress });
    });
  }

  private isEmptyProject(): boolean {
    const p = this.store.project;
    return this.store.articleCount === 0 && p.actors.length === 0 && p.tags.length === 0 && p.notes === '';
  }

  private async exclusive<R>(task: () => Promise<R>): Promise<R> {
    if (this.running) throw new AppError('busy', 'A sync is already running. Wait for it to finish.');
    const run = task();
    this.running = run;
    try {
      return await run;
    } finally {
      this.running = null;
      this.progress = null;
    }
  }

  private async syncOnce(state: SyncState, options: { token: string; joining: boolean; onProgress?: (p: Progress) => void }): Promise<SyncOutcome> {
    const auth: RemoteAuth = { url: state.remoteUrl, username: state.username, token: options.token };
    const report = (p: Progress) => {
      this.progress = p;
      options.onProgress?.(p);
    };
    try {
      // Fetch before committing, so that an unreachable remote leaves even .git as it was.
      report({ phase: 'Receiving', loaded: 0, total: 0 });
      const remote = await this.fetchRemote(auth, report);
      // Joining takes the remote's project; an empty remote gets this one instead.
      const joining = options.joining && remote !== null;
      const sent = joining ? '' : await this.commitLocal(state, report);
      for (let attempt = 0; ; attempt += 1) {
        const outcome = await this.exchange(auth, state, report, joining, attempt === 0 ? remote : undefined);
        if (outcome === 'rejected') {
          // The remote moved between our fetch and our push: fetch and merge once more.
          if (attempt === 0) continue;
          throw new AppError('conflict', 'The remote kept changing while this sync ran. Nothing was lost; press Sync again.');
        }
        const next: SyncState = {
          ...((await this.state()) ?? state),
          lastSyncAt: this.now().toISOString(),
          lastBroughtIn: outcome.broughtIn,
          lastSent: sent,
          notes: outcome.notes,
        };
        next.conflicts = [...next.conflicts, ...outcome.conflicts];
        await writeSyncState(this.store.directory, next);
        return { broughtIn: outcome.broughtIn, sent, conflicts: outcome.conflicts.length };
      }
    } catch (error) {
      throw describeSyncError(error, state.remoteUrl);
    }
  }

  /** Commits what changed in the folder since the last commit; returns what was committed, for people. */
  private async commitLocal(state: SyncState, report: (p: Progress) => void): Promise<string> {
    report({ phase: 'Looking for changes', loaded: 0, total: 0 });
    const head = await this.repo.resolve(BRANCH);
    const committed = await this.repo.treeOf(head);
    const now = await this.scan.current();
    const changes = new Map<string, string | null>();
    for (const [path, oid] of now) if (committed.get(path) !== oid) changes.set(path, oid);
    // A missing article file is one set aside as damaged (the app never deletes articles):
    // committing its absence would delete the article for everyone, so it is left out.
    for (const path of committed.keys()) if (!now.has(path) && !path.startsWith('articles/')) changes.set(path, null);
    let message: string;
    if (!head) {
      const articles = [...changes.keys()].filter((p) => p.startsWith('articles/')).length;
      message = `Share the project (${articles.toLocaleString('en')} ${articles === 1 ? 'article' : 'articles'})`;
    } else {
      const pairs = await mapConcurrent([...changes.keys()], 16, async (path) => ({
        path,
        before: committed.has(path) && path !== '.gitignore' ? await this.repo.readJson(committed.get(path)!) : null,
        after: await this.readWorkFile(path),
      }));
      // A file written back with its keys in another order is not a change.
      for (const pair of pairs) if (pair.path !== '.gitignore' && isDeepStrictEqual(pair.before, pair.after)) changes.delete(pair.path);
      message = describeCounts(countChanges(pairs.filter((p) => changes.has(p.path)))) || 'Project settings';
    }
    if (changes.size === 0) {
      await this.scan.save();
      return '';
    }
    const written = [...changes].filter(([, oid]) => oid !== null).map(([path]) => path);
    await this.scan.writeBlobs(written, (done, total) => report({ phase: 'Preparing files', loaded: done, total }));
    const tree = await this.repo.treeWith(head, changes);
    const commit = await this.repo.commitTree(tree, head ? [head] : [], message, this.author(state));
    await this.repo.moveBranch(commit);
    await this.scan.save();
    return message;
  }

  private async readWorkFile(path: string): Promise<unknown> {
    if (path === 'project.json') return this.store.project;
    if (path === '.gitignore') return null;
    return this.store.peekArticle(path.slice('articles/'.length, -'.json'.length));
  }

  private author(state: SyncState) {
    const slug = state.username.replace(/[^A-Za-z0-9._-]/g, '') || 'analyst';
    return { name: state.authorName, email: `${slug}@${EMAIL_DOMAIN}` };
  }

  /** Fetch, merge, push, write. Returns 'rejected' when the push was refused because the remote moved. */
  private async exchange(auth: RemoteAuth, state: SyncState, report: (p: Progress) => void, joining: boolean, fetched?: string | null) {
    const remote = fetched === undefined ? await this.fetchRemote(auth, report) : fetched;
    const head = await this.repo.resolve(BRANCH);
    const none = { broughtIn: '', notes: [] as string[], conflicts: [] as StoredConflict[] };
    if (!remote || (head && (await this.repo.isAncestor(remote, head)))) {
      if (!head || head === remote) return none;
      report({ phase: 'Sending', loaded: 0, total: 0 });
      const pushed = await this.repo.push(auth, head, report);
      return pushed.ok ? none : 'rejected';
    }
    if (!head || (await this.repo.isAncestor(head, remote))) {
      // Fast-forward (or joining): take the remote's files as they are.
      const [ours, theirs] = await Promise.all([this.repo.treeOf(head), this.repo.treeOf(remote)]);
      const changed = changedPaths(ours, theirs);
      const files = new Map<string, ArticleFile | ProjectFile | null>();
      await mapConcurrent(changed, 16, async (path) => {
        const oid = theirs.get(path);
        if (path !== '.gitignore') files.set(path, oid ? validateFile(path, await this.repo.readJson(oid)) : null);
      });
      const expected = await this.currentFiles(files.keys(), joining ? null : ours);
      report({ phase: 'Writing', loaded: 0, total: files.size });
      await writeProjectFiles(this.store, files, expected);
      await this.repo.moveBranch(remote);
      return { ...none, broughtIn: await this.describeIncoming(head, remote, ours, files, expected) };
    }
    return this.mergeAndPush(auth, state, head, remote, report);
  }

  private async fetchRemote(auth: RemoteAuth, report: (p: Progress) => void): Promise<string | null> {
    try {
      await this.repo.fetch(auth, report);
    } catch (error) {
      // An empty remote has no main branch yet: nothing to bring in.
      const code = (error as { code?: unknown } | null)?.code;
      if (code !== 'NotFoundError' && code !== 'EmptyServerResponseError') throw error;
      return null;
    }
    return this.repo.resolve(REMOTE_REF);
  }

  private async mergeAndPush(auth: RemoteAuth, state: SyncState, head: string, remote: string, report: (p: Progress) => void) {
    report({ phase: 'Merging', loaded: 0, total: 0 });
    const base = await this.repo.mergeBase(head, remote);
    const [b, o, t] = await Promise.all([this.repo.treeOf(base), this.repo.treeOf(head), this.repo.treeOf(remote)]);
    const paths = [...new Set([...changedPaths(b, o), ...changedPaths(b, t), ...changedPaths(o, t)])].filter((p) => p !== '.gitignore');
    const load = async (tree: Map<string, string>): Promise<ProjectTree> => {
      const map = new Map<string, unknown>();
      await mapConcurrent(paths, 16, async (path) => {
        const oid = tree.get(path);
        if (oid) map.set(path, await this.repo.readJson(oid));
      });
      return map;
    };
    const [baseTree, ourTree, theirTree] = await Promise.all([load(b), load(o), load(t)]);
    const merged = await this.deps.merger(baseTree, ourTree, theirTree);
    const files = new Map<string, ArticleFile | ProjectFile | null>();
    const blobs = new Map<string, string | null>();
    for (const [path, content] of merged.files) {
      if (isDeepStrictEqual(content ?? null, ourTree.get(path) ?? null)) continue;
      const checked = content === null ? null : validateFile(path, content);
      files.set(path, checked);
      blobs.set(path, checked === null ? null : await this.repo.writeBlob(serialise(checked)));
    }
    const theirCommit = await this.repo.readCommit(remote);
    const theirAuthor = theirCommit.commit.author.name;
    const tree = await this.repo.treeWith(head, blobs);
    const brought = describeCounts(countChanges([...files].map(([path, after]) => ({ path, before: ourTree.get(path) ?? null, after }))));
    const commit = await this.repo.commitTree(tree, [head, remote], `Merge${brought ? `: ${brought}` : ''} from ${theirAuthor}`, this.author(state));
    report({ phase: 'Sending', loaded: 0, total: 0 });
    const pushed = await this.repo.push(auth, commit, report);
    if (!pushed.ok) return 'rejected' as const;
    // Only now, with the remote holding the merge, does the project folder change.
    report({ phase: 'Writing', loaded: 0, total: files.size });
    await writeProjectFiles(this.store, files, ourTree);
    await this.repo.moveBranch(commit);
    const at = this.now().toISOString();
    const conflicts: StoredConflict[] = merged.conflicts.map((c) => ({ ...c, id: randomUUID(), theirAuthor, at }));
    return { broughtIn: brought ? `${brought} from ${theirAuthor}` : '', notes: merged.notes, conflicts };
  }

  /** The files as the store holds them now: what a write through the store expects to replace. */
  private async currentFiles(paths: Iterable<string>, committed: Map<string, string> | null): Promise<Map<string, unknown>> {
    const current = new Map<string, unknown>();
    for (const path of paths) {
      if (path === 'project.json') current.set(path, committed === null || committed.has(path) ? this.store.project : null);
      else current.set(path, await this.store.peekArticle(path.slice('articles/'.length, -'.json'.length)));
    }
    return current;
  }

  private async describeIncoming(head: string | null, remote: string, _ours: Map<string, string>, files: Map<string, unknown>, before: Map<string, unknown>): Promise<string> {
    const counts = describeCounts(countChanges([...files].map(([path, after]) => ({ path, before: before.get(path) ?? null, after }))));
    if (!counts) return '';
    const who = head ? (await this.repo.readCommit(remote)).commit.author.name : null;
    return who ? `${counts} from ${who}` : counts;
  }
}

function secretKey(state: { remoteUrl: string; username: string }): string {
  return `${state.username}@${state.remoteUrl}`;
}

/** Paths whose blob differs between two trees. */
function changedPaths(a: Map<string, string>, b: Map<string, string>): string[] {
  const paths: string[] = [];
  for (const [path, oid] of a) if (b.get(path) !== oid) paths.push(path);
  for (const path of b.keys()) if (!a.has(path)) paths.push(path);
  return paths;
}
