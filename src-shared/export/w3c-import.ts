/** W3C Web Annotation import: see the mapping documented in w3c-model.ts. Steps: w3c-unwrap (find the
 * annotations), w3c-read-annotation (read each), w3c-place (place its passage in the article text). */
import type { FromW3COptions, W3CImport } from './w3c-import-types';
import { importAnnotation } from './w3c-read-annotation';
import { fail } from './w3c-read';
import { unwrap } from './w3c-unwrap';

export type { ArticleRef, FromW3COptions, ImportedActor, ImportedAnnotation, ImportedClaim, W3CImport } from './w3c-import-types';
export { W3CImportError } from './w3c-read';

/**
 * Reads W3C Web Annotations: an `AnnotationCollection` with an embedded first page (as `toW3C`
 * writes), an `AnnotationPage`, a single `Annotation`, or a JSON array of Annotations, from the
 * workbench or another tool. Every annotation needs a target with a TextQuoteSelector or a
 * TextPositionSelector (the latter alone only when `resolveText` supplies the text to quote).
 *
 * Pure: nothing is written. Throws a `W3CImportError` whose message names the first problem for
 * input that is not such a document or is damaged (wrong `@context` or `type`, a missing target
 * or selector, a negative position, a malformed `aw:` property, duplicate ids…), so a caller that
 * imports only on success changes nothing. Problems that can be worked around (a body it does not
 * understand, a position that disagrees with the quote in the resolved text) are listed in
 * `problems` instead.
 */
export function fromW3C(json: unknown, options: FromW3COptions = {}): W3CImport {
  const problems: string[] = [];
  const list = unwrap(json, problems);
  const seen = new Set<string>();
  const annotations = list.items.map((item, index) => {
    const path = list.single ? 'annotation' : `items[${index}]`;
    const imported = importAnnotation(item, path, list.requireContext, options, problems);
    if (imported.iri !== null) {
      if (seen.has(imported.iri)) fail(`${path}.id`, `${imported.iri} appears more than once`);
      seen.add(imported.iri);
    }
    return imported;
  });
  return { annotations, problems };
}

