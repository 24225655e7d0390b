import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProjectProblem } from '../../src-shared/domain/project';
import { errnoCode } from './storage-error';
import { CorruptFileError } from './json-file-adapter';

/**
 * Errors that make one file unusable without saying anything about the rest of the project:
 * its content is damaged, the system refuses to let us read it, or it is a folder where a file
 * belongs. Such a file is set aside and reported; the project opens without it.
 */
export function isUnusableFileError(error: unknown): boolean {
  if (error instanceof CorruptFileError) return true;
  const code = errnoCode(error);
  return code === 'EACCES' || code === 'EPERM' || code === 'EISDIR';
}

function describe(error: unknown): string {
  if (error instanceof CorruptFileError) return error.message;
  switch (errnoCode(error)) {
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'the system refused to let the app read it (permission denied)';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Renames an unusable file so that nothing overwrites it, and describes what happened. If even
 * the rename is refused, the file stays where it is (it is not in the project, so nothing writes
 * to it) and the problem says so.
 */
export async function moveAside(directory: string, relative: string, error: unknown, consequence = 'The rest of the project opened normally'): Promise<ProjectProblem> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${relative}.damaged-${stamp}`;
  const reason = describe(error);
  const denied = errnoCode(error) === 'EACCES' || errnoCode(error) === 'EPERM';
  let movedTo: string | null = target;
  try {
    await rename(join(directory, relative), join(directory, target));
  } catch (renameError) {
    movedTo = null;
    const message = `${relative} could not be read (${reason}) and could not be set aside either (${describe(renameError)}); it was left in place and skipped. ${consequence}.${denied ? ' Fix its permissions and reopen the project to get it back.' : ''}`;
    console.error(message);
    return { file: relative, movedTo, message };
  }
  const message = `${relative} could not be read (${reason}). It was kept as ${target}. ${consequence}.${denied ? ` If the file itself is fine, fix its permissions, rename it back to ${relative} and reopen the project.` : ''}`;
  console.error(message);
  return { file: relative, movedTo, message };
}
