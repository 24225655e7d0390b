import type { ErrorCode } from '../../src-shared/result';
import { storageError } from '../store/storage-error';
import { NothingWrittenError } from './history';

/**
 * What to tell a person after an unexpected error (not an AppError) in a handler. A storage
 * failure is named (disk full, permission denied, read-only) with what to do next. "Nothing was
 * changed" is said only when the history proved that the step wrote no file (NothingWrittenError);
 * otherwise the honest answer is that we do not know.
 */
export function describeFailure(error: unknown): { code: ErrorCode; message: string } {
  const nothingWritten = error instanceof NothingWrittenError;
  const storage = storageError(nothingWritten ? error.cause : error);
  if (storage) return { code: storage.code, message: nothingWritten ? `${storage.message} Nothing was changed.` : storage.message };
  if (nothingWritten) {
    return { code: 'internal', message: 'Something went wrong before the change was saved. Nothing was changed; try again, and see the log if it persists.' };
  }
  return {
    code: 'internal',
    message:
      'Something went wrong while reading or saving the project; the log has the details. If you were making a change, it may or may not have been saved: reload the article or view to see its current state before trying again.',
  };
}
