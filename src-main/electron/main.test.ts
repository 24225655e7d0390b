import { afterAll, expect, it, vi } from 'vitest';

// The whole shell started against a fake Electron: what main.ts wires together at start-up.
const fake = vi.hoisted(() => {
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  const windows: { options: Record<string, unknown>; url?: string }[] = [];
  let ready: () => void = () => undefined;
  return {
    appListeners,
    windows,
    whenReady: new Promise<void>((resolve) => (ready = resolve)),
    ready: () => ready(),
    ipcChannels: [] as string[],
    session: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() },
    protocolHandle: vi.fn(),
  };
});

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => fake.windows;
    webContents = { send: vi.fn() };
    private readonly record: { options: Record<string, unknown>; url?: string };
    constructor(options: Record<string, unknown>) {
      this.record = { options };
      fake.windows.push(this.record);
    }
    once() {}
    on() {}
    async loadURL(url: string) {
      this.record.url = url;
    }
  }
  return {
    app: {
      isPackaged: false,
      setName: vi.fn(),
      requestSingleInstanceLock: () => true,
      on: (name: string, listener: (...args: unknown[]) => void) => fake.appListeners.set(name, listener),
      whenReady: () => fake.whenReady,
      getPath: () => '/tmp/user-data',
      quit: vi.fn(),
      exit: vi.fn(),
    },
    BrowserWindow,
    dialog: { showMessageBox: vi.fn(), showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showErrorBox: vi.fn() },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: (template: unknown) => template },
    session: { defaultSession: fake.session },
    shell: { openExternal: vi.fn() },
    safeStorage: { isEncryptionAvailable: () => true, encryptString: vi.fn(), decryptString: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: fake.protocolHandle },
    ipcMain: { handle: (channel: string) => fake.ipcChannels.push(channel) },
  };
});
vi.mock('../app/workbench', () => ({
  openWorkbench: vi.fn(async (directory: string) => ({ store: { directory }, router: { handle: vi.fn() }, close: vi.fn(async () => undefined) })),
}));

vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
const argv = process.argv;
process.argv = ['electron', 'out/main/index.js', '--project', '/tmp/project'];
const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
afterAll(() => {
  process.argv = argv;
  vi.unstubAllEnvs();
  warn.mockRestore();
});

it('starts one locked-down window on app://, ignoring the dev server without --dev, with every guard installed', async () => {
  await import('./main');
  expect(warn).toHaveBeenCalledWith(expect.stringMatching(/ELECTRON_RENDERER_URL is ignored/));

  // Every web contents gets the navigation rules the moment it exists.
  const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
  fake.appListeners.get('web-contents-created')!({}, contents);
  expect(contents.on.mock.calls.map(([name]) => name)).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']));
  expect(contents.setWindowOpenHandler).toHaveBeenCalled();

  fake.ready();
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
  await vi.waitFor(() => expect(fake.windows[0]!.url).toBe('app://workbench/index.html'));
  expect(fake.windows[0]!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false });
  expect(fake.session.setPermissionRequestHandler).toHaveBeenCalled();
  expect(fake.protocolHandle).toHaveBeenCalledWith('app', expect.any(Function));
  expect(fake.ipcChannels).toEqual(expect.arrayContaining(['articles:list', 'shell:extract-paths', 'shell:allow-dropped-paths']));
  // Remote tokens go to the safeStorage-backed store in the app's data, never the project folder.
  const { openWorkbench } = await import('../app/workbench');
  const secrets = (vi.mocked(openWorkbench).mock.calls[0]![1] as { secrets?: { persistent: boolean } }).secrets;
  expect(secrets?.persistent).toBe(true);
});
