import type { Suggestion, SuggestionKey, TextSpan } from './suggestion';

/** What of an annotation decides whether a suggestion is already done. */
export interface MarkedPassage {
  kind: 'highlight' | 'actor' | 'claim';
  target: { start: number; end: number };
  anchor: 'anchored' | 'orphan';
}

/**
 * The suggestions still worth proposing: not rejected, and not already annotated. An actor's
 * mention is done when an actor mention covers it (it is dropped from the proposal; a proposal
 * with no mention left is dropped); a quote is done when a claim overlaps at least half of it
 * or of the claim (the analyst marked it with slightly different edges).
 */
export function pendingSuggestions(all: readonly Suggestion[], annotations: readonly MarkedPassage[], rejected: ReadonlySet<SuggestionKey>): Suggestion[] {
  const actorMarks = sortedSpans(annotations, 'actor');
  const claimMarks = sortedSpans(annotations, 'claim');
  const result: Suggestion[] = [];
  for (const suggestion of all) {
    if (rejected.has(suggestion.key)) continue;
    if (suggestion.type === 'actor') {
      const mentions = suggestion.mentions.filter((m) => !overlapping(actorMarks, m).some((a) => a.start <= m.start && a.end >= m.end));
      if (mentions.length === 0) continue;
      result.push(mentions.length === suggestion.mentions.length ? suggestion : { ...suggestion, mentions });
    } else {
      const { span } = suggestion;
      const done = overlapping(claimMarks, span).some((c) => {
        const shared = Math.min(c.end, span.end) - Math.max(c.start, span.start);
        return shared * 2 >= Math.min(c.end - c.start, span.end - span.start);
      });
      if (!done) result.push(suggestion);
    }
  }
  return result;
}

interface Span {
  start: number;
  end: number;
}

function sortedSpans(annotations: readonly MarkedPassage[], kind: MarkedPassage['kind']): Span[] {
  return annotations
    .filter((a) => a.kind === kind && a.anchor === 'anchored')
    .map((a) => ({ start: a.target.start, end: a.target.end }))
    .sort((a, b) => a.start - b.start);
}

/** Marks that overlap the span; marks are sorted by start, so the scan stops past its end. */
function overlapping(marks: readonly Span[], span: Span | TextSpan): Span[] {
  const found: Span[] = [];
  for (const mark of marks) {
    if (mark.start >= span.end) break;
    if (mark.end > span.start) found.push(mark);
  }
  return found;
}

/** Where a suggestion sits in the text: its first mention or its passage. */
export function suggestionStart(suggestion: Suggestion): number {
  return suggestion.type === 'actor' ? (suggestion.mentions[0]?.start ?? 0) : suggestion.span.start;
}
