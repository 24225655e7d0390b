import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, open, readFile, rm, stat } from 'node:fs/promises';
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';
import { fsyncDirectory } from './durable-file';

export const LOCK_FILE = 'workbench.lock';
const LOCK_FORMAT = 1;
/** A takeover guard older than this was left by a process that died while taking over. */
const GUARD_STALE_MS = 10_000;

interface LockOwner {
  schemaVersion: number;
  pid: number;
  hostname: string;
  startedAt: string;
  /** Random per lock, so that a lock is never mistaken for another with the same pid. */
  nonce: string;
}

/** Locks this process holds, so a pid match is only "us" when we really hold it. */
const held = new Set<string>();

/** Another live process has the project open; two writers would lose each other's saves. */
export class ProjectLockedError extends Error {
  constructor(
    readonly directory: string,
    readonly owner: Pick<LockOwner, 'pid' | 'hostname' | 'startedAt'>,
  ) {
    super(
      `The project in ${directory} is already open in another Analyst Workbench (process ${owner.pid} on ${owner.hostname}, since ${owner.startedAt}). Close that window first, or open a different project with --project DIR. If no such app is running, delete ${join(directory, LOCK_FILE)}.`,
    );
    this.name = 'ProjectLockedError';
  }
}

export interface ProjectLock {
  release(): Promise<void>;
}

/**
 * Takes the project's lock file. The lock appears atomically with its content (written to a
 * temporary file, then hard-linked into place, which fails if a lock exists), so no process
 * ever sees a half-written lock. A lock left by a process that no longer runs is taken over,
 * under a guard file so that two processes cannot both take over the same stale lock.
 */
export async function acquireProjectLock(directory: string): Promise<ProjectLock> {
  const path = join(directory, LOCK_FILE);
  const me: LockOwner = { schemaVersion: LOCK_FORMAT, pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), nonce: randomUUID() };
  for (let attempt = 0; attempt < 5; attempt++) {
    // Marked as held the moment the link succeeds, before any await: another acquirer in this
    // process that reads the new lock in between must see it as ours and alive.
    if (await createExclusively(path, JSON.stringify(me), () => held.add(path))) {
      await fsyncDirectory(directory);
      return makeLock(path, me.nonce);
    }
    const existing = await readOwner(path);
    if (existing === 'gone') continue;
    if (existing !== 'unreadable' && isAlive(existing, path)) throw new ProjectLockedError(directory, existing);
    if (existing === 'unreadable' && (await ageMs(path)) < GUARD_STALE_MS) {
      throw new ProjectLockedError(directory, { pid: 0, hostname: 'unknown', startedAt: 'just now' });
    }
    await takeOver(path, existing);
  }
  throw new Error(`Could not take the lock on ${directory}: it keeps changing. Is another copy of the app starting?`);
}

async function createExclusively(path: string, content: string, onCreated?: () => void): Promise<boolean> {
  const temp = `${path}.${randomUUID()}.tmp`;
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(temp, path);
    onCreated?.();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    // Also when the write failed (a full disk): a stray temp file would make the folder look foreign.
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

/** A lock's temporary file (`workbench.lock.<uuid>.tmp`) or takeover guard, left by a crash. */
export function isLockLeftover(name: string): boolean {
  return name.startsWith(`${LOCK_FILE}.`) && (name.endsWith('.tmp') || name.endsWith('.takeover'));
}

/**
 * Removes lock temporary files left by a crash. Only old ones: a young one may belong to another
 * process that is taking the lock right now (it would fail to link a file removed under it).
 */
export async function removeLockLeftovers(directory: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    if (!name.startsWith(`${LOCK_FILE}.`) || !name.endsWith('.tmp')) continue;
    if ((await ageMs(join(directory, name))) > GUARD_STALE_MS) await rm(join(directory, name), { force: true });
  }
}

/** Removes a stale lock, but only if it is still the same stale lock once we hold the guard. */
async function takeOver(path: string, stale: LockOwner | 'unreadable'): Promise<void> {
  const guard = `${path}.takeover`;
  if (!(await createExclusively(guard, String(process.pid)))) {
    if ((await ageMs(guard)) > GUARD_STALE_MS) await rm(guard, { force: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    return;
  }
  try {
    const now = await readOwner(path);
    const same = stale === 'unreadable' ? now === 'unreadable' : now !== 'gone' && now !== 'unreadable' && now.nonce === stale.nonce && now.pid === stale.pid;
    if (same) await rm(path, { force: true });
  } finally {
    await rm(guard, { force: true });
  }
}

function makeLock(path: string, nonce: string): ProjectLock {
  let holding = true;
  // If the process ends without release() (an uncaught error), still free the project.
  const onExit = (): void => {
    if (holding && ownsLock(path, nonce)) unlinkSync(path);
  };
  process.once('exit', onExit);
  return {
    async release() {
      if (!holding) return;
      holding = false;
      held.delete(path);
      process.removeListener('exit', onExit);
      if (ownsLock(path, nonce)) await rm(path, { force: true });
    },
  };
}

function ownsLock(path: string, nonce: string): boolean {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>).nonce === nonce;
  } catch {
    return false;
  }
}

async function readOwner(path: string): Promise<LockOwner | 'unreadable' | 'gone'> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const owner = JSON.parse(raw) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.hostname === 'string') {
      return { schemaVersion: owner.schemaVersion ?? 1, pid: owner.pid, hostname: owner.hostname, startedAt: String(owner.startedAt ?? 'unknown'), nonce: String(owner.nonce ?? '') };
    }
  } catch {
    // Falls through: not a lock this app wrote.
  }
  return 'unreadable';
}

async function ageMs(path: string): Promise<number> {
  try {
    return Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return Infinity;
  }
}

function isAlive(owner: LockOwner, path: string): boolean {
  // A lock from another machine (a shared folder) cannot be checked from here: respect it.
  if (owner.hostname !== hostname()) return true;
  // Written before this machine last booted: its process is certainly gone, whatever runs under its pid now.
  const bootedAt = Date.now() - uptime() * 1000;
  const started = Date.parse(owner.startedAt);
  if (Number.isFinite(started) && started < bootedAt - 60_000) return false;
  // Our own pid: alive only if this process really holds this lock (a container restarts at pid 1).
  if (owner.pid === process.pid) return held.has(path);
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
