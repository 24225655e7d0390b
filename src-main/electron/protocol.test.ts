import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../app/security';
import { APP_ORIGIN } from './origin';

const { protocolMock } = vi.hoisted(() => ({ protocolMock: { handle: vi.fn(), registerSchemesAsPrivileged: vi.fn() } }));
vi.mock('electron', () => ({ protocol: protocolMock }));
const { createAppProtocolHandler, registerAppScheme, serveRenderer } = await import('./protocol');

// <tmp>/renderer is served; <tmp>/secret.txt sits next to it and must never be.
const base = realpathSync(mkdtempSync(join(tmpdir(), 'protocol-')));
const rendererDir = join(base, 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Workbench</title>');
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(base, 'secret.txt'), 'TOP SECRET');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const log = vi.fn();
const handler = createAppProtocolHandler(rendererDir, log);
const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

function expectSecurityHeaders(response: Response) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name)).toBe(value);
  expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
}

describe('the app:// protocol handler', () => {
  it('serves the renderer with its content type and the security headers', async () => {
    const page = await get(`${APP_ORIGIN}/index.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Workbench</title>');
    expectSecurityHeaders(page);
    const script = await get(`${APP_ORIGIN}/assets/app.js`);
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expectSecurityHeaders(script);
  });

  it('answers the page for addresses without an extension (the renderer routes itself)', async () => {
    expect(await (await get(`${APP_ORIGIN}/reader/123`)).text()).toContain('<title>Workbench</title>');
  });

  it.each([
    ['../', `${APP_ORIGIN}/../secret.txt`],
    ['encoded ../', `${APP_ORIGIN}/%2e%2e/secret.txt`],
    ['encoded ..%2f', `${APP_ORIGIN}/assets/..%2f..%2fsecret.txt`],
    ['encoded backslashes', `${APP_ORIGIN}/..%5c..%5csecret.txt`],
    ['double-encoded', `${APP_ORIGIN}/%252e%252e/secret.txt`],
    ['an absolute path', `${APP_ORIGIN}/${encodeURIComponent(join(base, 'secret.txt'))}`],
    ['an absolute path with two slashes', `${APP_ORIGIN}//${join(base, 'secret.txt')}`],
    ['a NUL byte', `${APP_ORIGIN}/index.html%00.js`],
    ['malformed escapes', `${APP_ORIGIN}/%E0%A4%A.js`],
  ])('never serves a file outside the renderer: %s', async (_label, url) => {
    const response = await get(url);
    expect(await response.text()).not.toContain('TOP SECRET');
    expect(response.status).toBe(404);
    expectSecurityHeaders(response);
  });

  it('serves only GET on app://workbench', async () => {
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    const post = await get(`${APP_ORIGIN}/index.html`, 'POST');
    expect(post.status).toBe(405);
    expectSecurityHeaders(post);
  });

  it('answers 404 for a missing file with an extension', async () => {
    expect((await get(`${APP_ORIGIN}/assets/missing.js`)).status).toBe(404);
  });

  it('registers app:// as a secure standard scheme and serves through protocol.handle', () => {
    registerAppScheme();
    expect(protocolMock.registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    serveRenderer(rendererDir);
    expect(protocolMock.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});
