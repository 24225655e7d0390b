import { realpath as fsRealpath } from 'node:fs/promises';
import { isAbsolute, sep } from 'node:path';

/**
 * The paths one window may read: what the shell's own open dialog returned for it and what the
 * user dropped on it. A folder allows everything under it. Both sides are compared after
 * `realpath`, so `..` segments and symbolic links are followed before the check, and a link
 * inside a chosen folder that leads out of it is refused.
 */
export class PathAllowList {
  /** Real paths of the chosen entries, resolved in the background (null when unresolvable). */
  private readonly roots: Promise<string | null>[] = [];

  constructor(private readonly realpath: (path: string) => Promise<string> = fsRealpath) {}

  /**
   * Allows `paths` (absolute only). Synchronous on purpose: a drop's paths arrive in one IPC
   * message and the listing in the next, and the listing must already see them.
   */
  allow(paths: readonly string[]): number {
    let count = 0;
    for (const path of paths) {
      if (!isAbsolute(path)) continue;
      this.roots.push(this.realpath(path).catch(() => null));
      count++;
    }
    return count;
  }

  /**
   * The real path of `path` when it is a chosen entry or lies under a chosen folder; null when
   * it does not exist, is not absolute, or is outside everything chosen.
   */
  async resolve(path: string): Promise<string | null> {
    if (!isAbsolute(path)) return null;
    const real = await this.realpath(path).catch(() => null);
    if (real === null) return null;
    for (const root of await Promise.all(this.roots)) {
      if (root !== null && isWithin(real, root)) return real;
    }
    return null;
  }
}

function isWithin(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}
