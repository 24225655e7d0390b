import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { AppSettings } from '../../src-shared/domain/app-settings';
import { authorNameSchema } from '../../src-shared/domain/author';
import { AppSettingsStore, SETTINGS_FILE } from '../store/app-settings-store';

/** The name used before the analyst gives theirs, when the system has no usable user name. */
export const FALLBACK_AUTHOR_NAME = 'Analyst';

/**
 * The settings of a first start: the analyst named after the system user, so that nothing has
 * to be asked before the app opens (the name can be changed in Settings at any time).
 */
export function defaultSettings(systemUser: () => string = () => userInfo().username): AppSettings {
  let name = FALLBACK_AUTHOR_NAME;
  try {
    const parsed = authorNameSchema.safeParse(systemUser());
    if (parsed.success) name = parsed.data;
  } catch {
    // userInfo() throws for a user without a name or home (some containers): keep the fallback.
  }
  return { author: { name } };
}

/** Opens the settings file in the app's data folder (Electron's userData, or the web host's folder). */
export function openAppSettings(userDataDir: string): Promise<AppSettingsStore> {
  return AppSettingsStore.open(join(userDataDir, SETTINGS_FILE), defaultSettings());
}
