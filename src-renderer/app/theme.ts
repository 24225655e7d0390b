import { useSyncExternalStore } from 'react';

/** What the user chose: follow the system's light or dark setting, or one of them always. */
export type ThemeChoice = 'system' | 'light' | 'dark';
/** The theme drawn: the `data-theme` of <html>, which selects the tokens of ui/theme.css. */
export type Theme = 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
export const THEME_LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** The key of the choice in localStorage: a per-machine preference, not project data. */
export const THEME_STORAGE_KEY = 'workbench.theme';

/** Reads the saved choice; anything unknown (or storage that cannot be read) means "system". */
export function loadThemeChoice(storage: Pick<Storage, 'getItem'> | undefined): ThemeChoice {
  try {
    const saved = storage?.getItem(THEME_STORAGE_KEY);
    return THEME_CHOICES.includes(saved as ThemeChoice) ? (saved as ThemeChoice) : 'system';
  } catch {
    return 'system';
  }
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

/** The shortcut's order: System → Light → Dark → System. */
export function nextThemeChoice(choice: ThemeChoice): ThemeChoice {
  return THEME_CHOICES[(THEME_CHOICES.indexOf(choice) + 1) % THEME_CHOICES.length]!;
}

type Listener = () => void;

/**
 * The one theme choice of the window, shared by whatever shows or changes it (the toolbar, the
 * shortcut, a settings dialog) through `useThemeChoice`. Setting it saves it, redraws with the
 * matching tokens and tells `onChange` (the desktop shell sets the native theme from it).
 */
export class ThemeStore {
  private choice: ThemeChoice;
  private readonly listeners = new Set<Listener>();
  private readonly media: MediaQueryList | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly storage: Storage | undefined,
    matchMedia: ((query: string) => MediaQueryList) | undefined,
    private readonly onChange: (choice: ThemeChoice) => void = () => undefined,
  ) {
    this.choice = loadThemeChoice(storage);
    this.media = matchMedia?.('(prefers-color-scheme: dark)');
    // Under "system", a change of the system's setting redraws at once.
    this.media?.addEventListener('change', () => this.apply());
    this.apply();
  }

  get(): ThemeChoice {
    return this.choice;
  }

  /** The theme drawn now. */
  resolved(): Theme {
    return resolveTheme(this.choice, this.media?.matches ?? false);
  }

  set(choice: ThemeChoice): void {
    this.choice = choice;
    try {
      this.storage?.setItem(THEME_STORAGE_KEY, choice);
    } catch {
      // A storage that refuses (private mode, quota) keeps the choice for this session only.
    }
    this.apply();
    this.onChange(choice);
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private apply(): void {
    this.root.dataset.theme = this.resolved();
    for (const listener of this.listeners) listener();
  }
}

let store: ThemeStore | null = null;

/** Called once at start-up, before the first render, so the first frame has the right colours. */
export function startTheme(onChange?: (choice: ThemeChoice) => void): ThemeStore {
  store = new ThemeStore(document.documentElement, window.localStorage, window.matchMedia?.bind(window), onChange);
  onChange?.(store.get());
  return store;
}

/** The theme choice and a setter, for any component. */
export function useThemeChoice(): [ThemeChoice, (choice: ThemeChoice) => void] {
  if (!store) throw new Error('startTheme() must run before the app renders');
  const current = store;
  const choice = useSyncExternalStore(current.subscribe, () => current.get());
  return [choice, (next) => current.set(next)];
}
