/** Step 3 of the W3C import: place a passage in the article's text, as re-anchoring after an edit does. */
import { describeRange, sliceWhole } from '../anchoring/quote-selector';
import { reanchor } from '../anchoring/reanchor';
import type { ArticleRef, FromW3COptions, ImportedAnnotation, Quote } from './w3c-import-types';
import { OffsetMap } from './w3c-model';
import { fail } from './w3c-read';

/** Where a passage lands: the quote as found, and its place (or none) in the resolved text. */
export type Placement = Pick<ImportedAnnotation, 'exact' | 'prefix' | 'suffix' | 'position' | 'offsets' | 'orphan'>;

export function place(args: {
  quote: Quote | null;
  position: { start: number; end: number } | null;
  article: ArticleRef;
  markedOrphan: boolean;
  path: string;
  options: FromW3COptions;
  problems: string[];
}): Placement {
  const { quote, position, article, markedOrphan, path, options, problems } = args;
  const text = options.resolveText ? options.resolveText(article) : undefined;
  if (typeof text !== 'string') {
    if (text === null) problems.push(`${path}: the text of ${article.iri} is not available; the passage was not placed`);
    if (!quote) fail(path, `only a TextPositionSelector, and the text of ${article.iri} is not available to read the quote from`);
    return { ...quote, position, offsets: null, orphan: markedOrphan };
  }

  const map = new OffsetMap(text);
  const range = position ? `${position.start}–${position.end}` : '';
  if (position) {
    if (position.end > map.codePointLength) {
      problems.push(`${path}: the TextPositionSelector ${range} lies outside the article text (${map.codePointLength} characters)`);
    } else {
      const start = map.toUtf16(position.start);
      const end = map.toUtf16(position.end);
      const covered = text.slice(start, end);
      if (!quote) {
        try {
          return { ...describeRange(text, start, end), position, offsets: { start, end }, orphan: false };
        } catch (error) {
          fail(path, `the TextPositionSelector ${range} does not mark a passage: ${(error as Error).message}`);
        }
      }
      if (covered === quote.exact) return { ...quote, position, offsets: { start, end }, orphan: false };
      problems.push(`${path}: the TextPositionSelector ${range} covers "${clip(covered)}" but the TextQuoteSelector says "${clip(quote.exact)}"`);
    }
    if (!quote) fail(path, `only a TextPositionSelector, and it does not fit the text of ${article.iri}`);
  }

  // Find the quote, as re-anchoring does after an edit (exactly, then approximately).
  const guess = position && position.end <= map.codePointLength ? { start: map.toUtf16(position.start), end: map.toUtf16(position.end) } : { start: 0, end: 0 };
  const found = reanchor(text, { ...quote!, ...guess });
  if (found.status === 'anchored') {
    if (found.how === 'fuzzy') problems.push(`${path}: the quote "${clip(quote!.exact)}" was found only approximately; its passage now reads "${clip(found.target.exact)}"`);
    else if (position) problems.push(`${path}: placed by the quote instead of the position`);
    const { start, end, ...rest } = found.target;
    return { ...rest, position, offsets: { start, end }, orphan: false };
  }
  if (!markedOrphan) problems.push(`${path}: the quote "${clip(quote!.exact)}" was not found in the text of ${article.iri}; imported as an orphan`);
  return { ...quote!, position, offsets: null, orphan: true };
}

export function clip(text: string): string {
  return text.length > 60 ? `${sliceWhole(text, 0, 60)}…` : text;
}
