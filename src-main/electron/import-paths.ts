import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError } from '../../src-shared/result';
import { MAX_IMPORT_BYTES } from '../import/extract';
import type { PathAllowList } from './path-allow-list';

/** The refusal for a path the window did not get from the shell's dialog or a drop. */
export function pathRefused(path: string): AppError {
  return new AppError(
    'forbidden',
    `The workbench reads only files you chose in its Import dialog or dropped on its window, and "${path}" is neither (or no longer exists). Import it with "Import files" or by dropping it on the window.`,
  );
}

/**
 * Expands chosen or dropped paths into the files to import: folders recursively, hidden entries
 * skipped, and entries whose real path leaves what was chosen (a symbolic link out of the folder)
 * skipped. Refuses the whole call when one of `paths` itself is not allowed.
 */
export async function listImportFiles(paths: readonly string[], allowList: PathAllowList, limit = 20_000): Promise<string[]> {
  for (const path of paths) if ((await allowList.resolve(path)) === null) throw pathRefused(path);
  const files: string[] = [];
  // Real paths of folders already walked: a link back up the tree must not loop.
  const walked = new Set<string>();
  const visit = async (path: string): Promise<void> => {
    if (files.length >= limit || basename(path).startsWith('.')) return;
    const real = await allowList.resolve(path);
    if (real === null) return;
    const info = await stat(real).catch(() => null);
    if (!info) return;
    if (info.isDirectory()) {
      if (walked.has(real)) return;
      walked.add(real);
      const names = await readdir(real).catch(() => []);
      for (const name of names.sort()) await visit(join(path, name));
    } else if (info.isFile()) files.push(path);
  };
  for (const path of paths) await visit(path);
  return files;
}

/** One file to read: the name to show and the real path to read it from. */
interface ImportFileRef {
  name: string;
  path: string;
}

/**
 * Reads the files of `paths` for the import service, each only if allowed, from its real path
 * (so what was checked is what is read); one over 50 MB is not read at all.
 */
export async function readForImport(paths: readonly string[], allowList: PathAllowList): Promise<{ name: string; bytes: Buffer | 'too-large' }[]> {
  const refs: ImportFileRef[] = [];
  for (const path of paths) {
    const real = await allowList.resolve(path);
    if (real === null) throw pathRefused(path);
    refs.push({ name: basename(path), path: real });
  }
  const files = [];
  for (const { name, path } of refs) {
    const info = await stat(path);
    if (!info.isFile()) throw new AppError('invalid-input', `${name} is a folder or a device, not a file to import.`);
    files.push({ name, bytes: info.size > MAX_IMPORT_BYTES ? ('too-large' as const) : await readFile(path) });
  }
  return files;
}
