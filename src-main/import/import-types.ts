import type { ImportDraft } from '../../src-shared/domain/import-format';

export type { ImportDraft, ImportFormat } from '../../src-shared/domain/import-format';

/** Why a file was not imported; a code for machines, paired with a message for people. */
export type ImportFailureReason =
  | 'empty'
  | 'not-text'
  | 'unsupported-type'
  | 'encrypted-pdf'
  | 'image-only-pdf'
  | 'too-large'
  /** Took longer or more memory to read than an article can (a PDF built to stall its reader). */
  | 'too-complex'
  | 'malformed';

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
  /** How the bytes were decoded (text and HTML only): see decode-text.ts. */
  encoding?: { name: string; confidence: number; notes: string[] };
  /** The language and direction the document declares (HTML's lang and dir), checked against the text later. */
  declared?: { lang?: string; dir?: string };
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
