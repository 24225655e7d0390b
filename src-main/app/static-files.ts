import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_TYPES } from './security';

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/**
 * Resolves a URL path to a file inside `root`, refusing anything that would leave it. Paths
 * without an extension fall back to index.html (the renderer routes itself).
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  if (relative.split(/[/\\]/).includes('..')) return null;
  const wanted = relative === '' || relative === '.' ? 'index.html' : relative;
  const path = join(root, wanted);
  if (!path.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  const extension = extname(path).toLowerCase();
  const contentType = CONTENT_TYPES[extension];
  try {
    if (contentType) return { body: await readFile(path), contentType };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EISDIR' && code !== 'ENOTDIR') throw error;
    if (extension) return null;
  }
  if (extension) return null;
  return { body: await readFile(join(root, 'index.html')), contentType: CONTENT_TYPES['.html']! };
}
