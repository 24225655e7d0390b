import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi, afterEach } from 'vitest';
import { openTestProject } from '../services/test-project';
import * as durable from './durable-file';
import { storageError } from './storage-error';

const errno = (code: string, path = '/projects/p/articles/x.json') => Object.assign(new Error(`${code}: failed`), { code, path });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('storage errors', () => {
  it.each([
    ['ENOSPC', 'disk-full', /disk that holds the project is full.*Free some space/],
    ['EACCES', 'permission-denied', /refused access.*permission/],
    ['EPERM', 'permission-denied', /did not allow/],
    ['EROFS', 'read-only', /read-only disk.*writable disk/],
  ])('%s becomes %s with what happened and what to do', (code, expected, message) => {
    const error = storageError(errno(code));
    expect(error).toMatchObject({ code: expected, message: expect.stringMatching(message) });
    expect(error!.message).toContain('/projects/p/articles/x.json');
    expect(error!.message).not.toMatch(/nothing was changed/i);
  });

  it('leaves other errors alone', () => {
    expect(storageError(new Error('boom'))).toBeNull();
    expect(storageError(errno('EBUSY'))).toBeNull();
  });

  it('a full disk during a save answers disk-full through the router, and the article is not half-created', async () => {
    const { router, store } = await openTestProject();
    vi.spyOn(durable, 'writeFileDurable').mockRejectedValue(errno('ENOSPC', join(store.directory, 'articles', '.x.json.tmp')));
    const result = await router.handle('articles:create', { title: 'T', text: 'One sentence.' });
    expect(result).toMatchObject({ ok: false, error: { code: 'disk-full', message: expect.stringMatching(/full/) } });
    vi.restoreAllMocks();
    expect(store.articleCount).toBe(0);
    expect(await readdir(join(store.directory, 'articles'))).toEqual([]);
  });

  it('an unexpected failure does not claim that nothing was changed', async () => {
    const { router, store } = await openTestProject();
    vi.spyOn(store, 'listSummaries').mockImplementation(() => {
      throw new Error('internals');
    });
    const result = await router.handle('articles:list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toMatch(/nothing was changed/i);
  });
});
