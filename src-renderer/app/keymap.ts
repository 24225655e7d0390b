import { useEffect, useRef } from 'react';

/** Where a shortcut acts; the dialog groups them so. */
export type ShortcutContext = 'Anywhere' | 'Reading an article' | 'Review view' | 'Reviewing suggestions';

/** One keyboard shortcut: how the dialog shows it, and which key events it answers. */
export interface Shortcut {
  /** As the shortcuts dialog shows it. */
  keys: string;
  /** What it does, for the dialog. */
  action: string;
  context: ShortcutContext;
  /** A word or two for a view's own key hints ("reviewed"). */
  hint?: string;
  matches(event: KeyboardEvent): boolean;
}

const mod = (e: KeyboardEvent): boolean => e.ctrlKey || e.metaKey;
const plain = (e: KeyboardEvent): boolean => !e.ctrlKey && !e.metaKey && !e.altKey;
const key = (...keys: string[]) => (e: KeyboardEvent) => plain(e) && keys.includes(e.key);

/**
 * Every keyboard shortcut of the app, declared once: the listeners match events against these
 * entries and the shortcuts dialog lists them, so the two cannot drift apart.
 */
export const SHORTCUTS = {
  selectByCharacter: {
    keys: 'Shift + ← / →',
    action: 'Select text by character (with Ctrl or Alt: by word)',
    context: 'Reading an article',
    matches: (e) => e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight'),
  },
  moveCaret: { keys: '← / →', action: 'Move the caret in the article (where a keyboard selection starts)', context: 'Reading an article', matches: (e) => !e.shiftKey && key('ArrowLeft', 'ArrowRight')(e) },
  selectByLine: { keys: 'Shift + ↑ / ↓', action: 'Select text by line', context: 'Reading an article', matches: (e) => e.shiftKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') },
  highlight: { keys: 'H', action: 'Highlight the selection', context: 'Reading an article', matches: key('h') },
  markActor: { keys: 'A', action: 'Mark the selection as an actor mention', context: 'Reading an article', matches: key('a') },
  markClaim: { keys: 'C', action: 'Mark the selection as a claim', context: 'Reading an article', matches: key('c') },
  tagMenu: { keys: 'T', action: 'Tag the selection', context: 'Reading an article', matches: key('t') },
  tagHotkey: {
    keys: '1 – 9',
    action: 'Apply the tag with that hotkey to the selection or the selected annotation',
    context: 'Reading an article',
    matches: (e) => plain(e) && /^[1-9]$/.test(e.key),
  },
  nextPrevious: { keys: 'J / K', action: 'Next / previous annotation', context: 'Reading an article', matches: key('j', 'k') },
  edit: { keys: 'E', action: 'Edit the selected annotation (claims open their form)', context: 'Reading an article', matches: key('e') },
  reviewed: { keys: 'R', action: 'Mark the selected annotation reviewed', context: 'Reading an article', matches: key('r') },
  disputed: { keys: 'D', action: 'Mark the selected annotation disputed', context: 'Reading an article', matches: key('d') },
  remove: { keys: 'Delete', action: 'Delete the selected annotation', context: 'Reading an article', matches: key('Delete', 'Backspace') },
  clear: { keys: 'Esc', action: 'Clear the selection, close a dialog', context: 'Reading an article', matches: key('Escape') },
  nextSuggestion: { keys: 'S / Shift + S', action: 'Next / previous suggestion', context: 'Reading an article', matches: key('s', 'S') },
  acceptSuggestion: { keys: 'Y', action: 'Accept the current suggestion', context: 'Reading an article', matches: key('y') },
  rejectSuggestion: { keys: 'X', action: 'Reject the current suggestion', context: 'Reading an article', matches: key('x') },

  reviewMarkReviewed: { keys: 'R', action: 'Mark the shown annotation reviewed', context: 'Review view', hint: 'reviewed', matches: key('r') },
  reviewMarkDisputed: { keys: 'D', action: 'Mark the shown annotation disputed', context: 'Review view', hint: 'disputed', matches: key('d') },
  reviewDelete: { keys: 'Delete', action: 'Delete the shown annotation', context: 'Review view', hint: 'deletes', matches: key('Delete') },
  reviewNext: { keys: 'N / → / J', action: 'Next annotation to review', context: 'Review view', hint: 'next', matches: key('n', 'ArrowRight', 'j') },

  reviewSuggestionAccept: { keys: 'Y', action: 'Accept the shown suggestion', context: 'Reviewing suggestions', hint: 'accepts', matches: key('y') },
  reviewSuggestionReject: { keys: 'X', action: 'Reject the shown suggestion', context: 'Reviewing suggestions', hint: 'rejects', matches: key('x') },
  reviewSuggestionNext: { keys: 'N / → / J', action: 'Next suggestion', context: 'Reviewing suggestions', hint: 'next', matches: key('n', 'ArrowRight', 'j') },

  undo: { keys: 'Ctrl/Cmd + Z', action: 'Undo', context: 'Anywhere', matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z' },
  redo: {
    keys: 'Ctrl/Cmd + Shift + Z',
    action: 'Redo (also Ctrl + Y)',
    context: 'Anywhere',
    matches: (e) => mod(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y'),
  },
  newArticle: { keys: 'N', action: 'New article', context: 'Anywhere', matches: key('n') },
  showShortcuts: { keys: '?', action: 'Show these shortcuts', context: 'Anywhere', matches: (e) => e.key === '?' && !mod(e) },
  settings: { keys: 'Ctrl/Cmd + ,', action: 'Settings: your name and email', context: 'Anywhere', matches: (e) => mod(e) && !e.shiftKey && !e.altKey && e.key === ',' },
} as const satisfies Record<string, Shortcut>;

export type ShortcutId = keyof typeof SHORTCUTS;

/**
 * Whether a key press belongs to what has focus rather than to the app: typing in a field, a
 * contenteditable, an open dialog or a menu. The one test every shortcut listener applies.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || Boolean(target.closest('input, textarea, select, dialog, [role="menu"]'));
}

/** One line of key hints for a context, from the same entries: "R reviewed · D disputed". */
export function keyHints(context: ShortcutContext): string {
  return (Object.values(SHORTCUTS) as Shortcut[])
    .filter((s) => s.context === context)
    .map((s) => (s.hint ? `${s.keys} ${s.hint}` : s.keys))
    .join(' · ');
}

/** A handler returns false when the key does not apply now (it then falls through to the next layer). */
export type ShortcutHandlers = Partial<Record<ShortcutId, (event: KeyboardEvent) => boolean | void>>;

interface Layer {
  /** Higher first: a view's keys before the app's. */
  priority: number;
  handlers: { current: ShortcutHandlers };
}

const layers: Layer[] = [];

function dispatch(event: KeyboardEvent): void {
  if (event.defaultPrevented || isTypingTarget(event.target)) return;
  // Later layers of equal priority (mounted more recently) go first.
  const ordered = [...layers].reverse().sort((a, b) => b.priority - a.priority);
  for (const layer of ordered) {
    for (const [id, handle] of Object.entries(layer.handlers.current) as [ShortcutId, ShortcutHandlers[ShortcutId]][]) {
      if (!handle || !SHORTCUTS[id].matches(event)) continue;
      if (handle(event) === false) continue;
      event.preventDefault();
      return;
    }
  }
}

/** Layers: a view's own keys take precedence over the app's (N in the Review view means Next). */
export const PRIORITY = { app: 0, view: 1 } as const;

/**
 * Binds shortcuts while the component is mounted. All layers share one window listener, so
 * which key wins never depends on the order in which effects ran.
 */
export function useShortcuts(handlers: ShortcutHandlers, priority: number): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const layer: Layer = { priority, handlers: ref };
    layers.push(layer);
    if (layers.length === 1) window.addEventListener('keydown', dispatch);
    return () => {
      layers.splice(layers.indexOf(layer), 1);
      if (layers.length === 0) window.removeEventListener('keydown', dispatch);
    };
  }, [priority]);
}
