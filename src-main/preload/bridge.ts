import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { MENU_COMMANDS, type MenuCommand, type WorkbenchBridge } from '../../src-shared/bridge';
import { channels, type Transport } from '../../src-shared/contract';
import type { Result } from '../../src-shared/result';
import type { ShellChannel } from '../../src-shared/shell-contract';

/** The parts of `ipcRenderer` the bridge uses. */
export type PreloadIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;
/** Electron's `webUtils.getPathForFile`: '' for a File that no file on disk backs. */
export type PathForFile = (file: never) => string;

/**
 * Builds what the preload exposes as `window.workbench`: typed methods only, each answering a
 * Result (a failed IPC call becomes an `internal` Result instead of a rejected promise).
 * `shell:allow-dropped-paths` is deliberately absent: only `watchDrops` calls it.
 */
export function createBridge(ipc: PreloadIpc, pathForFile: PathForFile): WorkbenchBridge {
  const invoke = (channel: string, input: unknown): Promise<Result<never>> =>
    (ipc.invoke(channel, input) as Promise<Result<never>>).catch((error: unknown) => ({
      ok: false as const,
      error: { code: 'internal' as const, message: `The app's main process did not answer (${error instanceof Error ? error.message : String(error)}). Restart the app if this persists.` },
    }));
  const shell = (channel: Exclude<ShellChannel, 'shell:allow-dropped-paths'>) => (input: unknown) => invoke(channel, input);
  const api = Object.fromEntries(channels.map((channel) => [channel, (input: unknown) => invoke(channel, input)])) as unknown as Transport;

  return {
    api,
    pickImportPaths: shell('shell:pick-import-paths'),
    extractPaths: shell('shell:extract-paths'),
    saveTextFile: shell('shell:save-text-file'),
    setTheme: shell('shell:set-theme'),
    async listDroppedFiles(files) {
      // The page hands over File objects, never path strings; a File the page made itself has no path.
      const paths = files.map((file) => pathOf(pathForFile, file)).filter((path) => path !== '');
      if (paths.length === 0) return { ok: true, value: { paths: [] } };
      return invoke('shell:list-import-paths', { paths });
    },
    onMenuCommand(listener) {
      const relay = (_event: IpcRendererEvent, command: unknown): void => {
        if (MENU_COMMANDS.includes(command as MenuCommand)) listener(command as MenuCommand);
      };
      ipc.on('menu:command', relay);
      return () => void ipc.removeListener('menu:command', relay);
    },
  };
}

/** The bits of a DOM drop event the watcher reads (the preload is compiled without DOM types). */
export interface DropEventLike {
  readonly isTrusted: boolean;
  readonly dataTransfer: { readonly files: ArrayLike<unknown> } | null;
}

export interface DropTarget {
  addEventListener(type: 'drop', listener: (event: DropEventLike) => void, capture: boolean): void;
}

/**
 * Tells the main process which paths the user dropped on the window, so that it may read them.
 * Runs in the preload's isolated world, before the page's own drop handler (capture phase), and
 * counts only events the browser itself dispatched (`isTrusted`): a page script can neither fake
 * such an event nor reach this code or `ipcRenderer`.
 */
export function watchDrops(target: DropTarget, ipc: Pick<PreloadIpc, 'invoke'>, pathForFile: PathForFile): void {
  target.addEventListener(
    'drop',
    (event) => {
      if (!event.isTrusted || !event.dataTransfer) return;
      const paths = Array.from(event.dataTransfer.files, (file) => pathOf(pathForFile, file)).filter((path) => path !== '');
      if (paths.length > 0) void ipc.invoke('shell:allow-dropped-paths', { paths }).catch(() => undefined);
    },
    true,
  );
}

function pathOf(pathForFile: PathForFile, file: unknown): string {
  try {
    return pathForFile(file as never);
  } catch {
    return ''; // not a File at all
  }
}
