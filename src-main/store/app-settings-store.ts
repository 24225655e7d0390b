import { mkdir, readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { appSettingsSchema, type AppSettings } from '../../src-shared/domain/app-settings';
import { writeFileDurable } from './durable-file';
import { SerialQueue } from './serial-queue';
import { CorruptFileError } from './json-file-adapter';
import { isUnusableFileError, moveAside } from './set-aside';

/** Version of `settings.json`; bump with a migration when its shape changes. */
export const SETTINGS_FORMAT = 1;

/** The name of the settings file in the app's data folder. */
export const SETTINGS_FILE = 'settings.json';

/**
 * The app's own settings (the analyst's identity), in one small JSON file in the app's data
 * folder. A missing file means defaults, and is written only at the first change, so the first
 * start asks nothing and writes nothing. A damaged file is set aside (kept, renamed) and
 * reported; the app starts with defaults. Saves are durable and run one after another.
 */
export class AppSettingsStore {
  private readonly queue = new SerialQueue();

  private constructor(
    /** Where the settings live; null keeps them in memory only (tests, a throwaway run). */
    readonly path: string | null,
    private current: AppSettings,
    /** What went wrong reading the file, for the user; null when it was fine or absent. */
    readonly problem: string | null,
  ) {}

  /** Settings kept in memory only. */
  static inMemory(settings: AppSettings): AppSettingsStore {
    return new AppSettingsStore(null, appSettingsSchema.parse(settings), null);
  }

  /** Reads the settings at `path`, or starts from `defaults` when there is no usable file. */
  static async open(path: string, defaults: AppSettings): Promise<AppSettingsStore> {
    let raw: string;
    try {
      raw = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new AppSettingsStore(path, defaults, null);
      if (isUnusableFileError(error)) return new AppSettingsStore(path, defaults, await setAside(path, error));
      // Settings must never stop the app from starting: say what happened and go on with defaults.
      return new AppSettingsStore(path, defaults, `Your settings could not be read (${(error as Error).message}). Until they can be saved, your work is recorded under the name in Settings now.`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      return new AppSettingsStore(path, defaults, await setAside(path, new CorruptFileError(path, `it is not valid JSON (${(error as Error).message})`)));
    }
    const settings = appSettingsSchema.safeParse(parsed);
    const version = (parsed as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (!settings.success || (typeof version === 'number' && version > SETTINGS_FORMAT)) {
      const why = settings.success ? `it was written by a newer version of the app (format ${String(version)})` : `its content is not valid (${settings.error.issues[0]?.path.join('.')}: ${settings.error.issues[0]?.message})`;
      return new AppSettingsStore(path, defaults, await setAside(path, new CorruptFileError(path, why)));
    }
    return new AppSettingsStore(path, settings.data, null);
  }

  /** The settings as they are now (a copy). */
  get(): AppSettings {
    return structuredClone(this.current);
  }

  /**
   * Replaces the settings; resolves once they are durable on disk. The settings in memory change
   * only after the write succeeded, so a failed save leaves the app as it was.
   */
  update(next: AppSettings): Promise<AppSettings> {
    const settings = appSettingsSchema.parse(next);
    return this.queue.run(async () => {
      if (this.path) {
        await mkdir(dirname(this.path), { recursive: true });
        await writeFileDurable(this.path, `${JSON.stringify({ schemaVersion: SETTINGS_FORMAT, ...settings }, null, 2)}\n`);
      }
      this.current = settings;
      return this.get();
    });
  }
}

async function setAside(path: string, error: unknown): Promise<string> {
  const problem = await moveAside(dirname(path), basename(path), error, 'Your settings were reset: check your name in Settings');
  return problem.message;
}
