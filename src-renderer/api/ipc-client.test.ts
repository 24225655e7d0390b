import { describe, expect, it, vi } from 'vitest';
import type { WorkbenchBridge } from '../../src-shared/bridge';
import type { Transport } from '../../src-shared/contract';
import { ApiError } from './api-client';
import { createIpcClient } from './ipc-client';

const forbidden = { ok: false as const, error: { code: 'forbidden' as const, message: 'The workbench reads only files you chose…' } };

function fakeBridge(overrides: Partial<WorkbenchBridge> = {}): WorkbenchBridge {
  return {
    api: { 'articles:list': vi.fn(async () => ({ ok: true, value: [] })) } as unknown as Transport,
    pickImportPaths: vi.fn(async () => ({ ok: true as const, value: { paths: ['/news/a.txt'] } })),
    listDroppedFiles: vi.fn(async () => ({ ok: true as const, value: { paths: ['/news/b.txt'] } })),
    extractPaths: vi.fn(async () => ({ ok: true as const, value: { results: [] } })),
    saveTextFile: vi.fn(async () => ({ ok: true as const, value: { saved: true as const, path: '/out/a.md' } })),
    setTheme: vi.fn(async ({ source }: { source: 'system' | 'light' | 'dark' }) => ({ ok: true as const, value: { source } })),
    onMenuCommand: vi.fn(() => () => undefined),
    ...overrides,
  };
}

describe('createIpcClient', () => {
  it('unwraps successful Results of contract and shell calls', async () => {
    const bridge = fakeBridge();
    const client = createIpcClient(bridge);
    expect(await client.call('articles:list', {})).toEqual([]);
    expect(await client.desktopImport!.pick('folder')).toEqual(['/news/a.txt']);
    expect(bridge.pickImportPaths).toHaveBeenCalledWith({ kind: 'folder' });
    expect(await client.desktopImport!.pathsOfDrop([])).toEqual(['/news/b.txt']);
    expect(await client.desktopImport!.extract(['/news/a.txt'])).toEqual({ results: [] });
    expect(bridge.extractPaths).toHaveBeenCalledWith({ paths: ['/news/a.txt'] });
    await client.desktopImport!.extract(['/news/a.txt'], { '/news/a.txt': 'koi8-r' });
    expect(bridge.extractPaths).toHaveBeenLastCalledWith({ paths: ['/news/a.txt'], encodings: { '/news/a.txt': 'koi8-r' } });
    expect(await client.saveTextFile('a.md', '# A', 'text/markdown')).toEqual({ kind: 'saved', path: '/out/a.md' });
    await client.setNativeTheme!('dark');
    expect(bridge.setTheme).toHaveBeenCalledWith({ source: 'dark' });
  });

  it('reports a cancelled save as cancelled', async () => {
    const client = createIpcClient(fakeBridge({ saveTextFile: vi.fn(async () => ({ ok: true as const, value: { saved: false as const } })) }));
    expect(await client.saveTextFile('a.md', '', 'text/markdown')).toEqual({ kind: 'cancelled' });
  });

  it.each([
    ['pick', (c: ReturnType<typeof createIpcClient>) => c.desktopImport!.pick('files'), { pickImportPaths: vi.fn(async () => forbidden) }],
    ['pathsOfDrop', (c: ReturnType<typeof createIpcClient>) => c.desktopImport!.pathsOfDrop([]), { listDroppedFiles: vi.fn(async () => forbidden) }],
    ['extract', (c: ReturnType<typeof createIpcClient>) => c.desktopImport!.extract(['/etc/passwd']), { extractPaths: vi.fn(async () => forbidden) }],
    ['saveTextFile', (c: ReturnType<typeof createIpcClient>) => c.saveTextFile('a.md', '', 'text/markdown'), { saveTextFile: vi.fn(async () => forbidden) }],
  ])('turns a failed %s Result into an ApiError with its code and message', async (_label, run, overrides) => {
    const failure = run(createIpcClient(fakeBridge(overrides as Partial<WorkbenchBridge>)));
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ code: 'forbidden', message: forbidden.error.message });
  });
});
