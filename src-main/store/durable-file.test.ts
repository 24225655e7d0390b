import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const calls: string[] = [];

// Record the order of the filesystem steps, while still performing them for real.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    open: async (...args: Parameters<typeof actual.open>) => {
      const handle = await actual.open(...args);
      const path = String(args[0]);
      const kind = path.endsWith('.tmp') ? 'temp' : 'dir';
      const sync = handle.sync.bind(handle);
      const write = handle.writeFile.bind(handle);
      handle.sync = async () => {
        calls.push(`fsync ${kind}`);
        if (kind === 'temp' && failNextSync) {
          failNextSync = false;
          throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
        }
        return sync();
      };
      handle.writeFile = async (...w: Parameters<typeof handle.writeFile>) => {
        calls.push(`write ${kind}`);
        return write(...w);
      };
      return handle;
    },
    rename: async (...args: Parameters<typeof actual.rename>) => {
      calls.push('rename');
      return actual.rename(...args);
    },
  };
});

let failNextSync = false;
const { writeFileDurable } = await import('./durable-file');

afterEach(() => {
  calls.length = 0;
});

describe('writeFileDurable', () => {
  it('writes a temporary file, fsyncs it, renames it over the target, then fsyncs the folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'durable-'));
    const target = join(dir, 'a.json');
    await writeFileDurable(target, '{"v":1}');
    expect(await readFile(target, 'utf8')).toBe('{"v":1}');
    expect(calls).toEqual(['write temp', 'fsync temp', 'rename', 'fsync dir']);
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('leaves the previous content and no temporary file when the write fails', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'durable-'));
    const target = join(dir, 'a.json');
    await writeFile(target, 'old');
    failNextSync = true;
    await expect(writeFileDurable(target, 'new')).rejects.toThrow('disk full');
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['a.json']);
    expect(calls).not.toContain('rename');
  });
});
