import { afterEach, expect, it, vi } from 'vitest';

const { exposed, invoke, addEventListener } = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async () => ({ ok: true, value: { allowed: 1 } })),
  addEventListener: vi.fn(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
  webUtils: { getPathForFile: (file: { path: string }) => file.path },
}));
vi.stubGlobal('addEventListener', addEventListener);
afterEach(() => vi.unstubAllGlobals());

it('exposes the bridge as window.workbench and watches drops with webUtils', async () => {
  await import('./index');
  expect([...exposed.keys()]).toEqual(['workbench']);
  expect(Object.keys(exposed.get('workbench') as object)).toContain('listDroppedFiles');
  expect(addEventListener).toHaveBeenCalledWith('drop', expect.any(Function), true);
  const listener = addEventListener.mock.calls[0]![1] as (event: unknown) => void;
  listener({ isTrusted: true, dataTransfer: { files: [{ path: '/home/ana/a.txt' }] } });
  expect(invoke).toHaveBeenCalledWith('shell:allow-dropped-paths', { paths: ['/home/ana/a.txt'] });
});
