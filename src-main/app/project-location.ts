import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Analyst Workbench';

/**
 * The folder Electron's `app.getPath('userData')` names for this app, computed without Electron
 * so that the web host opens the same default project as the desktop app.
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

export function defaultProjectDir(userDataDir: string): string {
  return join(userDataDir, 'project');
}
