import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

/**
 * A large project opens from its summary cache and checks its article files in the background
 * (`project:info` says `checking`). A file edited while the project was closed may change what
 * the views show, so when the check ends every answer is asked for again.
 */
export function useCheckedFiles(checking: boolean | undefined): void {
  const queryClient = useQueryClient();
  const was = useRef(false);
  useEffect(() => {
    if (was.current && checking === false) void queryClient.invalidateQueries();
    was.current = checking === true;
  }, [checking, queryClient]);
}
