import { randomUUID } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';

/**
 * Writes a file so that, once the promise resolves, its new content survives a crash or power
 * loss, and a crash in the middle leaves the old content intact: write a temporary file in the
 * same folder, fsync it, rename it over the target, then fsync the folder so the rename is durable.
 */
export async function writeFileDurable(path: string, data: string | Uint8Array | readonly Uint8Array[]): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomUUID()}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
    // Parts written one after another: a large file made of several arrays is never copied into one.
    else {
      for (const part of data) {
        for (let done = 0; done < part.byteLength; ) done += (await handle.write(part, done, part.byteLength - done)).bytesWritten;
      }
    }
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncDirectory(dir);
}

/** Folder handles kept open between saves: opening a folder costs as much as syncing it. */
const folders = new Map<string, Promise<FileHandle>>();

/** Makes a rename or create inside `dir` durable. Windows cannot open folders and needs no such step. */
export async function fsyncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle = folders.get(dir);
  if (!handle) {
    handle = open(dir, 'r');
    folders.set(dir, handle);
    handle.catch(() => folders.delete(dir));
  }
  await (await handle).sync();
}

/** Closes the folder handles kept for `root` and the folders below it (when a project closes). */
export async function releaseDirectories(root: string): Promise<void> {
  for (const [dir, handle] of folders) {
    if (dir !== root && !dir.startsWith(root + sep)) continue;
    folders.delete(dir);
    await (await handle.catch(() => null))?.close();
  }
}

/** Temporary files left behind by a crash between create and rename. */
export function isTempFileName(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}
