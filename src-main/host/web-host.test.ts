import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Router } from '../api/router';
import { tempDir } from '../store/test-helpers';
import { startWebHost, type WebHost, type WebHostOptions } from './web-host';

const hosts: WebHost[] = [];
afterEach(async () => Promise.all(hosts.splice(0).map((h) => h.close())));

const calls: { channel: string; input: unknown }[] = [];
const router: Router = {
  async handle(channel, input) {
    calls.push({ channel, input });
    return { ok: true, value: { echoed: input } };
  },
};

let lastRendererDir = '';

async function start(overrides: Partial<WebHostOptions> = {}): Promise<WebHost> {
  const rendererDir = join(await tempDir('renderer-'), 'renderer');
  await mkdir(rendererDir);
  lastRendererDir = rendererDir;
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Workbench</title>');
  await mkdir(join(rendererDir, 'assets'));
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const host = await startWebHost({ router, rendererDir, port: 0, ...overrides });
  hosts.push(host);
  calls.length = 0;
  return host;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP, so that Host and Origin can be forged as an attacker would. */
function send(host: WebHost, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, method: options.method ?? 'GET', path: options.path, headers: options.headers, setHost: !options.headers?.Host },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function api(host: WebHost, headers: Record<string, string>, body = '{}'): Promise<Reply> {
  return send(host, { method: 'POST', path: '/api/articles:list', headers: { 'Content-Type': 'application/json', ...headers }, body });
}

describe('web host', () => {
  it('prints an address on 127.0.0.1 with the token in the fragment', async () => {
    const host = await start();
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers an API call that carries the token', async () => {
    const host = await start();
    const reply = await api(host, { Authorization: `Bearer ${host.token}` }, '{"a":1}');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { echoed: { a: 1 } } });
    expect(calls).toEqual([{ channel: 'articles:list', input: { a: 1 } }]);
  });

  it('refuses an API call without a token or with a wrong one', async () => {
    const host = await start();
    for (const headers of [{} as Record<string, string>, { Authorization: 'Bearer wrong' }, { Authorization: host.token }, { Authorization: `Bearer ${host.token}x` }]) {
      const reply = await api(host, headers);
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(calls).toEqual([]);
  });

  it('refuses a request from a foreign Origin even with the right token', async () => {
    const host = await start();
    const reply = await api(host, { Authorization: `Bearer ${host.token}`, Origin: 'https://evil.example' });
    expect(reply.status).toBe(403);
    const sameOrigin = await api(host, { Authorization: `Bearer ${host.token}`, Origin: `http://localhost:${host.port}` });
    expect(sameOrigin.status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it('refuses a forged Host (DNS rebinding), for pages and API alike', async () => {
    const host = await start();
    for (const forged of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, '127.0.0.1']) {
      expect((await api(host, { Authorization: `Bearer ${host.token}`, Host: forged })).status).toBe(403);
      expect((await send(host, { path: '/', headers: { Host: forged } })).status).toBe(403);
    }
    expect((await send(host, { path: '/', headers: { Host: `localhost:${host.port}` } })).status).toBe(200);
    expect(calls).toEqual([]);
  });

  it('refuses a body that is not JSON, a form post, and a GET on the API', async () => {
    const host = await start();
    const auth = { Authorization: `Bearer ${host.token}` };
    expect((await api(host, auth, '{not json')).status).toBe(400);
    const form = await send(host, { method: 'POST', path: '/api/articles:list', headers: { ...auth, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(form.status).toBe(415);
    expect((await send(host, { path: '/api/articles:list', headers: auth })).status).toBe(405);
    expect(calls).toEqual([]);
  });

  it('refuses a body over the size limit without reading it all', async () => {
    const host = await start();
    // Declares 100 MB but sends nothing: the host must answer from the header alone.
    const reply = await send(host, {
      method: 'POST',
      path: '/api/articles:create',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', 'Content-Length': String(100 * 1024 * 1024) },
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(calls).toEqual([]);
  });

  it('caps the request bodies held at once: a large upload over the budget gets 503 with Retry-After', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let entered!: () => void;
    const first = new Promise<void>((resolve) => (entered = resolve));
    // Uploads wait in the router (as a slow import would), holding their bodies.
    const slow: Router = {
      async handle(channel, input) {
        if (channel === 'import:extract') {
          entered();
          await gate;
        }
        return router.handle(channel, input);
      },
    };
    const host = await start({ router: slow, maxInFlightBodyBytes: 1_000_000 });
    const headers = { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' };
    const upload = (bytes: number) => {
      const body = JSON.stringify({ pad: 'x'.repeat(bytes) });
      return send(host, { method: 'POST', path: '/api/import:extract', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) }, body });
    };

    const a = upload(600_000);
    await first;
    const b = await upload(600_000);
    expect(b.status).toBe(503);
    expect(b.headers['retry-after']).toBe('5');
    expect(JSON.parse(b.body)).toEqual({ ok: false, error: { code: 'busy', message: expect.stringContaining('Try again in 5 seconds') } });
    // Small calls still fit beside the upload in flight.
    expect((await api(host, { Authorization: `Bearer ${host.token}` })).status).toBe(200);
    // A chunked body (no Content-Length) is counted as it arrives.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, method: 'POST', path: '/api/import:extract', headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('{"pad":"');
      for (let i = 0; i < 5; i++) req.write('y'.repeat(100_000));
      req.end('"}');
    });
    expect(chunked).toBe(503);

    open();
    expect((await a).status).toBe(200);
    // Once the first answer is sent its bytes are free again.
    expect((await upload(900_000)).status).toBe(200);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const host = await start();
    const page = await send(host, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await send(host, { path: '/assets/app.js' })).headers['content-type']).toContain('javascript');
    await writeFile(join(lastRendererDir, '..', 'secret.json'), '{"secret":"outside the renderer"}');
    for (const path of ['/../secret.json', '/%2e%2e/secret.json', '/assets/..%2f..%2fsecret.json', '/..%5csecret.json', '/assets/%2e%2e%5c..%5csecret.json']) {
      const reply = await send(host, { path });
      expect(reply.body, path).not.toContain('outside the renderer');
    }
    expect((await send(host, { path: '/nope.js' })).status).toBe(404);
  });

  it('stops listening when closed', async () => {
    const host = await start();
    await host.close();
    hosts.splice(hosts.indexOf(host), 1);
    await expect(send(host, { path: '/' })).rejects.toThrow();
  });
});
