import { spawn, execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HTTP_BACKEND = '/usr/lib/git-core/git-http-backend';

/** A real Git smart-HTTP server for tests: Git's own `git http-backend` behind basic auth. */
export interface TestGitServer {
  /** The repository's address, e.g. http://127.0.0.1:41234/project.git (no credentials). */
  url: string;
  username: string;
  password: string;
  /** The bare repository on disk. */
  bareDir: string;
  /** Kills the server the moment the next push starts sending its pack (a push cut off mid-way). */
  killOnNextPush(): void;
  /** Stops answering (connections refused) until `start` is called again. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  /** The commit the bare repository's `main` points at, or null. */
  head(): string | null;
  close(): Promise<void>;
}

/**
 * Starts `git http-backend` (CGI) behind a Node HTTP server on 127.0.0.1 and a random port, with
 * one bare repository that accepts pushes (`http.receivepack`), guarded by basic auth.
 */
export async function startTestGitServer(options: { username?: string; password?: string } = {}): Promise<TestGitServer> {
  const username = options.username ?? 'analyst';
  const password = options.password ?? 'secret-token';
  const root = await mkdtemp(join(tmpdir(), 'git-server-'));
  const bareDir = join(root, 'project.git');
  execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', bareDir]);
  execFileSync('git', ['config', 'http.receivepack', 'true'], { cwd: bareDir });
  let killNext = false;
  const sockets = new Set<Socket>();
  const expected = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.headers.authorization !== expected) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' }).end('Unauthorized');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const pushing = req.method === 'POST' && url.pathname.endsWith('/git-receive-pack');
    if (pushing && killNext) {
      killNext = false;
      // Read a little of the pack, then drop every connection and stop listening: a server killed mid-push.
      req.once('data', () => {
        void server.stop();
      });
      return;
    }
    const child = spawn(HTTP_BACKEND, [], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        REMOTE_USER: username,
        REQUEST_METHOD: req.method ?? 'GET',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
        GIT_HTTP_MAX_REQUEST_BUFFER: '1000M',
      },
    });
    req.pipe(child.stdin);
    child.stdin.on('error', () => undefined);
    let head = Buffer.alloc(0);
    let headersSent = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersSent) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
        else headers[name] = value;
      }
      res.writeHead(status, headers);
      headersSent = true;
      res.write(head.subarray(end + 4));
    });
    child.stderr.on('data', () => undefined);
    child.on('close', () => {
      if (!headersSent) res.writeHead(500).end('git http-backend failed');
      else res.end();
    });
  };

  const server = createServer(handle) as Server & { stop(): Promise<void> };
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.stop = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The test Git server has no port.');
  const port = address.port;

  return {
    url: `http://127.0.0.1:${port}/project.git`,
    username,
    password,
    bareDir,
    killOnNextPush: () => {
      killNext = true;
    },
    stop: () => server.stop(),
    start: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    head: () => {
      try {
        return execFileSync('git', ['rev-parse', '--verify', '--quiet', 'refs/heads/main'], { cwd: bareDir }).toString().trim();
      } catch {
        return null;
      }
    },
    close: () => server.stop(),
  };
}
