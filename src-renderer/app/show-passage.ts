/** Selects and scrolls to a passage of the open article (a search match). */
export function showPassage(range: { start: number; end: number }): void {
  const root = document.querySelector('article');
  if (!root) return;
  const paragraphs = [...root.querySelectorAll<HTMLElement>('[data-start]')];
  const paragraph = paragraphs.find((p) => Number(p.dataset.start) <= range.start && Number(p.dataset.end) >= range.end);
  if (!paragraph) return;
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  let offset = Number(paragraph.dataset.start);
  const selection = window.getSelection();
  let startNode: Text | null = null;
  let startOffset = 0;
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    const end = offset + node.data.length;
    if (!startNode && range.start < end) {
      startNode = node;
      startOffset = range.start - offset;
    }
    if (startNode && range.end <= end) {
      selection?.setBaseAndExtent(startNode, startOffset, node, range.end - offset);
      node.parentElement?.scrollIntoView({ block: 'center' });
      return;
    }
    offset = end;
  }
}
