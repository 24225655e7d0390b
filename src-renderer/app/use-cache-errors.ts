import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

/**
 * Ties the query cache to the app's error banner: a read that fails shows why, and any change
 * that succeeds clears the banner (as the next success did before there was a cache).
 */
export function useCacheErrors(report: (error: unknown) => void, clear: () => void): void {
  const client = useQueryClient();
  useEffect(() => {
    const queries = client.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') report(event.action.error);
    });
    const mutations = client.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'success') clear();
    });
    return () => {
      queries();
      mutations();
    };
  }, [client, report, clear]);
}
