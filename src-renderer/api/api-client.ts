import type { MenuCommand } from '../../src-shared/bridge';
import type { Channel, ChannelInput, ChannelOutput } from '../../src-shared/contract';
import type { ImportEncoding } from '../../src-shared/domain/import-format';
import type { ErrorCode } from '../../src-shared/result';

/** A failed call, with the message meant for the user. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type SaveOutcome = { kind: 'saved'; path: string } | { kind: 'downloaded'; fileName: string } | { kind: 'cancelled' };

/**
 * Everything the renderer may ask of the outside world. Feature code depends on this interface
 * only; whether Electron IPC or the web host's HTTP API sits behind it is decided once at start.
 */
export interface ApiClient {
  readonly mode: 'desktop' | 'web';
  /** Calls a contract channel; resolves with its value or rejects with an ApiError. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Lets the user keep a text file: a save dialog on the desktop, a download in the browser. */
  saveTextFile(suggestedName: string, content: string, mimeType: string): Promise<SaveOutcome>;
  /**
   * Desktop only: import through the main process, which reads the files from the paths its
   * dialog or a drop gives. Absent in the browser, which uploads the files' bytes instead.
   */
  readonly desktopImport?: {
    pick(kind: 'files' | 'folder'): Promise<string[]>;
    pathsOfDrop(files: File[]): Promise<string[]>;
    /** `encodings` forces the decoding of the text or HTML file at a path (the review table's choice). */
    extract(paths: string[], encodings?: Record<string, ImportEncoding>): Promise<ChannelOutput<'import:extract'>>;
  };
  /**
   * Desktop only: tells the shell the theme the user chose, for Electron's native theme (menus,
   * scroll bars, dialogs). Absent in the browser, where the page's own tokens are all there is.
   */
  setNativeTheme?(source: 'system' | 'light' | 'dark'): Promise<void>;
  /** Commands from the native menu (desktop only; a no-op in the browser). */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
