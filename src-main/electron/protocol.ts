import { protocol } from 'electron';
import { readStaticFile } from '../app/static-files';
import { SECURITY_HEADERS } from '../app/security';
import { APP_HOST, APP_SCHEME } from './origin';


/** Must run before the app is ready: makes app:// a secure, standard origin (not file://). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * Answers app:// requests from the built renderer in `rendererDir`, always with the app's CSP and
 * security headers. Only GET on app://workbench is served; a path that would leave the folder
 * (`..`, encoded or not, or an absolute path) is not found. See `readStaticFile`.
 */
export function createAppProtocolHandler(rendererDir: string, log: (message: string, error: unknown) => void = console.error): (request: Request) => Promise<Response> {
  const answer = (status: number, text: string) => new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return answer(400, 'Bad request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return answer(404, 'Not found');
    if (request.method !== 'GET') return answer(405, 'Method not allowed');
    try {
      const file = await readStaticFile(rendererDir, url.pathname);
      if (!file) return answer(404, 'Not found');
      return new Response(new Uint8Array(file.body), { headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType } });
    } catch (error) {
      log(`Could not serve ${url.pathname}:`, error);
      return answer(500, 'The app could not read its own files; reinstall it if this persists.');
    }
  };
}

/** Serves the built renderer at app://workbench/. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}
