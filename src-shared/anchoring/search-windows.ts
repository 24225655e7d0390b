import type { EditMap } from './edit-map';

/** A range of the new text to search. */
export interface Window {
  start: number;
  end: number;
}

/** Where to look: the changed parts of the text widened by the quote's length, or all of it. */
export function searchWindows(text: string, map: EditMap | undefined, length: number): Window[] {
  if (!map) return [{ start: 0, end: text.length }];
  const windows: Window[] = [];
  for (const c of map.changed) {
    const start = Math.max(0, c.start - length);
    const end = Math.min(text.length, c.end + length);
    const last = windows[windows.length - 1];
    if (last && last.end >= start) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  return windows;
}

export function occurrences(text: string, quote: string, windows: readonly Window[]): Window[] {
  const found: Window[] = [];
  for (const w of windows) {
    // Searched within the window only: indexOf over the whole text from each window's start
    // scanned the rest of a long article once per window and per annotation.
    const part = w.start === 0 && w.end === text.length ? text : text.slice(w.start, w.end);
    for (let i = part.indexOf(quote); i !== -1; i = part.indexOf(quote, i + 1)) {
      found.push({ start: w.start + i, end: w.start + i + quote.length });
    }
  }
  return found;
}
