import { SHORTCUTS } from '../app/keymap';
import { THEME_CHOICES, THEME_LABELS, useThemeChoice } from '../app/theme';

/** System, Light or Dark: the choice is kept per machine (see app/theme.ts). */
export function ThemeSwitch() {
  const [choice, setChoice] = useThemeChoice();
  return (
    <label className="theme-switch" title={`Theme (${SHORTCUTS.cycleTheme.keys} switches)`}>
      <span aria-hidden="true">◐</span>
      <span className="visually-hidden">Theme</span>
      <select value={choice} onChange={(e) => setChoice(e.target.value as typeof choice)} aria-keyshortcuts="Control+Shift+L">
        {THEME_CHOICES.map((c) => (
          <option key={c} value={c}>
            {THEME_LABELS[c]}
          </option>
        ))}
      </select>
    </label>
  );
}
