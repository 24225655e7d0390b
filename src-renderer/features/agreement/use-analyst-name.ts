import { useApiQuery } from '../../api/queries';

/** The analyst's name from the app's settings (null while they load). */
export function useAnalystName(): string | null {
  return useApiQuery('settings:get', {}).data?.author.name ?? null;
}
