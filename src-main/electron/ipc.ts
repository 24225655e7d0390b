import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import type { Router } from '../api/router';
import { channels } from '../../src-shared/contract';
import { PICKER_EXTENSIONS } from '../../src-shared/domain/import-format';
import { reportFileName } from '../../src-shared/report/article-markdown';
import { listImportFiles, readForImport } from './import-paths';

/** The kinds of file the app writes, by extension; anything else is saved as .txt. */
const FILE_KINDS: Record<string, string> = { md: 'Markdown', csv: 'CSV table', json: 'Analyst Workbench project', jsonld: 'W3C Web Annotation (JSON-LD)', txt: 'Text' };

const saveTextFileSchema = z.object({ suggestedName: z.string().max(300), content: z.string().max(200 * 1024 * 1024) }).strict();

/**
 * Registers one `ipcMain.handle` per contract channel. A call from anything but the main frame
 * of the app's own window, showing the app's own page, is refused before any handler runs.
 */
export interface ShellServices {
  /** Extracts files read from disk into drafts, as `import:extract` does for uploaded bytes. */
  extractFiles(files: { name: string; bytes: Buffer | 'too-large' }[]): Promise<unknown>;
  /** Writes a file the user chose in the save dialog, durably. */
  writeTextFile(path: string, content: string): Promise<void>;
}

export function registerIpc(router: Router, getWindow: () => BrowserWindow | null, appOrigin: string, services: ShellServices): void {
  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const window = getWindow();
    const frame = event.senderFrame;
    if (!window || event.sender !== window.webContents || !frame || frame.parent !== null) return false;
    try {
      return new URL(frame.url).origin === appOrigin;
    } catch {
      return false;
    }
  };
  const refused = { ok: false, error: { code: 'forbidden', message: 'This window may not use the workbench API.' } } as const;

  for (const channel of channels) {
    ipcMain.handle(channel, (event, input: unknown) => (trusted(event) ? router.handle(channel, input) : refused));
  }

  // Import: the main process reads the files from the paths the dialog or a drop gave.
  ipcMain.handle('shell:pick-import-paths', async (event, raw: unknown) => {
    if (!trusted(event)) throw new Error(refused.error.message);
    const kind = z.enum(['files', 'folder']).parse(raw);
    const window = getWindow();
    if (!window) return [];
    const choice = await dialog.showOpenDialog(window, {
      title: kind === 'folder' ? 'Import a folder' : 'Import files',
      properties: kind === 'folder' ? ['openDirectory'] : ['openFile', 'multiSelections'],
      filters: kind === 'folder' ? [] : [{ name: 'Articles', extensions: [...PICKER_EXTENSIONS] }],
    });
    return choice.canceled ? [] : listImportFiles(choice.filePaths);
  });
  ipcMain.handle('shell:list-import-paths', async (event, raw: unknown) => {
    if (!trusted(event)) throw new Error(refused.error.message);
    return listImportFiles(z.array(z.string().max(4096)).max(10_000).parse(raw));
  });
  ipcMain.handle('shell:extract-paths', async (event, raw: unknown) => {
    if (!trusted(event)) throw new Error(refused.error.message);
    const paths = z.array(z.string().max(4096)).min(1).max(20).parse(raw);
    try {
      return { ok: true, value: await services.extractFiles(await readForImport(paths)) };
    } catch (error) {
      return { ok: false, error: { code: 'invalid-input', message: `Could not read the files: ${(error as Error).message}` } };
    }
  });

  ipcMain.handle('shell:save-text-file', async (event, raw: unknown) => {
    if (!trusted(event)) throw new Error(refused.error.message);
    const request = saveTextFileSchema.parse(raw);
    const window = getWindow();
    if (!window) return { saved: false };
    const wanted = request.suggestedName.split('.').pop()?.toLowerCase() ?? '';
    const extension = wanted in FILE_KINDS ? wanted : 'txt';
    const choice = await dialog.showSaveDialog(window, {
      defaultPath: reportFileName(request.suggestedName.replace(/\.[a-z0-9]+$/i, ''), extension),
      filters: [{ name: FILE_KINDS[extension] ?? 'Text', extensions: [extension] }],
    });
    if (choice.canceled || !choice.filePath) return { saved: false };
    await services.writeTextFile(choice.filePath, request.content);
    return { saved: true, path: choice.filePath };
  });
}
