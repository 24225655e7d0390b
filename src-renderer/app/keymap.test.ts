import { describe, expect, it } from 'vitest';
import { keyHints, SHORTCUTS, type Shortcut, type ShortcutContext, type ShortcutId } from './keymap';

type Press = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;
const press = (key: string, mods: Partial<Press> = {}): KeyboardEvent => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods }) as KeyboardEvent;
const matching = (event: KeyboardEvent, context: ShortcutContext): ShortcutId[] =>
  (Object.entries(SHORTCUTS) as [ShortcutId, Shortcut][]).filter(([, s]) => s.context === context && s.matches(event)).map(([id]) => id);

describe('keymap', () => {
  it('matches each key to the shortcut the dialog lists for it', () => {
    expect(matching(press('z', { ctrlKey: true }), 'Anywhere')).toEqual(['undo']);
    expect(matching(press('Z', { ctrlKey: true, shiftKey: true }), 'Anywhere')).toEqual(['redo']);
    expect(matching(press('y', { metaKey: true }), 'Anywhere')).toEqual(['redo']);
    expect(matching(press('n'), 'Anywhere')).toEqual(['newArticle']);
    expect(matching(press('n'), 'Review view')).toEqual(['reviewNext']);
    expect(matching(press('7'), 'Reading an article')).toEqual(['tagHotkey']);
    expect(matching(press('s'), 'Reading an article')).toEqual(['nextSuggestion']);
    expect(matching(press('S', { shiftKey: true }), 'Reading an article')).toEqual(['nextSuggestion']);
    expect(matching(press('y'), 'Reading an article')).toEqual(['acceptSuggestion']);
    expect(matching(press('x'), 'Reviewing suggestions')).toEqual(['reviewSuggestionReject']);
    expect(matching(press('ArrowLeft', { shiftKey: true }), 'Reading an article')).toEqual(['selectByCharacter']);
  });

  it('a letter with Ctrl, Cmd or Alt is never taken for the plain letter', () => {
    for (const mods of [{ ctrlKey: true }, { metaKey: true }, { altKey: true }]) {
      expect(matching(press('h', mods), 'Reading an article')).toEqual([]);
      expect(matching(press('r', mods), 'Review view')).toEqual([]);
    }
  });

  it('no key press matches two shortcuts of one context', () => {
    const keys = [...'abcdefghijklmnopqrstuvwxyz0123456789?', 'Escape', 'Delete', 'Backspace', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];
    const modifiers: Partial<Press>[] = [{}, { shiftKey: true }, { ctrlKey: true }, { ctrlKey: true, shiftKey: true }];
    for (const context of ['Anywhere', 'Reading an article', 'Review view', 'Reviewing suggestions'] as const) {
      for (const key of keys) for (const mods of modifiers) expect(matching(press(key, mods), context).length, `${context}: ${JSON.stringify({ key, ...mods })}`).toBeLessThanOrEqual(1);
    }
  });

  it('a view lists its key hints from the same entries', () => {
    expect(keyHints('Review view')).toBe('R reviewed · D disputed · Delete deletes · N / → / J next');
  });
});
