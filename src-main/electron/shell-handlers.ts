import type { BrowserWindow, OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { ZodError } from 'zod';
import { PICKER_EXTENSIONS, type ImportEncoding } from '../../src-shared/domain/import-format';
import { reportFileName } from '../../src-shared/report/article-markdown';
import { AppError, type Result } from '../../src-shared/result';
import { isShellChannel, shellContract, type ShellChannel, type ShellOutput, type ShellParsedInput } from '../../src-shared/shell-contract';
import { describeIssues } from '../api/router';
import { listImportFiles, readForImport } from './import-paths';
import type { PathAllowList } from './path-allow-list';

/** The kinds of file the app writes, by extension; anything else is saved as .txt. */
const FILE_KINDS: Record<string, string> = { md: 'Markdown', csv: 'CSV table', json: 'Analyst Workbench project', jsonld: 'W3C Web Annotation (JSON-LD)', txt: 'Text' };


/** The system dialogs the handlers use (Electron's `dialog`, or a fake in tests). */
export interface ShellDialogs {
  showOpenDialog(window: BrowserWindow, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showSaveDialog(window: BrowserWindow, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
}

/** What the shell handlers need from outside, passed in so that tests can give fakes. */
export interface ShellDeps {
  dialog: ShellDialogs;
  /** Extracts files read from disk into drafts, as `import:extract` does for uploaded bytes. */
  extractFiles(files: { name: string; bytes: Buffer | 'too-large'; encoding?: ImportEncoding | undefined }[]): Promise<ShellOutput<'shell:extract-paths'>>;
  /** Writes a file durably (the store's `writeFileDurable`). */
  writeFile(path: string, content: string): Promise<void>;
  /** Sets Electron's `nativeTheme.themeSource`. */
  setThemeSource(source: 'system' | 'light' | 'dark'): void;
}

/** Who is calling: the window the call came from (null once closed) and its allowed paths. */
export interface ShellCallContext {
  window: BrowserWindow | null;
  allowList: PathAllowList;
}

export type ShellHandlers = { [C in ShellChannel]: (input: ShellParsedInput<C>, context: ShellCallContext) => Promise<ShellOutput<C>> };

export function createShellHandlers(deps: ShellDeps): ShellHandlers {
  return {
    async 'shell:pick-import-paths'({ kind }, { window, allowList }) {
      if (!window) return { paths: [] };
      const choice = await deps.dialog.showOpenDialog(window, {
        title: kind === 'folder' ? 'Import a folder' : 'Import files',
        properties: kind === 'folder' ? ['openDirectory'] : ['openFile', 'multiSelections'],
        filters: kind === 'folder' ? [] : [{ name: 'Articles', extensions: [...PICKER_EXTENSIONS] }],
      });
      if (choice.canceled || choice.filePaths.length === 0) return { paths: [] };
      allowList.allow(choice.filePaths);
      return { paths: await listImportFiles(choice.filePaths, allowList) };
    },

    async 'shell:allow-dropped-paths'({ paths }, { allowList }) {
      return { allowed: allowList.allow(paths) };
    },

    async 'shell:list-import-paths'({ paths }, { allowList }) {
      return { paths: await listImportFiles(paths, allowList) };
    },

    async 'shell:extract-paths'({ paths, encodings }, { allowList }) {
      const files = await readForImport(paths, allowList);
      // readForImport answers in the order of `paths`, one file each.
      return deps.extractFiles(files.map((file, i) => {
        const encoding = encodings?.[paths[i]!];
        return encoding ? { ...file, encoding } : file;
      }));
    },

    async 'shell:save-text-file'({ suggestedName, content }, { window }) {
      if (!window) return { saved: false };
      const wanted = suggestedName.split('.').pop()?.toLowerCase() ?? '';
      const extension = wanted in FILE_KINDS ? wanted : 'txt';
      const choice = await deps.dialog.showSaveDialog(window, {
        defaultPath: reportFileName(suggestedName.replace(/\.[a-z0-9]+$/i, ''), extension),
        filters: [{ name: FILE_KINDS[extension] ?? 'Text', extensions: [extension] }],
      });
      if (choice.canceled || !choice.filePath) return { saved: false };
      await deps.writeFile(choice.filePath, content);
      return { saved: true, path: choice.filePath };
    },

    async 'shell:set-theme'({ source }) {
      deps.setThemeSource(source);
      return { source };
    },
  };
}

/**
 * Validates `raw` against the channel's schema and runs its handler. Never throws: every
 * outcome is a Result, with a message a person can act on.
 */
export async function handleShellCall(
  handlers: ShellHandlers,
  channel: string,
  raw: unknown,
  context: ShellCallContext,
  log: (message: string, error: unknown) => void = console.error,
): Promise<Result<unknown>> {
  if (!isShellChannel(channel)) return { ok: false, error: { code: 'unknown-channel', message: `There is no shell channel named "${channel}".` } };
  const parsed = shellContract[channel].input.safeParse(raw);
  if (!parsed.success) return { ok: false, error: { code: 'invalid-input', message: describeIssues(parsed.error) } };
  try {
    const run = handlers[channel] as (input: unknown, context: ShellCallContext) => Promise<unknown>;
    return { ok: true, value: await run(parsed.data, context) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } };
    if (error instanceof ZodError) return { ok: false, error: { code: 'invalid-input', message: describeIssues(error) } };
    log(`Shell channel ${channel} failed:`, error);
    return { ok: false, error: { code: 'internal', message: failureMessage(channel, error) } };
  }
}

/** Says which step failed and why, in words; file-system codes are named, not shown raw. */
function failureMessage(channel: ShellChannel, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason =
    code === 'ENOENT'
      ? 'a file or folder no longer exists'
      : code === 'EACCES' || code === 'EPERM'
        ? 'the system refused access (permission denied)'
        : code === 'ENOSPC'
          ? 'the disk is full'
          : code === 'EROFS'
            ? 'the disk is read-only'
            : error instanceof Error
              ? error.message
              : String(error);
  const step = channel === 'shell:save-text-file' ? 'The file could not be saved' : 'The files could not be read';
  const next = channel === 'shell:save-text-file' ? 'Choose another folder or free some space, then try again.' : 'Check the files and try again.';
  return `${step}: ${reason}. ${next}`;
}
