/**
 * `npm run serve`: the workbench in a browser. Opens the project, serves the renderer and the
 * API on 127.0.0.1, and prints exactly one line on stdout, the address with its token, which
 * scripts and tests read. Everything else goes to stderr.
 */
import { join } from 'node:path';
import { parseLaunchArgs } from '../app/cli-args';
import { defaultProjectDir, defaultUserDataDir } from '../app/project-location';
import { describeStartFailure } from '../app/start-failure';
import { openWorkbench } from '../app/workbench';
import { openAppSettings } from '../app/app-settings';
import { startWebHost } from './web-host';

async function main(): Promise<void> {
  const args = parseLaunchArgs(process.argv.slice(2));
  const projectDir = args.project ?? defaultProjectDir(defaultUserDataDir());
  // The app's own settings: --settings-dir, else WORKBENCH_SETTINGS_DIR, else where Electron keeps them.
  const settingsDir = args.settingsDir ?? (process.env.WORKBENCH_SETTINGS_DIR || defaultUserDataDir());
  const settings = await openAppSettings(settingsDir);
  const workbench = await openWorkbench(projectDir, { sample: args.project === undefined, settings });
  const host = await startWebHost({ router: workbench.router, rendererDir: join(__dirname, '../renderer'), port: args.port ?? 0 });
  process.stdout.write(`Workbench running at ${host.url}\n`);
  console.error(`Project: ${projectDir}`);
  console.error(`Settings: ${settingsDir}`);
  if (settings.problem) console.error(`Warning: ${settings.problem}`);
  for (const problem of workbench.store.problems) console.error(`Warning: ${problem.message}`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: stopping the web host and saving…`);
    void Promise.allSettled([host.close(), workbench.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`Analyst Workbench could not start: ${describeStartFailure(error)}`);
  process.exit(1);
});
