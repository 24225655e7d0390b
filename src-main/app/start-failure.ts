import { storageError } from '../store/storage-error';

/**
 * What to tell a person when the project cannot be opened at start: a storage failure (permission
 * denied on the project folder, a read-only or full disk) is named with what to do next; anything
 * else keeps its own message, which already says what happened (a locked or foreign folder).
 */
export function describeStartFailure(error: unknown): string {
  const storage = storageError(error);
  if (storage) return storage.message.replace('so this action did not complete', 'so the project could not be opened');
  return error instanceof Error ? error.message : String(error);
}
