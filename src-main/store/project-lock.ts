import { readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fsyncDirectory } from './durable-file';

export const LOCK_FILE = 'workbench.lock';

interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
}

/** Another live process has the project open; two writers would lose each other's saves. */
export class ProjectLockedError extends Error {
  constructor(
    readonly directory: string,
    readonly owner: LockOwner,
  ) {
    super(
      `The project in ${directory} is already open in another Analyst Workbench (process ${owner.pid} on ${owner.hostname}, since ${owner.startedAt}). Close that window first, or open a different project with --project DIR.`,
    );
    this.name = 'ProjectLockedError';
  }
}

export interface ProjectLock {
  release(): Promise<void>;
}

/**
 * Takes the project's lock file, created exclusively so that only one process can win. A lock
 * left by a process that no longer runs on this machine is taken over.
 */
export async function acquireProjectLock(directory: string): Promise<ProjectLock> {
  const path = join(directory, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o644);
      try {
        await handle.writeFile(JSON.stringify(me));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fsyncDirectory(directory);
      return makeLock(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await readOwner(path);
    if (owner && isAlive(owner)) throw new ProjectLockedError(directory, owner);
    // Stale: the owner crashed. Remove its lock and race for a fresh one with 'wx' above.
    await rm(path, { force: true });
  }
  throw new Error(`Could not take the lock on ${directory}: it keeps changing. Is another copy of the app starting?`);
}

function makeLock(path: string): ProjectLock {
  let held = true;
  // If the process ends without release() (an uncaught error), still free the project.
  const onExit = (): void => {
    if (held && ownsLock(path)) unlinkSync(path);
  };
  process.once('exit', onExit);
  return {
    async release() {
      if (!held) return;
      held = false;
      process.removeListener('exit', onExit);
      if (ownsLock(path)) await rm(path, { force: true });
    },
  };
}

function ownsLock(path: string): boolean {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    return owner.pid === process.pid && owner.hostname === hostname();
  } catch {
    return false;
  }
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.hostname === 'string') {
      return { pid: owner.pid, hostname: owner.hostname, startedAt: String(owner.startedAt ?? 'unknown') };
    }
  } catch {
    // Unreadable or half-written lock: its writer died before finishing, so it is stale.
  }
  return null;
}

function isAlive(owner: LockOwner): boolean {
  // A lock from another machine (a shared folder) cannot be checked from here: respect it.
  if (owner.hostname !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
