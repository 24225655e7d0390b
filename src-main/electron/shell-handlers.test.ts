import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PathAllowList } from './path-allow-list';
import { createShellHandlers, handleShellCall, type ShellCallContext, type ShellDeps } from './shell-handlers';

let root: string;
let allowed: string;
let secret: string;

beforeAll(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'shell-handlers-')));
  allowed = join(root, 'allowed');
  secret = join(root, 'secret');
  mkdirSync(join(allowed, 'sub'), { recursive: true });
  mkdirSync(secret);
  writeFileSync(join(allowed, 'a.txt'), 'Alpha text');
  writeFileSync(join(allowed, 'sub', 'b.md'), '# Beta');
  writeFileSync(join(allowed, '.hidden.txt'), 'hidden');
  writeFileSync(join(secret, 's.txt'), 'secret');
  writeFileSync(join(root, 'sibling.txt'), 'sibling');
  symlinkSync(secret, join(allowed, 'link-out'));
  symlinkSync(join(secret, 's.txt'), join(allowed, 'link-file.txt'));
  symlinkSync(allowed, join(allowed, 'sub', 'loop'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const window = {} as BrowserWindow;

function setup(choice: { canceled: boolean; filePaths: string[] } = { canceled: false, filePaths: [] }) {
  const deps = {
    dialog: {
      showOpenDialog: vi.fn(async (_w: BrowserWindow, _o: OpenDialogOptions) => choice),
      showSaveDialog: vi.fn(async (_w: BrowserWindow, _o: SaveDialogOptions): Promise<{ canceled: boolean; filePath: string }> => ({ canceled: false, filePath: join(root, 'out.md') })),
    },
    extractFiles: vi.fn(async (files: { name: string; bytes: Buffer | 'too-large' }[]) => ({
      results: files.map((f) => ({ name: f.name, ok: false as const, reason: 'fake', message: typeof f.bytes === 'string' ? f.bytes : f.bytes.toString('utf8') })),
    })),
    writeFile: vi.fn(async (_path: string, _content: string) => undefined),
    setThemeSource: vi.fn((_source: 'system' | 'light' | 'dark') => undefined),
  } satisfies ShellDeps;
  const handlers = createShellHandlers(deps);
  const context: ShellCallContext = { window, allowList: new PathAllowList() };
  const log = vi.fn();
  const call = (channel: string, input: unknown, ctx: ShellCallContext = context) => handleShellCall(handlers, channel, input, ctx, log);
  return { deps, call, context, log };
}

describe('shell:pick-import-paths', () => {
  it('lists a chosen folder recursively, skipping hidden files and links that leave it, and allows what it listed', async () => {
    const { call, deps } = setup({ canceled: false, filePaths: [allowed] });
    const picked = await call('shell:pick-import-paths', { kind: 'folder' });
    expect(picked).toEqual({ ok: true, value: { paths: [join(allowed, 'a.txt'), join(allowed, 'sub', 'b.md')] } });
    expect(deps.dialog.showOpenDialog.mock.calls[0]![1].properties).toEqual(['openDirectory']);

    const extracted = await call('shell:extract-paths', { paths: [join(allowed, 'a.txt'), join(allowed, 'sub', 'b.md')] });
    expect(extracted.ok).toBe(true);
    expect(deps.extractFiles).toHaveBeenCalledWith([
      { name: 'a.txt', bytes: Buffer.from('Alpha text') },
      { name: 'b.md', bytes: Buffer.from('# Beta') },
    ]);
  });

  it('passes the encoding chosen for a path with that file only, and refuses one it does not know', async () => {
    const { call, deps } = setup({ canceled: false, filePaths: [allowed] });
    await call('shell:pick-import-paths', { kind: 'folder' });
    const [a, b] = [join(allowed, 'a.txt'), join(allowed, 'sub', 'b.md')];
    expect((await call('shell:extract-paths', { paths: [a, b], encodings: { [b]: 'koi8-r' } })).ok).toBe(true);
    expect(deps.extractFiles).toHaveBeenCalledWith([
      { name: 'a.txt', bytes: Buffer.from('Alpha text') },
      { name: 'b.md', bytes: Buffer.from('# Beta'), encoding: 'koi8-r' },
    ]);
    expect(await call('shell:extract-paths', { paths: [a], encodings: { [a]: 'latin1' } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('allows only the chosen files, not their neighbours', async () => {
    const { call } = setup({ canceled: false, filePaths: [join(allowed, 'a.txt')] });
    expect(await call('shell:pick-import-paths', { kind: 'files' })).toEqual({ ok: true, value: { paths: [join(allowed, 'a.txt')] } });
    const neighbour = await call('shell:extract-paths', { paths: [join(allowed, 'sub', 'b.md')] });
    expect(neighbour).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers no paths and allows nothing when the dialog is cancelled or the window is gone', async () => {
    const { call, deps, context } = setup({ canceled: true, filePaths: [allowed] });
    expect(await call('shell:pick-import-paths', { kind: 'folder' })).toEqual({ ok: true, value: { paths: [] } });
    expect(await call('shell:list-import-paths', { paths: [allowed] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('shell:pick-import-paths', { kind: 'files' }, { ...context, window: null })).toEqual({ ok: true, value: { paths: [] } });
    expect(deps.dialog.showOpenDialog).toHaveBeenCalledTimes(1);
  });

  it('refuses a kind it does not know, and unknown keys', async () => {
    const { call, deps } = setup();
    expect(await call('shell:pick-import-paths', { kind: 'root' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call('shell:pick-import-paths', 'files')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call('shell:pick-import-paths', { kind: 'files', path: '/etc' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(deps.dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});

describe('forged paths (never chosen in a dialog or dropped)', () => {
  /** A window that chose `allowed` in its dialog, so there is something to escape from. */
  async function afterPick() {
    const env = setup({ canceled: false, filePaths: [allowed] });
    await env.call('shell:pick-import-paths', { kind: 'folder' });
    return env;
  }

  it.each([
    ['/etc/passwd', '/etc/passwd'],
    ['a ../ path out of the chosen folder', () => join(allowed, '..', 'secret', 's.txt')],
    ['a file next to the chosen folder', () => join(root, 'sibling.txt')],
    ['a symbolic link out of the chosen folder', () => join(allowed, 'link-file.txt')],
    ['a relative path', 'a.txt'],
  ])('shell:extract-paths refuses %s and reads nothing', async (_label, path) => {
    const { call, deps } = await afterPick();
    const forged = typeof path === 'function' ? path() : path;
    const result = await call('shell:extract-paths', { paths: [join(allowed, 'a.txt'), forged] });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!result.ok) expect(result.error.message).toContain(`"${forged}"`);
    expect(deps.extractFiles).not.toHaveBeenCalled();
  });

  it.each([
    ['/etc', '/etc'],
    ['/', '/'],
    ['the parent of the chosen folder', () => join(allowed, '..')],
    ['a symbolic link to a folder outside', () => join(allowed, 'link-out')],
  ])('shell:list-import-paths refuses %s', async (_label, path) => {
    const { call } = await afterPick();
    const forged = typeof path === 'function' ? path() : path;
    const result = await call('shell:list-import-paths', { paths: [forged] });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!result.ok) expect(result.error.message).toMatch(/Import files.*dropping it/);
  });

  it('a path allowed in one window is refused in another', async () => {
    const { call } = await afterPick();
    const otherWindow: ShellCallContext = { window, allowList: new PathAllowList() };
    expect(await call('shell:list-import-paths', { paths: [allowed] })).toMatchObject({ ok: true });
    expect(await call('shell:list-import-paths', { paths: [allowed] }, otherWindow)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a path with a NUL character as invalid input', async () => {
    const { call } = await afterPick();
    expect(await call('shell:extract-paths', { paths: [`${allowed}/a.txt\0`] })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('shell:allow-dropped-paths and shell:list-import-paths', () => {
  it('lists a dropped folder once its paths are allowed, and refuses it before', async () => {
    const { call } = setup();
    expect(await call('shell:list-import-paths', { paths: [allowed] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('shell:allow-dropped-paths', { paths: [allowed, 'relative/ignored'] })).toEqual({ ok: true, value: { allowed: 1 } });
    expect(await call('shell:list-import-paths', { paths: [allowed] })).toEqual({ ok: true, value: { paths: [join(allowed, 'a.txt'), join(allowed, 'sub', 'b.md')] } });
  });

  it('a dropped file allows that file only', async () => {
    const { call } = setup();
    await call('shell:allow-dropped-paths', { paths: [join(allowed, 'sub', 'b.md')] });
    expect(await call('shell:list-import-paths', { paths: [join(allowed, 'sub', 'b.md')] })).toEqual({ ok: true, value: { paths: [join(allowed, 'sub', 'b.md')] } });
    expect(await call('shell:list-import-paths', { paths: [join(allowed, 'sub')] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('says so when an allowed path is a folder and not a file to extract', async () => {
    const { call, deps } = setup();
    await call('shell:allow-dropped-paths', { paths: [allowed] });
    expect(await call('shell:extract-paths', { paths: [join(allowed, 'sub')] })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('sub is a folder') } });
    expect(deps.extractFiles).not.toHaveBeenCalled();
  });
});

describe('shell:save-text-file', () => {
  it('writes the content where the user chose, suggesting the file kind by extension', async () => {
    const { call, deps } = setup();
    expect(await call('shell:save-text-file', { suggestedName: 'Report on Vale.md', content: '# Vale' })).toEqual({ ok: true, value: { saved: true, path: join(root, 'out.md') } });
    const options = deps.dialog.showSaveDialog.mock.calls[0]![1];
    expect(options.defaultPath).toMatch(/\.md$/);
    expect(options.filters).toEqual([{ name: 'Markdown', extensions: ['md'] }]);
    expect(deps.writeFile).toHaveBeenCalledWith(join(root, 'out.md'), '# Vale');
  });

  it('offers an unknown extension as plain text', async () => {
    const { call, deps } = setup();
    await call('shell:save-text-file', { suggestedName: 'run.exe', content: 'x' });
    expect(deps.dialog.showSaveDialog.mock.calls[0]![1].filters).toEqual([{ name: 'Text', extensions: ['txt'] }]);
  });

  it('writes nothing when the dialog is cancelled or the window is gone', async () => {
    const { call, deps, context } = setup();
    deps.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await call('shell:save-text-file', { suggestedName: 'a.md', content: 'x' })).toEqual({ ok: true, value: { saved: false } });
    expect(await call('shell:save-text-file', { suggestedName: 'a.md', content: 'x' }, { ...context, window: null })).toEqual({ ok: true, value: { saved: false } });
    expect(deps.writeFile).not.toHaveBeenCalled();
  });

  it('answers a failed write as a Result that names the cause, never a thrown error', async () => {
    const { call, deps, log } = setup();
    deps.writeFile.mockRejectedValueOnce(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    const result = await call('shell:save-text-file', { suggestedName: 'a.md', content: 'x' });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'The file could not be saved: the disk is full. Choose another folder or free some space, then try again.' } });
    expect(log).toHaveBeenCalledTimes(1);
  });
});

it('answers an unknown shell channel with unknown-channel', async () => {
  const { call } = setup();
  expect(await call('shell:run', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
});

describe('shell:set-theme', () => {
  it('gives the chosen theme to the native theme, and refuses anything but system, light or dark', async () => {
    const { call, deps } = setup();
    expect(await call('shell:set-theme', { source: 'light' })).toEqual({ ok: true, value: { source: 'light' } });
    expect(deps.setThemeSource).toHaveBeenCalledWith('light');
    expect(await call('shell:set-theme', { source: 'sepia' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(deps.setThemeSource).toHaveBeenCalledTimes(1);
  });
});
