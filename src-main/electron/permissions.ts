import type { Session } from 'electron';
import { originOf } from './origin';

/** Writing plain text to the clipboard ("Copy as Markdown"); every other permission is refused. */
const GRANTED = new Set(['clipboard-sanitized-write']);

/** True only for a granted permission asked by the app's own origin. */
export function isPermissionGranted(permission: string, requestingUrl: string | undefined, appOrigin: string): boolean {
  return GRANTED.has(permission) && requestingUrl !== undefined && originOf(requestingUrl) === appOrigin;
}

/** For `session.setPermissionRequestHandler`. */
export function permissionRequestHandler(appOrigin: string) {
  return (_contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }): void =>
    callback(isPermissionGranted(permission, details.requestingUrl, appOrigin));
}

/** For `session.setPermissionCheckHandler`. */
export function permissionCheckHandler(appOrigin: string) {
  return (_contents: unknown, permission: string, requestingOrigin: string): boolean => isPermissionGranted(permission, requestingOrigin, appOrigin);
}

/** Installs the handlers on a session; USB, serial and HID devices are refused outright. */
export function installPermissionHandlers(session: Session, appOrigin: string): void {
  session.setPermissionRequestHandler(permissionRequestHandler(appOrigin));
  session.setPermissionCheckHandler(permissionCheckHandler(appOrigin));
  session.setDevicePermissionHandler(() => false);
}
