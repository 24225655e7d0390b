import { useCallback, useState } from 'react';
import { ApiError } from '../api/api-client';

/** Human-readable text for any failure that reaches the UI. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return `Unexpected error: ${error.message}`;
  return 'Unexpected error.';
}

/** One place per view to show what went wrong, cleared by the next success. */
export function useErrorMessage(): [string | null, (error: unknown) => void, () => void] {
  const [message, setMessage] = useState<string | null>(null);
  const report = useCallback((error: unknown) => setMessage(messageOf(error)), []);
  const clear = useCallback(() => setMessage(null), []);
  return [message, report, clear];
}
