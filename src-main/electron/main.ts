/**
 * The Electron shell: the only code that imports `electron`. It opens the project, registers
 * the IPC channels, and shows one locked-down window.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, session, shell } from 'electron';
import { parseLaunchArgs } from '../app/cli-args';
import { defaultProjectDir, PRODUCT_NAME } from '../app/project-location';
import { openWorkbench, type Workbench } from '../app/workbench';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './protocol';

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const appOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN;
const startUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`;

let mainWindow: BrowserWindow | null = null;
let workbench: Workbench | null = null;

app.setName(PRODUCT_NAME);
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    if (!mainWindow) return;
    const wanted = parseLaunchArgs(argv.slice(1)).project;
    if (wanted && workbench && wanted !== workbench.store.directory) {
      void dialog.showMessageBox(mainWindow, {
        type: 'info',
        message: 'Analyst Workbench is already running',
        detail: `It has ${workbench.store.directory} open. Quit it first to open ${wanted}.`,
      });
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    // Nothing navigates away from the app; links open in the system browser, http(s) only.
    contents.on('will-navigate', (event, url) => {
      if (originOf(url) === appOrigin) return;
      event.preventDefault();
      openExternally(url);
    });
    contents.on('will-redirect', (event, url) => {
      if (originOf(url) !== appOrigin) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternally(url);
      return { action: 'deny' };
    });
  });
  app.whenReady().then(start, fail);
}

async function start(): Promise<void> {
  // Every permission is refused except writing plain text to the clipboard ("Copy as Markdown").
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'clipboard-sanitized-write'));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permission === 'clipboard-sanitized-write');

  const args = parseLaunchArgs(process.argv.slice(1));
  const projectDir = args.project ?? defaultProjectDir(app.getPath('userData'));
  workbench = await openWorkbench(projectDir, { sample: args.project === undefined });

  serveRenderer(join(__dirname, '../renderer'));
  registerIpc(workbench.router, () => mainWindow, appOrigin, { extractFiles: workbench.extractFiles, writeTextFile: workbench.writeTextFile });
  Menu.setApplicationMenu(buildMenu(() => mainWindow, Boolean(devServerUrl)));
  createWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 800,
    minHeight: 500,
    title: PRODUCT_NAME,
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      devTools: !app.isPackaged,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(startUrl);
}

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !workbench) return;
  // Let pending saves finish and release the project's lock before the process ends.
  event.preventDefault();
  quitting = true;
  void workbench.close().finally(() => app.quit());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Links leave the app only for the system browser, and only as http(s). */
function openExternally(url: string): void {
  if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Analyst Workbench could not start: ${message}`);
  dialog.showErrorBox('Analyst Workbench could not start', message);
  app.exit(1);
}
