import { readdir } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from './test-helpers';

// The lock's own temporary file must not outlive a failed write (a full disk): it would make
// the folder look like "not a project" at the next start.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    open: async (...args: Parameters<typeof actual.open>) => {
      const handle = await actual.open(...args);
      if (String(args[0]).endsWith('.tmp') && args[1] === 'wx') {
        handle.writeFile = () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
      }
      return handle;
    },
  };
});

describe('project lock on a full disk', () => {
  it('fails with the disk error and leaves no temporary file behind', async () => {
    const { acquireProjectLock } = await import('./project-lock');
    const dir = await tempDir();
    await expect(acquireProjectLock(dir)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readdir(dir)).toEqual([]);
  });
});
