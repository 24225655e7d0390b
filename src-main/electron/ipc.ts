import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { channels } from '../../src-shared/contract';
import type { Result } from '../../src-shared/result';
import { shellChannels } from '../../src-shared/shell-contract';
import type { Router } from '../api/router';
import { PathAllowList } from './path-allow-list';
import { isTrustedSender } from './sender-check';
import { handleShellCall, type ShellHandlers } from './shell-handlers';

/** The answer to a call from anything but the app's own window. */
export const REFUSED: Result<never> = { ok: false, error: { code: 'forbidden', message: 'This window may not use the workbench API.' } };

export interface IpcSetup {
  router: Router;
  getWindow(): BrowserWindow | null;
  /** `scheme://host[:port]` of the app's own page (app://workbench, or the dev server). */
  appOrigin: string;
  shellHandlers: ShellHandlers;
}

/**
 * Registers one `ipcMain.handle` per contract channel and per shell channel. A call from
 * anything but the main frame of the app's own window, showing the app's own page, is refused
 * before any handler runs. Each window has its own allow-list of paths (dialog choices and
 * drops); it goes away with the window.
 */
export function registerIpc({ router, getWindow, appOrigin, shellHandlers }: IpcSetup): void {
  const allowLists = new WeakMap<object, PathAllowList>();
  const allowListOf = (sender: object): PathAllowList => {
    let list = allowLists.get(sender);
    if (!list) allowLists.set(sender, (list = new PathAllowList()));
    return list;
  };
  const trusted = (event: IpcMainInvokeEvent): boolean => isTrustedSender(event, getWindow(), appOrigin);

  for (const channel of channels) {
    ipcMain.handle(channel, (event, input: unknown) => (trusted(event) ? router.handle(channel, input) : REFUSED));
  }
  for (const channel of shellChannels) {
    ipcMain.handle(channel, (event, input: unknown) =>
      trusted(event) ? handleShellCall(shellHandlers, channel, input, { window: getWindow(), allowList: allowListOf(event.sender) }) : REFUSED,
    );
  }
}
