import { open, rename, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Folder handles kept open between measurements, as the store keeps its own (opening one costs as much as syncing it). */
const folders = new Map<string, Promise<FileHandle>>();

/**
 * The least a durable save of `bytes` can cost on this disk: write a temp file, fsync it, rename
 * it over the target, fsync the folder (without that last step the rename itself can be lost in a
 * power cut, so no durable save can skip it; on a folder of 100,000 files it is not free).
 * Measured right after each real save so both meet the same disk conditions.
 */
export async function floorWrite(path: string, bytes: string): Promise<number> {
  const started = performance.now();
  const temp = `${path}.floor.tmp`;
  const handle = await open(temp, 'w');
  await handle.writeFile(bytes);
  await handle.sync();
  await handle.close();
  await rename(temp, path);
  const dir = dirname(path);
  let folder = folders.get(dir);
  if (!folder) folders.set(dir, (folder = open(dir, 'r')));
  await (await folder).sync();
  return performance.now() - started;
}
