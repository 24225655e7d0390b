import { AppError, type ErrorCode } from '../../src-shared/result';

/**
 * The operating-system errors a person can do something about, with what to tell them. Anything
 * else stays an internal error (logged, answered generically).
 */
const KNOWN: Record<string, { code: ErrorCode; what: string; next: string }> = {
  ENOSPC: { code: 'disk-full', what: 'The disk that holds the project is full', next: 'Free some space on that disk, then try again' },
  EDQUOT: { code: 'disk-full', what: 'Your disk quota for the project folder is used up', next: 'Free some space or ask for a larger quota, then try again' },
  EACCES: { code: 'permission-denied', what: 'The system refused access to a project file', next: 'Give your user read and write permission on the project folder and its files, then try again' },
  EPERM: { code: 'permission-denied', what: 'The system did not allow a change to a project file', next: 'Check that no other program (backup, antivirus, sync) holds the file and that you may write to the project folder, then try again' },
  EROFS: { code: 'read-only', what: 'The project lies on a read-only disk', next: 'Copy the project folder to a writable disk and open it there (start with --project DIR)' },
};

/** The errno code of a Node file-system error, or null for anything else. */
export function errnoCode(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : null;
}

/**
 * Names a storage failure for a person: what happened, where, and what to do next. Says nothing
 * about whether earlier steps of the call were saved, because that was not checked here.
 * Returns null for errors that are not one of the known storage failures.
 */
export function storageError(error: unknown): AppError | null {
  const code = errnoCode(error);
  const known = code ? KNOWN[code] : undefined;
  if (!known) return null;
  const path = (error as NodeJS.ErrnoException).path;
  const where = path ? ` (${path})` : '';
  return new AppError(known.code, `${known.what}${where}, so this action did not complete. ${known.next}.`);
}
