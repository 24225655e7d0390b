import { AppError } from '../../../src-shared/result';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);

function codeOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && /socket hang up|network|ECONNREFUSED|ECONNRESET/i.test(message)) return 'ECONNRESET';
  }
  return undefined;
}

function httpStatus(error: unknown): number | undefined {
  const data = (error as { data?: { statusCode?: unknown } } | null)?.data;
  return typeof data?.statusCode === 'number' ? data.statusCode : undefined;
}

/** Turns what isomorphic-git or the network threw into a message for people, with a code. */
export function describeSyncError(error: unknown, url: string): unknown {
  if (error instanceof AppError) return error;
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  if (codeOf(error)) {
    return new AppError('offline', `offline: could not reach ${host}. Nothing was lost: your work is saved in the project and will be sent at the next Sync.`);
  }
  const name = (error as { code?: unknown } | null)?.code;
  const status = httpStatus(error);
  if (name === 'UserCanceledError' || status === 401 || status === 403) {
    return new AppError('forbidden', `${host} refused the username or token. Open Share project and check them (a token needs permission to read and write the repository).`);
  }
  if (status === 404) return new AppError('not-found', `${host} has no repository at ${url}. Check the Remote URL in Share project.`);
  if (status !== undefined) return new AppError('offline', `offline: ${host} answered with an error (HTTP ${status}). Nothing was lost; try Sync again later.`);
  return error;
}
