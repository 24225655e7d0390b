import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { mapConcurrent } from '../../store/serial-queue';
import { isSharedPath } from './git-repo';

/** A shared file's Git blob id, with the size and time it was computed from. */
type Stamp = [size: number, mtimeMs: number, oid: string];

const CACHE_FILE = 'workbench-stat-cache.json';

/** Git's id of a blob: SHA-1 over "blob <length>\0" and the bytes. */
export function blobId(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/**
 * Finds which shared files changed since a commit without Git's index: a cache (inside `.git/`)
 * of each file's size, time and blob id means only files whose size or time moved are read and
 * hashed, so a sync of a 10,000-article project reads the few files that changed.
 */
export class WorkTreeScan {
  private cache = new Map<string, Stamp>();
  private loaded = false;
  private scanned = false;
  private readonly dirty = new Set<string>();

  constructor(private readonly dir: string) {}

  private async load(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    try {
      const raw = JSON.parse(await readFile(join(this.dir, '.git', CACHE_FILE), 'utf8')) as Record<string, Stamp>;
      this.cache = new Map(Object.entries(raw));
    } catch {
      this.cache = new Map();
    }
  }

  /** Notes a file the store changed, so that later scans in this session look at it again. */
  markChanged(path: string): void {
    this.dirty.add(path);
  }

  /**
   * The blob id of every shared file in the folder now: path → id. The first scan of a session
   * stats every file (and reads only those whose stamp changed); later ones stat only the files
   * the store reported changed, since nothing else writes the project while it is open (the lock).
   */
  async current(): Promise<Map<string, string>> {
    await this.load();
    let paths: string[];
    const found = new Map<string, string>();
    if (this.scanned) {
      paths = ['project.json', '.gitignore', ...this.dirty];
      for (const [path, stamp] of this.cache) found.set(path, stamp[2]);
    } else {
      const names = (await readdir(join(this.dir, 'articles')).catch(() => [] as string[])).map((n) => `articles/${n}`);
      paths = ['project.json', '.gitignore', ...names].filter(isSharedPath);
    }
    this.dirty.clear();
    const full = !this.scanned;
    this.scanned = true;
    await mapConcurrent(paths, 32, async (path) => {
      const info = await stat(join(this.dir, path)).catch(() => null);
      if (!info?.isFile()) {
        found.delete(path);
        this.cache.delete(path);
        return;
      }
      const cached = this.cache.get(path);
      if (cached && cached[0] === info.size && cached[1] === info.mtimeMs) {
        found.set(path, cached[2]);
        return;
      }
      const oid = blobId(await readFile(join(this.dir, path)));
      this.cache.set(path, [info.size, info.mtimeMs, oid]);
      found.set(path, oid);
    });
    if (full) for (const path of this.cache.keys()) if (!found.has(path)) this.cache.delete(path);
    return found;
  }

  /**
   * Stores the given files as Git blobs (loose objects), reading them from the folder. The project
   * files stay the source of truth, so objects are not fsynced one by one: a crash can only cost
   * objects the next sync writes again.
   */
  async writeBlobs(paths: readonly string[], onProgress?: (done: number, total: number) => void): Promise<void> {
    let done = 0;
    await mapConcurrent(paths, 16, async (path) => {
      const bytes = await readFile(join(this.dir, path));
      await writeLooseObject(this.dir, 'blob', bytes);
      done += 1;
      if (done % 250 === 0 || done === paths.length) onProgress?.(done, paths.length);
    });
  }

  /** Saves the stamp cache (after a commit, so the next scan reads only what changes next). */
  async save(): Promise<void> {
    await writeFile(join(this.dir, '.git', CACHE_FILE), JSON.stringify(Object.fromEntries(this.cache)));
  }
}

/** Writes one loose object (`.git/objects/xx/…`), unless it is there already; returns its id. */
export async function writeLooseObject(dir: string, type: 'blob', bytes: Buffer): Promise<string> {
  const header = Buffer.from(`${type} ${bytes.length}\0`);
  const oid = createHash('sha1').update(header).update(bytes).digest('hex');
  const folder = join(dir, '.git', 'objects', oid.slice(0, 2));
  const target = join(folder, oid.slice(2));
  if (await stat(target).then(() => true, () => false)) return oid;
  await mkdir(folder, { recursive: true });
  const temp = `${target}.${randomUUID()}.tmp`;
  await writeFile(temp, deflateSync(Buffer.concat([header, bytes]), { level: 1 }));
  await rename(temp, target);
  return oid;
}
