import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireProjectLock, LOCK_FILE, ProjectLockedError } from './project-lock';

/** The pid of a process that has certainly ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('project lock', () => {
  it('records the owner and is released on release()', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lock-'));
    const lock = await acquireProjectLock(dir);
    const owner = JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'));
    expect(owner.pid).toBe(process.pid);
    await lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses a second owner while the first holds the lock', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lock-'));
    const lock = await acquireProjectLock(dir);
    await expect(acquireProjectLock(dir)).rejects.toBeInstanceOf(ProjectLockedError);
    await lock.release();
    const again = await acquireProjectLock(dir);
    await again.release();
  });

  it('refuses a lock held by another live process', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lock-'));
    // pid 1 always runs; it is not us.
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, hostname: hostname(), startedAt: 'then' }));
    await expect(acquireProjectLock(dir)).rejects.toThrow(/already open in another Analyst Workbench \(process 1/);
  });

  it('takes over a stale lock left by a process that has died', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lock-'));
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), hostname: hostname(), startedAt: 'then' }));
    const lock = await acquireProjectLock(dir);
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('takes over a half-written lock file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lock-'));
    await writeFile(join(dir, LOCK_FILE), '{"pid":');
    const lock = await acquireProjectLock(dir);
    await lock.release();
  });

  it('does not release a lock that another process has taken since', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lock-'));
    const lock = await acquireProjectLock(dir);
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, hostname: hostname(), startedAt: 'later' }));
    await lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
  });
});
