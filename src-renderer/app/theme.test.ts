import { describe, expect, it } from 'vitest';
import { loadThemeChoice, nextThemeChoice, THEME_STORAGE_KEY, ThemeStore, type ThemeChoice } from './theme';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const items = new Map(Object.entries(initial));
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) } as Storage;
}

function fakeMedia(dark: boolean) {
  const listeners: (() => void)[] = [];
  const media = {
    matches: dark,
    addEventListener: (_type: string, listener: () => void) => listeners.push(listener),
  } as unknown as MediaQueryList;
  return {
    matchMedia: () => media,
    setDark(value: boolean) {
      (media as { matches: boolean }).matches = value;
      for (const listener of listeners) listener();
    },
  };
}

const root = () => ({ dataset: {} }) as HTMLElement;

describe('the theme choice', () => {
  it('follows the system until the user chooses, and follows a change of the system setting', () => {
    const html = root();
    const system = fakeMedia(false);
    const store = new ThemeStore(html, memoryStorage(), system.matchMedia);
    expect(store.get()).toBe('system');
    expect(html.dataset.theme).toBe('light');
    system.setDark(true);
    expect(html.dataset.theme).toBe('dark');
  });

  it('a manual choice wins over the system, is saved, and is read back at the next start', () => {
    const html = root();
    const storage = memoryStorage();
    const system = fakeMedia(true);
    const told: ThemeChoice[] = [];
    const store = new ThemeStore(html, storage, system.matchMedia, (c) => told.push(c));
    store.set('light');
    expect(html.dataset.theme).toBe('light');
    system.setDark(true);
    expect(html.dataset.theme).toBe('light');
    expect(told).toEqual(['light']);
    expect(storage.getItem(THEME_STORAGE_KEY)).toBe('light');
    const again = new ThemeStore(root(), storage, system.matchMedia);
    expect(again.get()).toBe('light');
  });

  it('reads an unknown or unreadable saved value as "system"', () => {
    expect(loadThemeChoice(memoryStorage({ [THEME_STORAGE_KEY]: 'purple' }))).toBe('system');
    expect(loadThemeChoice({ getItem: () => { throw new Error('denied'); } })).toBe('system');
    expect(loadThemeChoice(undefined)).toBe('system');
  });

  it('the shortcut steps System → Light → Dark → System', () => {
    expect([nextThemeChoice('system'), nextThemeChoice('light'), nextThemeChoice('dark')]).toEqual(['light', 'dark', 'system']);
  });
});
