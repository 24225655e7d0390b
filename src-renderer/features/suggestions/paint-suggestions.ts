import type { Suggestion } from '../../../src-shared/suggest/suggestion';

/** The CSS highlights suggestions are drawn with (app.css): quiet for all, stronger for the current one. */
export const SUGGESTION_HIGHLIGHT = 'workbench-suggestion';
export const CURRENT_SUGGESTION_HIGHLIGHT = 'workbench-suggestion-current';

interface Span {
  start: number;
  end: number;
}

/** The passages a suggestion proposes: every mention of an actor, or a quote's words. */
export function spansOf(suggestion: Suggestion): Span[] {
  return suggestion.type === 'actor' ? suggestion.mentions : [suggestion.span];
}

/**
 * Draws suggestions over the article's text with the CSS Custom Highlight API: nothing is added
 * to the DOM, so they never look like (or get in the way of) annotations. A no-op without the API.
 */
export function paintSuggestions(root: Element | null, all: readonly Suggestion[], current: Suggestion | null): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  if (!root) {
    clearSuggestions();
    return;
  }
  CSS.highlights.set(SUGGESTION_HIGHLIGHT, new Highlight(...rangesFor(root, all.flatMap(spansOf))));
  CSS.highlights.set(CURRENT_SUGGESTION_HIGHLIGHT, new Highlight(...rangesFor(root, current ? spansOf(current) : [])));
}

export function clearSuggestions(): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  CSS.highlights.delete(SUGGESTION_HIGHLIGHT);
  CSS.highlights.delete(CURRENT_SUGGESTION_HIGHLIGHT);
}

/**
 * DOM ranges for text offsets, walking each paragraph's text nodes once: paragraphs carry their
 * offsets (`data-start`, `data-end`, see article-text.tsx); marks inside them only split the text.
 */
function rangesFor(root: Element, spans: readonly Span[]): Range[] {
  const paragraphs = [...root.querySelectorAll<HTMLElement>('[data-start]')].map((element) => ({ element, start: Number(element.dataset.start), end: Number(element.dataset.end) }));
  const inParagraph: Span[][] = paragraphs.map(() => []);
  for (const span of spans) {
    // The first paragraph ending after the span's start (binary search); a span across
    // paragraphs is drawn in each one it covers.
    let low = 0;
    let high = paragraphs.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (paragraphs[mid]!.end <= span.start) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < paragraphs.length && paragraphs[i]!.start < span.end; i++) {
      const p = paragraphs[i]!;
      inParagraph[i]!.push({ start: Math.max(span.start, p.start), end: Math.min(span.end, p.end) });
    }
  }
  return paragraphs.flatMap((p, i) => (inParagraph[i]!.length > 0 ? rangesInParagraph(p.element, p.start, inParagraph[i]!) : []));
}

function rangesInParagraph(paragraph: HTMLElement, pStart: number, spans: readonly Span[]): Range[] {
  const nodes: { node: Text; start: number }[] = [];
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  let offset = pStart;
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    nodes.push({ node, start: offset });
    offset += node.data.length;
  }
  const at = (position: number, end: boolean): [Text, number] | null => {
    for (const { node, start } of nodes) {
      const stop = start + node.data.length;
      if (end ? position <= stop && position > start : position < stop && position >= start) return [node, position - start];
    }
    return null;
  };
  const ranges: Range[] = [];
  for (const span of spans) {
    const from = at(span.start, false);
    const to = at(span.end, true);
    if (!from || !to) continue;
    const range = document.createRange();
    range.setStart(from[0], from[1]);
    range.setEnd(to[0], to[1]);
    ranges.push(range);
  }
  return ranges;
}

/** Scrolls the article so the suggestion's first passage is in view. */
export function scrollToSuggestion(root: Element | null, suggestion: Suggestion): void {
  const start = spansOf(suggestion)[0]?.start ?? 0;
  const paragraph = [...(root?.querySelectorAll<HTMLElement>('[data-start]') ?? [])].find((p) => Number(p.dataset.start) <= start && Number(p.dataset.end) >= start);
  paragraph?.scrollIntoView({ block: 'center' });
}
