import { useCallback, useRef, useState, type DragEvent } from 'react';
import type { ApiClient } from '../api/api-client';
import { filesFromDrop, isImportCandidate } from '../features/import/file-drop';
import type { ImportSource } from '../features/import/import-dialog';

/**
 * Where an import starts: the toolbar's buttons, the menu, or files dropped on the window. The
 * desktop app picks with the system dialog and reads the files itself; the browser uploads them.
 */
export function useImportSource(api: ApiClient, reportError: (error: unknown) => void) {
  const [importing, setImporting] = useState<ImportSource | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const startImport = useCallback((files: File[]) => {
    const candidates = files.filter(isImportCandidate);
    if (candidates.length > 0) setImporting({ kind: 'files', files: candidates });
  }, []);

  const fromPaths = useCallback((paths: string[]) => paths.length > 0 && setImporting({ kind: 'paths', paths }), []);

  const chooseImport = useCallback(
    (kind: 'files' | 'folder') => {
      if (!api.desktopImport) return (kind === 'files' ? fileInput : folderInput).current?.click();
      void api.desktopImport.pick(kind).then(fromPaths, reportError);
    },
    [api, fromPaths, reportError],
  );

  const dropTarget = {
    onDragOver(event: DragEvent) {
      if (event.dataTransfer.types.includes('Files')) event.preventDefault();
    },
    onDrop(event: DragEvent) {
      if (!event.dataTransfer.types.includes('Files')) return;
      event.preventDefault();
      if (api.desktopImport) void api.desktopImport.pathsOfDrop([...event.dataTransfer.files]).then(fromPaths, reportError);
      else void filesFromDrop(event.dataTransfer).then(startImport, reportError);
    },
  };

  return { importing, done: () => setImporting(null), chooseImport, startImport, fileInput, folderInput, dropTarget };
}
