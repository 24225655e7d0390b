import { protocol } from 'electron';
import { readStaticFile } from '../app/static-files';
import { SECURITY_HEADERS } from '../app/security';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://workbench';

/** Must run before the app is ready: makes app:// a secure, standard origin (not file://). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer at app://workbench/ with the app's CSP and security headers. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'workbench' && request.method === 'GET' ? await readStaticFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    return new Response(new Uint8Array(file.body), { headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType } });
  });
}
