import type { Handlers } from './handlers';
import type { AppSettingsStore } from '../store/app-settings-store';

export type SettingsHandlers = Pick<Handlers, 'settings:get' | 'settings:update'>;

/** The app's own settings: the analyst's name and email, recorded on what they create or change. */
export function settingsHandlers(settings: AppSettingsStore): SettingsHandlers {
  return {
    'settings:get': async () => ({ ...settings.get(), problem: settings.problem }),

    // Not an undoable step: settings belong to the app, not to the project's history.
    'settings:update': async ({ name, email }) => {
      const saved = await settings.update({ ...settings.get(), author: { name, ...(email ? { email } : {}) } });
      return { ...saved, problem: null };
    },
  };
}
