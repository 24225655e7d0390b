import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, utimes, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { hostname, tmpdir, uptime } from 'node:os';
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
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, hostname: hostname(), startedAt: new Date().toISOString(), nonce: 'x' }));
    await expect(acquireProjectLock(dir)).rejects.toThrow(/already open in another Analyst Workbench \(process 1/);
  });

  it('takes over a stale lock left by a process that has died', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lock-'));
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), hostname: hostname(), startedAt: 'then' }));
    const lock = await acquireProjectLock(dir);
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('refuses a fresh unreadable lock (another app may be writing it) but takes over an old one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lock-'));
    await writeFile(join(dir, LOCK_FILE), '{"pid":');
    await expect(acquireProjectLock(dir)).rejects.toBeInstanceOf(ProjectLockedError);
    const old = new Date(Date.now() - 60_000);
    await utimes(join(dir, LOCK_FILE), old, old);
    const lock = await acquireProjectLock(dir);
    await lock.release();
  });

  it('takes over a lock from before the last boot even if its pid runs again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lock-'));
    const longAgo = new Date(Date.now() - (uptime() + 3600) * 1000).toISOString();
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, hostname: hostname(), startedAt: longAgo, nonce: 'n' }));
    const lock = await acquireProjectLock(dir);
    await lock.release();
  });

  it('takes over a lock with our own pid that this process does not hold (a restarted container)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lock-'));
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), nonce: 'old' }));
    const lock = await acquireProjectLock(dir);
    await lock.release();
  });

  it('lets exactly one of many concurrent takeovers of a stale lock win', async () => {
    for (let round = 0; round < 20; round++) {
      const dir = await mkdtemp(join(tmpdir(), 'lock-'));
      await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), hostname: hostname(), startedAt: new Date().toISOString(), nonce: 'dead' }));
      const attempts = await Promise.allSettled(Array.from({ length: 4 }, () => acquireProjectLock(dir)));
      const winners = attempts.filter((a) => a.status === 'fulfilled');
      expect(winners).toHaveLength(1);
      await (winners[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof acquireProjectLock>>>).value.release();
    }
  });

  it('does not release a lock that another process has taken since', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lock-'));
    const lock = await acquireProjectLock(dir);
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, hostname: hostname(), startedAt: new Date().toISOString(), nonce: 'other' }));
    await lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
  });
});
