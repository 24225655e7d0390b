import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/result';
import { fileLevelMerger } from './tree-merger';
import { startTestGitServer, type TestGitServer } from './test-git-server';
import { annotationIds, openPeer, remoteFiles, remoteLog, snapshot } from './test-sync-peers';

// Each sync is several HTTP exchanges with git http-backend, which forks Git: slow on a busy machine.
const servers: TestGitServer[] = [];
afterEach(async () => Promise.all(servers.splice(0).map((s) => s.close())));

async function server() {
  const s = await startTestGitServer();
  servers.push(s);
  return s;
}

const TEXT = 'The minister said the talks would resume.\n\nOfficials did not confirm a date.';

describe('sync against a real Git server', { timeout: 120_000 }, () => {
  it('shares a project, and an empty project joining the remote takes it (a clone)', async () => {
    const git = await server();
    const ana = await openPeer('Ana');
    const article = await ana.call('articles:create', { title: 'Talks', text: TEXT });
    await ana.call('annotations:create', { articleId: article.id, start: 4, end: 12 });
    const shared = await ana.share(git);
    expect(shared.sent).toBe('Share the project (1 article)');
    expect(git.head()).not.toBeNull();

    const ben = await openPeer('Ben');
    const joined = await ben.share(git);
    expect(joined.broughtIn).toContain('1 annotation');
    expect((await ben.call('articles:list', {})).map((a) => a.title)).toEqual(['Talks']);
    expect(await annotationIds(ben)).toEqual(await annotationIds(ana));
    expect(ben.store.project.id).toBe(ana.store.project.id);
    const status = await ben.call('sync:status', {});
    expect(status).toMatchObject({ shared: true, authorName: 'Ben', hasToken: true, tokenKept: 'session', running: false });
    expect(status.lastSyncAt).not.toBeNull();
  });

  it('commits with the analyst as author and a message that says what changed, never the caches or the lock', async () => {
    const git = await server();
    const ana = await openPeer('Ana');
    const article = await ana.call('articles:create', { title: 'Talks', text: TEXT });
    await ana.share(git);
    const actor = await ana.call('actors:create', { name: 'The minister' });
    await ana.call('annotations:create', { articleId: article.id, start: 4, end: 12, kind: 'actor', actorId: actor.id });
    await ana.call('annotations:create', { articleId: article.id, start: 17, end: 22 });
    await ana.call('annotations:create', { articleId: article.id, start: 43, end: 52 });
    // Caches, a set-aside file and a temporary file, as the store and the search index leave them.
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${ana.dir}/index.json`, '{}');
    writeFileSync(`${ana.dir}/search-index.json`, '{}');
    writeFileSync(`${ana.dir}/articles/.${article.id}.json.1234.tmp`, '{');
    writeFileSync(`${ana.dir}/articles/${article.id}.json.damaged-2026-01-01`, '{');
    const outcome = await ana.call('sync:run', {});
    expect(outcome.sent).toBe('3 annotations, 1 actor');
    expect(remoteLog(git)[0]).toBe('Ana: 3 annotations, 1 actor');
    const files = remoteFiles(git);
    expect(files.sort()).toEqual(['.gitignore', `articles/${article.id}.json`, 'project.json']);
    const gitignore = (await import('node:fs')).readFileSync(`${ana.dir}/.gitignore`, 'utf8');
    for (const name of ['index.jsonl', 'search-index.bin', 'index.json', 'search-index.json', 'workbench.lock', '*.tmp', '*.damaged-*']) expect(gitignore).toContain(name);
  });

  it('merges disjoint edits from two analysts, losing nothing', async () => {
    const git = await server();
    const ana = await openPeer('Ana');
    const first = await ana.call('articles:create', { title: 'Talks', text: TEXT });
    await ana.share(git);
    const ben = await openPeer('Ben');
    await ben.share(git);

    await ana.call('annotations:create', { articleId: first.id, start: 4, end: 12 });
    const second = await ben.call('articles:create', { title: 'Second', text: TEXT });
    await ben.call('annotations:create', { articleId: second.id, start: 17, end: 22 });
    await ben.call('tags:create', { name: 'Disputed' });

    await ana.call('sync:run', {});
    const benSync = await ben.call('sync:run', {});
    expect(benSync.broughtIn).toBe('1 annotation from Ana');
    const anaSync = await ana.call('sync:run', {});
    expect(anaSync.broughtIn).toContain('from Ben');

    const union = new Set([...(await annotationIds(ana)), ...(await annotationIds(ben))]);
    expect(union.size).toBe(2);
    expect(await annotationIds(ana)).toEqual(union);
    expect(await annotationIds(ben)).toEqual(union);
    expect(ana.store.project.tags.map((t) => t.name)).toEqual(['Disputed']);
    // The library and the search follow the merge without reopening.
    expect((await ana.call('articles:list', {})).map((a) => a.title).sort()).toEqual(['Second', 'Talks']);
    expect(await snapshot(ana.dir)).toEqual(await snapshot(ben.dir));
    expect(remoteLog(git)[0]).toMatch(/^Ben: Merge: .* from Ana$/);
  });

  it('says clearly when the server cannot be reached, keeps everything, and the next sync completes', async () => {
    const git = await server();
    const ana = await openPeer('Ana');
    const article = await ana.call('articles:create', { title: 'Talks', text: TEXT });
    await ana.share(git);
    await ana.call('annotations:create', { articleId: article.id, start: 4, end: 12 });
    const before = await snapshot(ana.dir);
    await git.stop();
    await expect(ana.call('sync:run', {})).rejects.toMatchObject({ code: 'offline', message: expect.stringContaining(`offline: could not reach ${new URL(git.url).host}`) });
    expect(await snapshot(ana.dir)).toEqual(before);
    // Local work keeps being saved meanwhile.
    await ana.call('annotations:create', { articleId: article.id, start: 17, end: 22 });
    await git.start();
    expect((await ana.call('sync:run', {})).sent).toBe('2 annotations');
    expect(remoteLog(git)[0]).toBe('Ana: 2 annotations');
  });

  it('leaves the project unchanged when the server dies mid-push, and the next sync completes', async () => {
    const git = await server();
    const ana = await openPeer('Ana');
    const article = await ana.call('articles:create', { title: 'Talks', text: TEXT });
    await ana.share(git);
    const ben = await openPeer('Ben');
    await ben.share(git);
    await ana.call('annotations:create', { articleId: article.id, start: 4, end: 12 });
    await ana.call('sync:run', {});
    await ben.call('articles:create', { title: 'Second', text: TEXT });

    const before = await snapshot(ben.dir);
    const remoteBefore = git.head();
    git.killOnNextPush();
    await expect(ben.call('sync:run', {})).rejects.toMatchObject({ code: 'offline' });
    expect(await snapshot(ben.dir)).toEqual(before);
    expect(git.head()).toBe(remoteBefore);

    await git.start();
    const retried = await ben.call('sync:run', {});
    expect(retried.broughtIn).toBe('1 annotation from Ana');
    await ana.call('sync:run', {});
    expect(await snapshot(ana.dir)).toEqual(await snapshot(ben.dir));
    expect(await annotationIds(ben)).toEqual(await annotationIds(ana));
  });

  it('refuses a wrong token with a message that says what to check', async () => {
    const git = await server();
    const ana = await openPeer('Ana');
    await ana.call('articles:create', { title: 'Talks', text: TEXT });
    await expect(ana.call('sync:share', { url: git.url, username: git.username, token: 'wrong', authorName: 'Ana' })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('refused the username or token'),
    });
  });

  it('refuses remote addresses that are not http(s) or that carry credentials', async () => {
    const ana = await openPeer('Ana');
    for (const url of ['file:///tmp/x.git', 'ssh://host/x.git', 'https://user:pw@host/x.git', 'not a url']) {
      const result = await ana.router.handle('sync:share', { url, username: 'a', token: 't', authorName: 'A' });
      expect(result.ok, url).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid-input');
    }
  });

  it('lists who changed an article and when, and restores an earlier version as one undoable step', async () => {
    const git = await server();
    const ana = await openPeer('Ana');
    const article = await ana.call('articles:create', { title: 'Talks', text: TEXT });
    await ana.share(git);
    const ben = await openPeer('Ben');
    await ben.share(git);
    await ben.call('annotations:create', { articleId: article.id, start: 4, end: 12 });
    await ben.call('annotations:create', { articleId: article.id, start: 17, end: 22 });
    await ben.call('sync:run', {});
    await ana.call('sync:run', {});

    const history = await ana.call('sync:history', { articleId: article.id });
    expect(history.map((v) => [v.author, v.annotationCount])).toEqual([
      ['Ben', 2],
      ['Ana', 0],
    ]);
    expect(history[0]!.message).toBe('2 annotations');

    const restored = await ana.call('sync:restore', { articleId: article.id, commit: history[1]!.commit });
    expect(restored.label).toMatch(/^Restore “Talks” as of /);
    expect((await ana.store.readArticle(article.id))!.annotations).toHaveLength(0);
    expect((await ana.call('history:state', {})).undo).toBe(restored.label);
    await ana.call('history:undo', {});
    expect((await ana.store.readArticle(article.id))!.annotations).toHaveLength(2);
  });

  it('says a project is not shared yet rather than failing obscurely', async () => {
    const ana = await openPeer('Ana');
    await expect(ana.call('sync:run', {})).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('Share project') });
    expect(AppError).toBeDefined();
  });
});

describe('conflicts with the whole-file stand-in merge (plumbing)', { timeout: 120_000 }, () => {
  it('with a whole-file merger: keeps the remote file, lists the local one, and resolves to either side or both as an undoable step', async () => {
    const git = await server();
    const ana = await openPeer('Ana', { merger: fileLevelMerger });
    const article = await ana.call('articles:create', { title: 'Talks', text: TEXT });
    await ana.share(git);
    const ben = await openPeer('Ben', { merger: fileLevelMerger });
    await ben.share(git);
    const anaNote = await ana.call('annotations:create', { articleId: article.id, start: 4, end: 12 });
    const benNote = await ben.call('annotations:create', { articleId: article.id, start: 17, end: 22 });
    await ana.call('sync:run', {});
    const outcome = await ben.call('sync:run', {});
    expect(outcome.conflicts).toBe(1);

    const [conflict] = await ben.call('sync:conflicts', {});
    expect(conflict).toMatchObject({ label: '“Talks” was changed on both sides', kept: 'theirs', theirAuthor: 'Ana', canKeepBoth: true, articleId: article.id });
    expect(await annotationIds(ben)).toEqual(new Set([anaNote.id]));
    expect((await ben.call('sync:status', {})).conflictCount).toBe(1);

    // Keep both: Ben's annotation comes back beside Ana's; undo takes it away again.
    await ben.call('sync:resolve', { id: conflict!.id, choice: 'both' });
    expect(await annotationIds(ben)).toEqual(new Set([anaNote.id, benNote.id]));
    expect(await ben.call('sync:conflicts', {})).toEqual([]);
    await ben.call('history:undo', {});
    expect(await annotationIds(ben)).toEqual(new Set([anaNote.id]));
    await ben.call('history:redo', {});

    await ben.call('sync:run', {});
    await ana.call('sync:run', {});
    expect(await annotationIds(ana)).toEqual(new Set([anaNote.id, benNote.id]));
    await expect(ben.call('sync:resolve', { id: conflict!.id, choice: 'ours' })).rejects.toMatchObject({ code: 'not-found' });
  });
});
