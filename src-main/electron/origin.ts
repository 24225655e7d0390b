/** The app's own scheme and host: the renderer is served at app://workbench/ (see protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The `scheme://host[:port]` of an address, or null when it has none (about:blank, data:,
 * javascript:, text that is not a URL).
 *
 * Not `URL.origin`: Node answers "null" for every scheme it does not know, including our own
 * `app://workbench`, so comparing `.origin` would refuse the app's own window (and accept
 * nothing but the dev server).
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
}
