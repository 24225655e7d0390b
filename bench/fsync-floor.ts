import { open, rename } from 'node:fs/promises';

/**
 * The least a durable save of `bytes` can cost on this disk: write a temp file, fsync, rename.
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
  return performance.now() - started;
}
