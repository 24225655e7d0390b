import { useCallback } from 'react';
import { useApi } from '../../api/api-context';
import { useWorkbench } from '../../app/workbench-context';

/** Saves a file the user asked for (dialog or download) and says where it went. */
export function useSaveFile(): (fileName: string, content: string, mimeType: string) => Promise<boolean> {
  const api = useApi();
  const { setStatus } = useWorkbench();
  return useCallback(
    async (fileName, content, mimeType) => {
      const outcome = await api.saveTextFile(fileName, content, mimeType);
      if (outcome.kind === 'saved') setStatus(`Saved ${outcome.path}`);
      else if (outcome.kind === 'downloaded') setStatus(`Downloaded ${outcome.fileName}`);
      return outcome.kind !== 'cancelled';
    },
    [api, setStatus],
  );
}
