import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Router } from '../api/router';
import type { ErrorCode, Result } from '../../src-shared/result';
import { SECURITY_HEADERS } from '../app/security';
import { readStaticFile } from '../app/static-files';
import { BodyBudget, type BodyLease } from './body-budget';

/** Largest API request body: an imported file of 50 MB, base64-encoded in JSON, fits. */
export const MAX_BODY_BYTES = 80 * 1024 * 1024;

/**
 * Request bodies held at once, all requests together: one largest upload and room for the small
 * calls the interface makes meanwhile. A request that would go past it is answered 503 with
 * Retry-After instead of being read.
 */
export const MAX_IN_FLIGHT_BODY_BYTES = MAX_BODY_BYTES + 16 * 1024 * 1024;

/** Seconds a refused request is asked to wait before trying again. */
const BUSY_RETRY_SECONDS = 5;

export interface WebHostOptions {
  router: Router;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Fixed only in tests; a fresh random token per launch otherwise. */
  token?: string;
  /** Smaller only in tests; MAX_IN_FLIGHT_BODY_BYTES otherwise. */
  maxInFlightBodyBytes?: number;
}

export interface WebHost {
  port: number;
  token: string;
  /** The address to open, with the token in the fragment (never sent to the server in requests). */
  url: string;
  close(): Promise<void>;
}

const STATUS: Record<ErrorCode, number> = {
  'invalid-input': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'unknown-channel': 404,
  conflict: 409,
  'too-large': 413,
  busy: 503,
  'disk-full': 507,
  'permission-denied': 500,
  'read-only': 500,
  offline: 502,
  internal: 500,
};

/**
 * Serves the renderer and the API on 127.0.0.1 only. Every request must name this host and
 * port in `Host` (defeats DNS rebinding) and may not come from a foreign `Origin` (defeats
 * cross-site requests); every API call must carry the launch token.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const tokenDigest = sha256(token);
  const budget = new BodyBudget(options.maxInFlightBodyBytes ?? MAX_IN_FLIGHT_BODY_BYTES);
  let port = options.port;

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('Web host request failed:', error);
      if (!response.headersSent) sendResult(response, 500, failure('internal', 'The web host failed to answer. See its log.'));
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(request.headers.host ?? '')) {
      return sendResult(response, 403, failure('forbidden', 'This server only answers requests addressed to 127.0.0.1 or localhost on its own port.'));
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) {
      return sendResult(response, 403, failure('forbidden', 'Requests from other web sites are refused.'));
    }
    const url = new URL(request.url ?? '/', `http://${allowedHosts[0]}`);
    if (url.pathname.startsWith('/api/')) return handleApi(request, response, url.pathname.slice('/api/'.length));
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', ...SECURITY_HEADERS }).end();
      return;
    }
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('Not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': file.contentType, 'Cache-Control': 'no-cache', ...SECURITY_HEADERS });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, channel: string): Promise<void> {
    if (request.method !== 'POST') {
      response.setHeader('Allow', 'POST');
      return sendResult(response, 405, failure('invalid-input', 'API calls must use POST.'));
    }
    if (!hasToken(request.headers.authorization)) {
      request.resume();
      return sendResult(response, 401, failure('unauthorized', 'Missing or wrong access token. Open the address the web host printed, including its #token part.'));
    }
    if (!/^application\/json(;|$)/i.test(request.headers['content-type'] ?? '')) {
      request.resume();
      return sendResult(response, 415, failure('invalid-input', 'API calls must send a JSON body (Content-Type: application/json).'));
    }
    // The body's bytes stay leased until the answer is sent: parsing and handling hold them too.
    const lease = budget.lease();
    response.once('close', lease.release);
    const body = await readBody(request, lease);
    if (body === 'too-large') {
      return sendResult(response, 413, failure('too-large', 'The request is larger than 80 MB. Files are limited to 50 MB each; import large batches a few files at a time.'));
    }
    if (body === 'busy') {
      response.setHeader('Retry-After', String(BUSY_RETRY_SECONDS));
      return sendResult(
        response,
        503,
        failure('busy', `The workbench is still receiving other large requests (imports). Try again in ${BUSY_RETRY_SECONDS} seconds, and import large files a few at a time.`),
      );
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendResult(response, 400, failure('invalid-input', 'The request body is not valid JSON.'));
    }
    let name: string;
    try {
      name = decodeURIComponent(channel);
    } catch {
      return sendResult(response, 400, failure('invalid-input', 'The API channel name is not valid.'));
    }
    const result = await options.router.handle(name, input);
    sendResult(response, result.ok ? 200 : STATUS[result.error.code], result);
  }

  function hasToken(header: string | undefined): boolean {
    const match = /^Bearer (\S+)$/.exec(header ?? '');
    // Comparing fixed-length digests keeps the comparison constant-time whatever is sent.
    return match !== null && timingSafeEqual(sha256(match[1]!), tokenDigest);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function sendResult(response: ServerResponse, status: number, result: Result<unknown>): void {
  const body = JSON.stringify(result);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...SECURITY_HEADERS,
  });
  response.end(body);
}

function readBody(request: IncomingMessage, lease: BodyLease): Promise<Buffer | 'too-large' | 'busy'> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    // Drain what is left unread (so the answer can be sent on the same connection) without keeping it.
    const refuse = (why: 'too-large' | 'busy') => {
      request.removeAllListeners('data');
      request.resume();
      resolve(why);
    };
    if (declared > MAX_BODY_BYTES) return refuse('too-large');
    // A declared length is leased whole before a byte is read; a chunked body as it arrives.
    if (!lease.grow(declared)) return refuse('busy');
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) return refuse('too-large');
      if (!lease.grow(size)) return refuse('busy');
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
