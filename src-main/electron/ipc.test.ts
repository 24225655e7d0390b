import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../../src-shared/contract';
import { shellChannels } from '../../src-shared/shell-contract';
import type { Router } from '../api/router';
import { createShellHandlers } from './shell-handlers';

type Handler = (event: unknown, input: unknown) => unknown;
const { registered } = vi.hoisted(() => ({ registered: new Map<string, Handler>() }));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => {
      if (registered.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      registered.set(channel, handler);
    },
  },
}));

const { registerIpc, REFUSED } = await import('./ipc');

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'ipc-')));
writeFileSync(join(dir, 'a.txt'), 'Alpha');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const contents = { id: 1 };
const window = { webContents: contents } as unknown as BrowserWindow;
let currentWindow: BrowserWindow | null = window;
const router: Router = { handle: vi.fn(async (channel: string) => ({ ok: true as const, value: `ran ${channel}` })) };
const extractFiles = vi.fn(async (files: { name: string }[]) => ({ results: files.map((f) => ({ name: f.name, ok: false as const, reason: 'r', message: 'm' })) }));
const showOpenDialog = vi.fn(async () => ({ canceled: false, filePaths: [dir] }));

function event(overrides: { sender?: unknown; url?: string; parent?: unknown; frame?: null } = {}) {
  const frame = overrides.frame === null ? null : { url: overrides.url ?? 'app://workbench/index.html', parent: overrides.parent ?? null };
  return { sender: overrides.sender ?? contents, senderFrame: frame };
}
const invoke = (channel: string, input: unknown, ev: unknown = event()) => registered.get(channel)!(ev, input);

beforeEach(() => {
  registered.clear();
  vi.clearAllMocks();
  currentWindow = window;
  registerIpc({
    router,
    getWindow: () => currentWindow,
    appOrigin: 'app://workbench',
    shellHandlers: createShellHandlers({ dialog: { showOpenDialog, showSaveDialog: vi.fn() }, extractFiles, writeFile: vi.fn(), setThemeSource: vi.fn() }),
  });
});

describe('registerIpc', () => {
  it('registers every contract channel and every shell channel, once each', () => {
    expect([...registered.keys()].sort()).toEqual([...channels, ...shellChannels].sort());
  });

  it("passes calls from the app's own window to the router", async () => {
    expect(await invoke('articles:list', {})).toEqual({ ok: true, value: 'ran articles:list' });
    expect(router.handle).toHaveBeenCalledWith('articles:list', {});
  });

  it.each([
    ['another web contents', event({ sender: { id: 2 } })],
    ['a sub-frame', event({ parent: { url: 'app://workbench/' } })],
    ['a page from elsewhere', event({ url: 'https://evil.example/' })],
    ['a file:// page', event({ url: 'file:///home/ana/page.html' })],
    ['a frame already gone', event({ frame: null })],
  ])('refuses %s before any handler runs', async (_label, ev) => {
    expect(await invoke('articles:list', {}, ev)).toEqual(REFUSED);
    expect(await invoke('shell:pick-import-paths', { kind: 'files' }, ev)).toEqual(REFUSED);
    expect(await invoke('shell:allow-dropped-paths', { paths: [dir] }, ev)).toEqual(REFUSED);
    expect(router.handle).not.toHaveBeenCalled();
    expect(showOpenDialog).not.toHaveBeenCalled();
  });

  it('refuses everything once the window is closed', async () => {
    currentWindow = null;
    expect(await invoke('articles:list', {})).toEqual(REFUSED);
  });

  it('lists a drop in the message right after the drop was registered (no waiting between them)', async () => {
    const allowed = invoke('shell:allow-dropped-paths', { paths: [dir] });
    const listed = invoke('shell:list-import-paths', { paths: [dir] });
    expect(await allowed).toEqual({ ok: true, value: { allowed: 1 } });
    expect(await listed).toEqual({ ok: true, value: { paths: [join(dir, 'a.txt')] } });
  });

  it('keeps one allow-list per window: a path allowed for one sender is refused for another', async () => {
    const other = { id: 3 };
    await invoke('shell:pick-import-paths', { kind: 'folder' });
    expect(await invoke('shell:extract-paths', { paths: [join(dir, 'a.txt')] })).toMatchObject({ ok: true });
    // The app's window is swapped for a new one (as after closing and reopening it on macOS).
    currentWindow = { webContents: other } as unknown as BrowserWindow;
    expect(await invoke('shell:extract-paths', { paths: [join(dir, 'a.txt')] }, event({ sender: other }))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers bad shell input with a Result instead of throwing', async () => {
    expect(await invoke('shell:extract-paths', { paths: [] })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await invoke('shell:save-text-file', null)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
