import { describe, expect, it } from 'vitest';
import { PathAllowList } from './path-allow-list';

/** A file system of links: each path maps to its real path; anything else does not exist. */
function fakeRealpath(real: Record<string, string>, delayMs = 0) {
  return async (path: string): Promise<string> => {
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const found = real[path];
    if (found === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return found;
  };
}

describe('PathAllowList', () => {
  const fs = {
    '/home/ana/news': '/home/ana/news',
    '/home/ana/news/a.txt': '/home/ana/news/a.txt',
    '/home/ana/news-old/b.txt': '/home/ana/news-old/b.txt',
    '/home/ana/news/escape': '/etc',
    '/home/ana/link-to-news': '/home/ana/news',
    '/home/ana/link-to-news/a.txt': '/home/ana/news/a.txt',
    '/etc/passwd': '/etc/passwd',
  };

  it('allows a chosen folder and what is under it, by real path', async () => {
    const list = new PathAllowList(fakeRealpath(fs));
    list.allow(['/home/ana/news']);
    expect(await list.resolve('/home/ana/news')).toBe('/home/ana/news');
    expect(await list.resolve('/home/ana/news/a.txt')).toBe('/home/ana/news/a.txt');
    expect(await list.resolve('/home/ana/link-to-news/a.txt')).toBe('/home/ana/news/a.txt');
  });

  it('refuses a neighbour whose name only starts like the folder, links out, and paths it never saw', async () => {
    const list = new PathAllowList(fakeRealpath(fs));
    list.allow(['/home/ana/news']);
    expect(await list.resolve('/home/ana/news-old/b.txt')).toBeNull();
    expect(await list.resolve('/home/ana/news/escape')).toBeNull();
    expect(await list.resolve('/etc/passwd')).toBeNull();
    expect(await list.resolve('/home/ana/news/missing.txt')).toBeNull();
    expect(await list.resolve('news/a.txt')).toBeNull();
  });

  it('sees paths allowed just before a check, even while their realpath is still pending', async () => {
    const list = new PathAllowList(fakeRealpath(fs, 20));
    // The order of two IPC messages: the drop's paths, then the listing.
    list.allow(['/home/ana/news']);
    expect(await list.resolve('/home/ana/news/a.txt')).toBe('/home/ana/news/a.txt');
  });

  it('ignores relative paths and paths that do not exist when allowing', async () => {
    const list = new PathAllowList(fakeRealpath(fs));
    expect(list.allow(['news', '/nowhere', '/home/ana/news/a.txt'])).toBe(2);
    expect(await list.resolve('/home/ana/news/a.txt')).toBe('/home/ana/news/a.txt');
    expect(await list.resolve('/home/ana/news')).toBeNull();
  });

  it('allows nothing before anything is chosen', async () => {
    expect(await new PathAllowList(fakeRealpath(fs)).resolve('/home/ana/news')).toBeNull();
  });
});
