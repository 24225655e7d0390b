/** File formats the importer reads. */
export type ImportFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx';

/** Why a file was not imported; a code for machines, paired with a message for people. */
export type ImportFailureReason =
  | 'empty'
  | 'not-text'
  | 'unsupported-type'
  | 'encrypted-pdf'
  | 'image-only-pdf'
  | 'too-large'
  | 'malformed';

/** What one file yields before the user reviews it; nothing is saved yet. */
export interface ImportDraft {
  title: string;
  /** Publication or site the article comes from ('' when unknown). */
  source: string;
  /** Canonical http(s) URL, or ''. */
  url: string;
  /** YYYY-MM-DD, or '' when unknown. */
  published: string;
  /** Attribution as printed on the page (see html-metadata.ts for the rule), or ''. */
  byline: string;
  siteName: string;
  /** Canonical text (src-shared/text/canonical.ts): what every annotation offset counts against. */
  text: string;
  format: ImportFormat;
  /** The file's base name, for display only. */
  originalName: string;
  /** Hex SHA-256 of `text` as UTF-8: how a text already in the library is recognised. */
  sha256: string;
  wordCount: number;
  /** The opening of the text (up to three paragraphs after the title, one per line), for the review table. */
  firstLines: string;
}

export type ExtractResult =
  | { ok: true; draft: ImportDraft }
  | { ok: false; reason: ImportFailureReason; message: string };

/** Metadata and raw text as a format reader finds them, before canonicalisation. */
export interface ExtractedFields {
  title: string;
  source: string;
  url: string;
  published: string;
  byline: string;
  siteName: string;
  /** One paragraph per line (or blank-line separated); canonicalised by the dispatcher. */
  text: string;
}

/**
 * Thrown by a format reader for a file it cannot import. The dispatcher turns it into a failed
 * ExtractResult; readers throw rather than return so that deep helpers need no plumbing.
 */
export class ExtractionFailure extends Error {
  constructor(
    readonly reason: ImportFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'ExtractionFailure';
  }
}

/** Fields every reader starts from; readers fill in what their format knows. */
export function emptyFields(): ExtractedFields {
  return { title: '', source: '', url: '', published: '', byline: '', siteName: '', text: '' };
}
