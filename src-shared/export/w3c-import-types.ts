/** What the W3C import yields (see fromW3C in w3c-import.ts). */
import type { Author } from '../domain/author';
import type { AnnotationKind, ReviewStatus } from '../domain/annotation';
import type { Id } from '../domain/ids';
import type { ImportedActor, ImportedClaim } from './w3c-terms';

export type { ImportedActor, ImportedClaim } from './w3c-terms';

/** A TextQuoteSelector as read. */
export interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** The article an imported annotation belongs to, as far as the file tells. */
export interface ArticleRef {
  /** The target's `source` as written in the file: a URL, `urn:uuid:<article id>`, or another IRI. */
  iri: string;
  /** Our article id, from `aw:article` or a `urn:uuid:` source; null for a foreign article. */
  id: Id | null;
  /** The article's http(s) URL when the source is one. */
  url: string | null;
  /** From `aw:article`, when present. */
  title: string | null;
  source: string | null;
  published: string | null;
}

export interface ImportedAnnotation {
  /** Our annotation id when the file's id is `urn:uuid:<id>`; null for other (foreign) ids. */
  id: Id | null;
  /** The annotation's `id` as written in the file, or null when it has none. */
  iri: string | null;
  article: ArticleRef;
  kind: AnnotationKind;
  /** The quote (from the TextQuoteSelector, or read from the resolved text). */
  exact: string;
  prefix: string;
  suffix: string;
  /** The TextPositionSelector's range in Unicode code points, or null when the file has none. */
  position: { start: number; end: number } | null;
  /**
   * UTF-16 offsets of the passage in the text `resolveText` returned: the position when it holds
   * the quote, otherwise wherever the quote is found (as re-anchoring after an edit does). Null
   * when no text was resolved or the passage was not found in it.
   */
  offsets: { start: number; end: number } | null;
  /** True when the place is unknown: marked `aw:orphan` and not placed, or not found in the resolved text. */
  orphan: boolean;
  /** Tag names, in file order, without duplicates. */
  tags: string[];
  note: string;
  status: ReviewStatus;
  actor: ImportedActor | null;
  claim: ImportedClaim | null;
  created: string | null;
  modified: string | null;
  /** The file's `creator` (the first Person with a name), or null when it names none. */
  creator: Author | null;
}

export interface W3CImport {
  annotations: ImportedAnnotation[];
  /** Things the import noticed but could work around, each naming where ("items[2].body[1]: …"). */
  problems: string[];
}

export interface FromW3COptions {
  /**
   * Returns the canonical text of the article an annotation targets, or null when it is not in
   * the project. With it, positions are checked against the quotes and converted to UTF-16.
   */
  resolveText?: (ref: ArticleRef) => string | null;
}

