import type { ChannelResult, Transport } from './contract';

/** Commands the native menu sends to the window. The preload passes on only these. */
export const MENU_COMMANDS = ['new-article', 'import-files', 'export-markdown', 'show-shortcuts', 'undo', 'redo'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface SaveTextFileRequest {
  /** Suggested file name; the user picks the real path in the save dialog. */
  suggestedName: string;
  content: string;
}

export type SaveTextFileResult = { saved: true; path: string } | { saved: false };

/**
 * What Electron's preload puts on `window.workbench`: the contract's channels, one typed
 * method each, plus the two things only a desktop shell can do. Never `ipcRenderer` itself.
 */
export interface WorkbenchBridge {
  api: Transport;
  /** Opens the system dialog; returns the chosen files (a folder's files, recursively). */
  pickImportPaths(kind: 'files' | 'folder'): Promise<string[]>;
  /** The file system path of a dropped file or folder. */
  /** (A DOM File; typed loosely because this module has no DOM types.) */
  pathForFile(file: object): string;
  /** Expands dropped paths (folders recursively) into the files to import. */
  listImportPaths(paths: string[]): Promise<string[]>;
  /** Extracts up to 20 files, read by the main process from their paths, into drafts. */
  extractPaths(paths: string[]): Promise<ChannelResult<'import:extract'>>;
  saveTextFile(request: SaveTextFileRequest): Promise<SaveTextFileResult>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
