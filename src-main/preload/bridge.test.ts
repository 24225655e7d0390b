import type { IpcRendererEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { channels } from '../../src-shared/contract';
import { createBridge, watchDrops, type DropEventLike, type PreloadIpc } from './bridge';

/** A fake File backed by a file on disk (path) or made by page script (''). */
const file = (path: string) => ({ path });
const pathForFile = (f: never): string => {
  const candidate = f as unknown;
  if (typeof candidate !== 'object' || candidate === null || !('path' in candidate)) throw new TypeError('not a File');
  return String((candidate as { path: string }).path);
};

function fakeIpc(answer: (channel: string, input: unknown) => unknown = () => ({ ok: true, value: { paths: [] } })) {
  const listeners = new Map<string, (event: IpcRendererEvent, ...args: unknown[]) => void>();
  const ipc = {
    invoke: vi.fn(async (channel: string, input: unknown) => answer(channel, input)),
    on: vi.fn((channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void) => listeners.set(channel, listener)),
    removeListener: vi.fn((channel: string) => listeners.delete(channel)),
  };
  return { ipc: ipc as unknown as PreloadIpc & typeof ipc, listeners };
}

describe('createBridge', () => {
  it('has one method per contract channel, each invoking its own channel', async () => {
    const { ipc } = fakeIpc(() => ({ ok: true, value: 'v' }));
    const bridge = createBridge(ipc, pathForFile);
    expect(Object.keys(bridge.api).sort()).toEqual([...channels].sort());
    expect(await bridge.api['articles:get']({ id: 'a1' })).toEqual({ ok: true, value: 'v' });
    expect(ipc.invoke).toHaveBeenCalledWith('articles:get', { id: 'a1' });
  });

  it('exposes typed shell methods only, none of which can allow a path', async () => {
    const { ipc } = fakeIpc();
    const bridge = createBridge(ipc, pathForFile);
    expect(Object.keys(bridge).sort()).toEqual(['api', 'extractPaths', 'listDroppedFiles', 'onMenuCommand', 'pickImportPaths', 'saveTextFile', 'setTheme']);
    await bridge.pickImportPaths({ kind: 'files' });
    await bridge.extractPaths({ paths: ['/a.txt'] });
    await bridge.saveTextFile({ suggestedName: 'a.md', content: '' });
    await bridge.listDroppedFiles([file('/home/ana/a.txt')]);
    for (const channel of channels) await (bridge.api[channel] as (input: unknown) => Promise<unknown>)({});
    const used = ipc.invoke.mock.calls.map(([channel]) => channel);
    expect(used).toContain('shell:pick-import-paths');
    expect(used).not.toContain('shell:allow-dropped-paths');
  });

  it('turns dropped Files into their paths, leaving out Files the page made and things that are not Files', async () => {
    const { ipc } = fakeIpc(() => ({ ok: true, value: { paths: ['/home/ana/a.txt'] } }));
    const bridge = createBridge(ipc, pathForFile);
    expect(await bridge.listDroppedFiles([file('/home/ana/a.txt'), file(''), 'not a file' as unknown as object])).toEqual({ ok: true, value: { paths: ['/home/ana/a.txt'] } });
    expect(ipc.invoke).toHaveBeenCalledWith('shell:list-import-paths', { paths: ['/home/ana/a.txt'] });
  });

  it('answers an empty list without asking the main process when no File has a path', async () => {
    const { ipc } = fakeIpc();
    expect(await createBridge(ipc, pathForFile).listDroppedFiles([file('')])).toEqual({ ok: true, value: { paths: [] } });
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('turns a failed IPC call into an internal Result instead of a rejection', async () => {
    const { ipc } = fakeIpc(() => {
      throw new Error("No handler registered for 'articles:list'");
    });
    expect(await createBridge(ipc, pathForFile).api['articles:list']({})).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('No handler registered') } });
  });

  it('relays only known menu commands, until unsubscribed', () => {
    const { ipc, listeners } = fakeIpc();
    const received: string[] = [];
    const stop = createBridge(ipc, pathForFile).onMenuCommand((command) => received.push(command));
    const relay = listeners.get('menu:command')!;
    relay({} as IpcRendererEvent, 'undo');
    relay({} as IpcRendererEvent, 'rm -rf');
    expect(received).toEqual(['undo']);
    stop();
    expect(listeners.has('menu:command')).toBe(false);
  });
});

describe('watchDrops', () => {
  function setup() {
    const { ipc } = fakeIpc(() => ({ ok: true, value: { allowed: 1 } }));
    let listener: ((event: DropEventLike) => void) | null = null;
    const target = { addEventListener: vi.fn((_type: 'drop', l: (event: DropEventLike) => void, _capture: boolean) => (listener = l)) };
    watchDrops(target, ipc, pathForFile);
    return { ipc, target, drop: (event: DropEventLike) => listener!(event) };
  }

  it('listens in the capture phase, before the page sees the drop', () => {
    expect(setup().target.addEventListener).toHaveBeenCalledWith('drop', expect.any(Function), true);
  });

  it("allows the paths of a real drop's files and folders", () => {
    const { ipc, drop } = setup();
    drop({ isTrusted: true, dataTransfer: { files: [file('/home/ana/news'), file('/home/ana/a.txt'), file('')] } });
    expect(ipc.invoke).toHaveBeenCalledWith('shell:allow-dropped-paths', { paths: ['/home/ana/news', '/home/ana/a.txt'] });
  });

  it('ignores drops made by page script (untrusted events) and drops without files', () => {
    const { ipc, drop } = setup();
    drop({ isTrusted: false, dataTransfer: { files: [file('/etc/passwd')] } });
    drop({ isTrusted: true, dataTransfer: null });
    drop({ isTrusted: true, dataTransfer: { files: [] } });
    expect(ipc.invoke).not.toHaveBeenCalled();
  });
});
