import { resolve } from 'node:path';

export interface LaunchOptions {
  /** Absolute project folder, when `--project DIR` was given. */
  project?: string;
  /** Port for the web host; 0 picks a free one. */
  port?: number;
  /** The web host's folder for the app's own settings (`--settings-dir DIR`); tests isolate with it. */
  settingsDir?: string;
}

/**
 * Reads `--project DIR`, `--port N` and `--settings-dir DIR` (also as `--project=DIR`). Unknown arguments are ignored
 * because Electron and Chromium add switches of their own.
 */
export function parseLaunchArgs(argv: readonly string[], cwd: string = process.cwd()): LaunchOptions {
  const options: LaunchOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name !== '--project' && name !== '--port' && name !== '--settings-dir') continue;
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new Error(`${name} needs a value.`);
    if (name === '--project') options.project = resolve(cwd, value);
    else if (name === '--settings-dir') options.settingsDir = resolve(cwd, value);
    else {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${value}".`);
      options.port = port;
    }
  }
  return options;
}
