import { useCallback } from 'react';
import { useApiMutation, useApiQuery } from '../api/queries';

const NOTHING = { undo: null, redo: null };

/** The undo state for the toolbar, and undo or redo, which report what they did. */
export function useUndoRedo(setStatus: (message: string) => void, reportError: (error: unknown) => void) {
  const state = useApiQuery('history:state', {});
  const { mutateAsync: undo } = useApiMutation('history:undo');
  const { mutateAsync: redo } = useApiMutation('history:redo');
  const { refetch } = state;
  const run = useCallback(
    async (which: 'undo' | 'redo') => {
      try {
        // The answer says which articles and whether project data changed: the cache refreshes just those.
        const step = await (which === 'undo' ? undo({}) : redo({}));
        setStatus(`${which === 'undo' ? 'Undid' : 'Redid'}: ${step.label}.`);
      } catch (failure) {
        reportError(failure);
        void refetch();
      }
    },
    [redo, refetch, reportError, setStatus, undo],
  );
  return { state: state.data ?? NOTHING, run };
}
