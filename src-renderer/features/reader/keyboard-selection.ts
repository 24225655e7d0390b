/**
 * Keyboard selection inside the (non-editable) article. Browsers only let Shift+arrows extend a
 * selection in editable text or with caret browsing on, so the reader does it itself:
 * Shift+←/→ by character, Ctrl/Alt+Shift+←/→ by word, Shift+↑/↓ by line, ←/→ move the caret.
 * Returns true when the key was handled.
 */
export function handleSelectionKey(root: HTMLElement, event: KeyboardEvent): boolean {
  const horizontal = event.key === 'ArrowLeft' || event.key === 'ArrowRight';
  const vertical = event.key === 'ArrowUp' || event.key === 'ArrowDown';
  if (!horizontal && !(vertical && event.shiftKey)) return false;
  const selection = window.getSelection();
  if (!selection) return false;
  if (selection.rangeCount === 0 || !root.contains(selection.anchorNode)) {
    if (!placeCaretAtFirstVisibleParagraph(root, selection)) return false;
  }
  const direction = event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? 'backward' : 'forward';
  const granularity = vertical ? 'line' : event.ctrlKey || event.altKey || event.metaKey ? 'word' : 'character';
  const modify = (selection as Selection & { modify?: (alter: string, direction: string, granularity: string) => void }).modify;
  if (!modify) return false;
  modify.call(selection, event.shiftKey ? 'extend' : 'move', direction, granularity);
  return true;
}

function placeCaretAtFirstVisibleParagraph(root: HTMLElement, selection: Selection): boolean {
  const paragraphs = [...root.querySelectorAll<HTMLElement>('[data-start]')];
  const visible = paragraphs.find((p) => p.getBoundingClientRect().bottom > 0) ?? paragraphs[0];
  if (!visible) return false;
  const walker = document.createTreeWalker(visible, NodeFilter.SHOW_TEXT);
  const first = walker.nextNode();
  if (!first) return false;
  selection.collapse(first, 0);
  return true;
}
