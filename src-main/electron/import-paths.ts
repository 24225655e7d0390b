import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import { MAX_IMPORT_BYTES } from '../import/extract';

/** Expands chosen or dropped paths into the files to import: folders recursively, hidden files skipped. */
export async function listImportFiles(paths: readonly string[], limit = 20_000): Promise<string[]> {
  const files: string[] = [];
  const visit = async (path: string): Promise<void> => {
    if (files.length >= limit || basename(path).startsWith('.')) return;
    const info = await stat(path).catch(() => null);
    if (!info) return;
    if (info.isDirectory()) {
      for (const name of (await readdir(path)).sort()) await visit(join(path, name));
    } else if (info.isFile()) files.push(path);
  };
  for (const path of paths) if (isAbsolute(path)) await visit(path);
  return files;
}

/** Reads files by path for the import service; one over 50 MB is not read at all. */
export async function readForImport(paths: readonly string[]): Promise<{ name: string; bytes: Buffer | 'too-large' }[]> {
  const files = [];
  for (const path of paths) {
    if (!isAbsolute(path)) throw new Error('Import paths must be absolute.');
    const info = await stat(path);
    if (!info.isFile()) throw new Error(`${basename(path)} is not a file.`);
    files.push({ name: basename(path), bytes: info.size > MAX_IMPORT_BYTES ? ('too-large' as const) : await readFile(path) });
  }
  return files;
}
