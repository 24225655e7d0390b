import { useCallback } from 'react';
import { useWorkbench } from './workbench-context';

/**
 * Runs a change (a mutation call) and tells the user: the status line on success, the error
 * banner on failure. Resolves to whether it succeeded, for callers that close an editor after.
 */
export function useChange(): (task: () => Promise<unknown>, message: string) => Promise<boolean> {
  const { reportError, setStatus } = useWorkbench();
  return useCallback(
    async (task, message) => {
      try {
        await task();
        setStatus(message);
        return true;
      } catch (failure) {
        reportError(failure);
        return false;
      }
    },
    [reportError, setStatus],
  );
}
