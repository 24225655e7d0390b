import { originOf } from './origin';

/** The parts of an IPC event the check reads (Electron's `IpcMainInvokeEvent` has them). */
export interface SenderEvent {
  sender: unknown;
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * True when an IPC call comes from the main frame of the app's own window showing the app's own
 * page. Anything else (another window, a sub-frame, a page that navigated elsewhere, a frame
 * already gone) is refused before any handler runs.
 */
export function isTrustedSender(event: SenderEvent, window: { webContents: unknown } | null, appOrigin: string): boolean {
  const frame = event.senderFrame;
  if (!window || event.sender !== window.webContents || !frame || frame.parent !== null) return false;
  return originOf(frame.url) === appOrigin;
}
