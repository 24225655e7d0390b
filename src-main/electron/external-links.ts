import type { BrowserWindow, MessageBoxOptions, MessageBoxReturnValue } from 'electron';

/** The only kinds of address the app hands to another program. */
const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/** Longer addresses are refused: a dialog cannot show them whole, and no article link needs one. */
const MAX_ADDRESS = 2048;

/**
 * The address as it would be opened (normalised by the URL parser, so what the dialog shows is
 * exactly what is opened), or null when it may not leave the app: any scheme but http, https and
 * mailto (file:, javascript:, custom app schemes), a web address without a host, or one with a
 * user name or password (`https://bank.example@evil.example` reads like the bank).
 */
export function externalAddress(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(parsed.protocol)) return null;
  if (parsed.protocol !== 'mailto:' && (!parsed.hostname || parsed.username || parsed.password)) return null;
  if (parsed.protocol === 'mailto:' && parsed.pathname === '') return null;
  return parsed.href.length <= MAX_ADDRESS ? parsed.href : null;
}

export interface ExternalOpenerDeps {
  /** Electron's `dialog.showMessageBox`, attached to `window` when there is one. */
  showMessageBox(window: BrowserWindow | null, options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
  /** Electron's `shell.openExternal`. */
  openExternal(url: string): Promise<void>;
  getWindow(): BrowserWindow | null;
}

export type ExternalOutcome = 'opened' | 'cancelled' | 'refused' | 'busy';

/**
 * Opens a link in the system's browser or mail program, only after the user confirmed it in a
 * dialog showing the full address. One question at a time: a page that asks again while a
 * dialog is open is ignored, so it cannot pile up dialogs until one is confirmed by accident.
 */
export function createExternalOpener(deps: ExternalOpenerDeps): (url: string) => Promise<ExternalOutcome> {
  let asking = false;
  return async (url) => {
    const address = externalAddress(url);
    if (address === null) return 'refused';
    if (asking) return 'busy';
    asking = true;
    try {
      const mail = address.startsWith('mailto:');
      const answer = await deps.showMessageBox(deps.getWindow(), {
        type: 'question',
        buttons: ['Cancel', mail ? 'Write email' : 'Open in browser'],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
        title: 'Leave Analyst Workbench?',
        message: mail ? 'Write an email to this address in your mail program?' : 'Open this address in your web browser?',
        detail: address,
      });
      if (answer.response !== 1) return 'cancelled';
      await deps.openExternal(address);
      return 'opened';
    } finally {
      asking = false;
    }
  };
}
