/**
 * The Electron shell: the only code that imports `electron`. It opens the project, registers
 * the IPC channels, and shows one locked-down window. The rules themselves live in plain
 * functions next to this file (launch-mode, navigation, external-links, permissions,
 * protocol, ipc, shell-handlers), each tested without Electron's binary.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, safeStorage, session, shell } from 'electron';
import { parseLaunchArgs } from '../app/cli-args';
import { defaultProjectDir, PRODUCT_NAME } from '../app/project-location';
import { describeStartFailure } from '../app/start-failure';
import { openWorkbench, type Workbench } from '../app/workbench';
import { openAppSettings } from '../app/app-settings';
import { createExternalOpener } from './external-links';
import { registerIpc } from './ipc';
import { createWindowOptions, resolveLaunchMode } from './launch-mode';
import { buildMenu } from './menu';
import { guardContents, navigationRules } from './navigation';
import { installPermissionHandlers } from './permissions';
import { registerAppScheme, serveRenderer } from './protocol';
import { SafeSecretStore } from './safe-secret-store';
import { createShellHandlers } from './shell-handlers';

const mode = resolveLaunchMode(process.env, process.argv, app.isPackaged);
if (mode.ignoredDevServer) console.warn(mode.ignoredDevServer);

let mainWindow: BrowserWindow | null = null;
let workbench: Workbench | null = null;

const openExternal = createExternalOpener({
  showMessageBox: (window, options) => (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options)),
  openExternal: (url) => shell.openExternal(url),
  getWindow: () => mainWindow,
});
const rules = navigationRules(mode.appOrigin, openExternal);

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
  // Every web contents the app creates gets the same rules, before it can load anything.
  app.on('web-contents-created', (_event, contents) => guardContents(contents, rules));
  app.whenReady().then(start, fail);
}

async function start(): Promise<void> {
  installPermissionHandlers(session.defaultSession, mode.appOrigin);

  const args = parseLaunchArgs(process.argv.slice(1));
  const projectDir = args.project ?? defaultProjectDir(app.getPath('userData'));
  // The analyst's identity lives with the app, not in the project (a shared project names no one).
  const settings = await openAppSettings(app.getPath('userData'));
  // Remote tokens for shared projects: encrypted by the system, in the app's data, not the project.
  const secrets = new SafeSecretStore(safeStorage, join(app.getPath('userData'), 'sync-secrets.json'));
  workbench = await openWorkbench(projectDir, { sample: args.project === undefined, settings, secrets });

  serveRenderer(join(__dirname, '../renderer'));
  const opened = workbench;
  registerIpc({
    router: workbench.router,
    getWindow: () => mainWindow,
    appOrigin: mode.appOrigin,
    shellHandlers: createShellHandlers({
      dialog: { showOpenDialog: (window, options) => dialog.showOpenDialog(window, options), showSaveDialog: (window, options) => dialog.showSaveDialog(window, options) },
      extractFiles: (files) => opened.extractFiles(files),
      writeFile: (path, content) => opened.writeTextFile(path, content),
    }),
  });
  Menu.setApplicationMenu(buildMenu(() => mainWindow, mode.dev));
  createWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

function createWindow(): void {
  mainWindow = new BrowserWindow(createWindowOptions(mode, join(__dirname, '../preload/index.js')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(mode.startUrl);
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

function fail(error: unknown): void {
  const message = describeStartFailure(error);
  console.error(`Analyst Workbench could not start: ${message}`);
  dialog.showErrorBox('Analyst Workbench could not start', message);
  app.exit(1);
}
