import type { BrowserWindowConstructorOptions } from 'electron';
import { PRODUCT_NAME } from '../app/project-location';
import { APP_ORIGIN } from './origin';

/** The command-line switch that `npm run dev` passes (`electron-vite dev -- --dev`). */
export const DEV_FLAG = '--dev';
/** The environment switch with the same meaning, for running the built app by hand. */
export const DEV_ENV = 'WORKBENCH_DEV';

export interface LaunchMode {
  /** Development: DevTools and the reload menu; the dev server's page when there is one. */
  dev: boolean;
  /** The page the window loads. */
  startUrl: string;
  /** `scheme://host[:port]` the window's page must have for IPC and navigation. */
  appOrigin: string;
  /** Why ELECTRON_RENDERER_URL was not used although it was set (for a console line). */
  ignoredDevServer?: string;
}

/**
 * Decides where the window's page comes from. The dev server (ELECTRON_RENDERER_URL, set by
 * electron-vite) is trusted only with an explicit development flag, never in a packaged app,
 * and only on this machine's loopback address: otherwise anyone who can set the environment
 * would choose the origin that the IPC check trusts.
 */
export function resolveLaunchMode(env: Readonly<Record<string, string | undefined>>, argv: readonly string[], isPackaged: boolean): LaunchMode {
  const dev = !isPackaged && (argv.includes(DEV_FLAG) || env[DEV_ENV] === '1');
  const appMode = { dev, startUrl: `${APP_ORIGIN}/index.html`, appOrigin: APP_ORIGIN };
  const devServer = env.ELECTRON_RENDERER_URL;
  if (!devServer) return appMode;
  if (!dev) return { ...appMode, ignoredDevServer: `ELECTRON_RENDERER_URL is ignored without ${DEV_FLAG} or ${DEV_ENV}=1${isPackaged ? ' (and always in a packaged app)' : ''}.` };
  const origin = loopbackOrigin(devServer);
  if (!origin) return { ...appMode, ignoredDevServer: `ELECTRON_RENDERER_URL must be an http address on this machine (localhost), not "${devServer}".` };
  return { dev, startUrl: devServer, appOrigin: origin };
}

function loopbackOrigin(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && loopback ? parsed.origin : null;
}

/** The main window: locked down whatever the mode; DevTools only in development. */
export function createWindowOptions(mode: LaunchMode, preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 840,
    minWidth: 800,
    minHeight: 500,
    title: PRODUCT_NAME,
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: mode.dev,
    },
  };
}
