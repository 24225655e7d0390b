/**
 * Maps a DOM selection inside the rendered article back to offsets in the canonical text.
 * Each paragraph element carries `data-start`, its offset; within a paragraph, the rendered text
 * equals the canonical text, so an offset is the paragraph's start plus the length of the text
 * between the paragraph's start and the boundary point.
 */
export function selectionOffsets(root: HTMLElement, selection: Selection | null, text: string): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  let start = pointOffset(root, range.startContainer, range.startOffset);
  let end = pointOffset(root, range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  if (start > end) [start, end] = [end, start];
  // A double-click or a sloppy drag takes spaces and line breaks along; an analyst never means them.
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

function pointOffset(root: HTMLElement, node: Node, offset: number): number | null {
  const element = node instanceof Element ? node : node.parentElement;
  const paragraph = element?.closest<HTMLElement>('[data-start]');
  if (paragraph && root.contains(paragraph)) {
    const probe = document.createRange();
    probe.setStart(paragraph, 0);
    probe.setEnd(node, offset);
    return Number(paragraph.dataset.start) + probe.toString().length;
  }
  // The boundary sits between paragraphs (on the article element itself).
  const paragraphs = [...root.querySelectorAll<HTMLElement>('[data-start]')];
  if (paragraphs.length === 0) return null;
  if (node === root || node.contains(paragraphs[0]!)) {
    const children = [...node.childNodes];
    const after = children.slice(offset).map((child) => (child instanceof HTMLElement ? child.closest('[data-start]') ?? child.querySelector('[data-start]') : null)).find(Boolean) as HTMLElement | undefined;
    if (after) return Number(after.dataset.start);
    const last = paragraphs[paragraphs.length - 1]!;
    return Number(last.dataset.end);
  }
  return null;
}
