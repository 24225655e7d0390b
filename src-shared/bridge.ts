import type { Transport } from './contract';
import type { ShellInput, ShellResult } from './shell-contract';

/** Commands the native menu sends to the window. The preload passes on only these. */
export const MENU_COMMANDS = ['new-article', 'import-files', 'export-markdown', 'show-shortcuts', 'undo', 'redo', 'settings'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * What Electron's preload puts on `window.workbench`: the contract's channels, one typed method
 * each, plus the shell's own calls (`shell-contract.ts`), each answering a `Result`. Never
 * `ipcRenderer` itself, and no way to name a path the user did not choose or drop.
 */
export interface WorkbenchBridge {
  api: Transport;
  /** Opens the system dialog; answers the chosen files (a folder's files, recursively). */
  pickImportPaths(input: ShellInput<'shell:pick-import-paths'>): Promise<ShellResult<'shell:pick-import-paths'>>;
  /**
   * Expands dropped files and folders (DOM `File`s from the drop event; typed loosely because
   * this module has no DOM types) into the files to import. Only files of a real drop pass.
   */
  listDroppedFiles(files: readonly object[]): Promise<ShellResult<'shell:list-import-paths'>>;
  /** Extracts up to 20 files, read by the main process from their paths, into drafts. */
  extractPaths(input: ShellInput<'shell:extract-paths'>): Promise<ShellResult<'shell:extract-paths'>>;
  /** Shows the save dialog and writes the file where the user chose. */
  saveTextFile(input: ShellInput<'shell:save-text-file'>): Promise<ShellResult<'shell:save-text-file'>>;
  /** Relays the native menu's commands; returns the function that stops relaying. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
