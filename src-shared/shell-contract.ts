/**
 * The desktop shell's own channels (`shell:*`): what only the Electron app can do (system
 * dialogs, reading files the user chose). Like `contract.ts`, each channel names a zod input
 * schema, which the shell validates on every call, and an output schema; answers are `Result`s,
 * never thrown errors. Kept apart from `contract.ts` because the web host never carries them.
 *
 * File paths are not trusted because they are well formed: the shell reads or lists a path only
 * if the window got it from the shell's own open dialog or from a real drop (see
 * docs/architecture.md, "The Electron shell").
 */
import { z } from 'zod';
import { channelNames, hasChannel, type SpecInput, type SpecOutput, type SpecParsedInput, type SpecResult } from './channel-spec';
import { contract } from './contract';
import { importEncodingSchema } from './domain/import-format';

/** An absolute file-system path as the operating system gave it. */
const pathSchema = z.string().min(1).max(4096).refine((path) => !path.includes('\0'), 'A path may not contain a NUL character');

export const shellContract = {
  /**
   * Shows the system open dialog for files or a folder. What the user chooses becomes readable
   * for this window; the answer is the files to import (a folder's files, recursively, hidden
   * ones skipped), or none when the dialog was cancelled.
   */
  'shell:pick-import-paths': {
    input: z.object({ kind: z.enum(['files', 'folder']) }).strict(),
    output: z.object({ paths: z.array(z.string()) }),
  },

  /**
   * Called by the preload only, never exposed to the page: the paths of the files and folders in
   * a real (trusted) drop event, which become readable for this window.
   */
  'shell:allow-dropped-paths': {
    input: z.object({ paths: z.array(pathSchema).max(1_000) }).strict(),
    output: z.object({ allowed: z.number().int() }),
  },

  /**
   * Expands paths into the files to import (folders recursively, hidden entries and links out of
   * the folder skipped). Refused with `forbidden` when a path did not come from this window's
   * dialog or a drop.
   */
  'shell:list-import-paths': {
    input: z.object({ paths: z.array(pathSchema).max(10_000) }).strict(),
    output: z.object({ paths: z.array(z.string()) }),
  },

  /**
   * Reads up to 20 files by path and extracts them into drafts, as `import:extract` does for
   * uploaded bytes. Refused with `forbidden` when a path did not come from this window's dialog
   * or a drop (or is a link leading out of what was chosen). `encodings` forces the decoding of
   * the text or HTML file at a path, as a file's `encoding` does for `import:extract`.
   */
  'shell:extract-paths': {
    input: z.object({ paths: z.array(pathSchema).min(1).max(20), encodings: z.record(pathSchema, importEncodingSchema).optional() }).strict(),
    output: contract['import:extract'].output,
  },

  /**
   * Lets the user keep a text file: a save dialog suggests `suggestedName`, the user picks the
   * real path, and the content is written durably before the answer comes back.
   */
  'shell:save-text-file': {
    input: z.object({ suggestedName: z.string().max(300), content: z.string().max(200 * 1024 * 1024) }).strict(),
    output: z.union([z.object({ saved: z.literal(true), path: z.string() }), z.object({ saved: z.literal(false) })]),
  },

  /**
   * The theme the user chose in the window (System, Light or Dark), given to Electron's
   * `nativeTheme.themeSource`, so that native parts (menus, scroll bars, dialogs) and the page's
   * `prefers-color-scheme` agree with it. Answers the source now in force.
   */
  'shell:set-theme': {
    input: z.object({ source: z.enum(['system', 'light', 'dark']) }).strict(),
    output: z.object({ source: z.enum(['system', 'light', 'dark']) }),
  },
} as const;

export type ShellContract = typeof shellContract;
export type ShellChannel = keyof ShellContract;
/** What a caller passes. */
export type ShellInput<C extends ShellChannel> = SpecInput<ShellContract[C]>;
/** What a handler receives (validated). */
export type ShellParsedInput<C extends ShellChannel> = SpecParsedInput<ShellContract[C]>;
export type ShellOutput<C extends ShellChannel> = SpecOutput<ShellContract[C]>;
export type ShellResult<C extends ShellChannel> = SpecResult<ShellContract[C]>;

export const shellChannels: ShellChannel[] = channelNames(shellContract);

export function isShellChannel(name: string): name is ShellChannel {
  return hasChannel(shellContract, name);
}
