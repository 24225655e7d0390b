/**
 * Import extraction: one file's bytes in, a draft article (or a reason it cannot be one) out.
 *
 * Pipeline
 *   1. Size and emptiness are checked first: nothing over 50 MB is parsed.
 *   2. detect-format.ts picks a reader by content where content is unambiguous (%PDF, a ZIP with
 *      Word's main part) and otherwise by extension. The file name is display text and an
 *      extension, never a path: the bytes arrive already read (from a dialog, a drop or an upload).
 *   3. The reader returns raw text, one paragraph per line, and what metadata the format has:
 *        text-file.ts  .txt (decode-text.ts: BOM, UTF-8, declared, detected) and .md (markdown-text.ts)
 *        html-file.ts  linkedom + Readability, metadata by html-metadata.ts (precedence documented there)
 *        pdf-file.ts   pdfjs text layer, paragraphs rebuilt by pdf-paragraphs.ts
 *        docx-file.ts  mammoth HTML, then the same block-to-paragraph walk as web pages (paragraphs.ts)
 *      A reader throws ExtractionFailure for input it recognises as bad (encrypted, image-only, …).
 *   4. The text is canonicalised (src-shared/text/canonical.ts) once, here, so that every format
 *      yields the same text for the same words, and the SHA-256 of that text (UTF-8) identifies it
 *      for duplicate detection. Language and direction come from the page's declaration if the
 *      text's script agrees, else from the script (src-shared/text/language.ts).
 *
 * Nothing is written anywhere: the result is a draft for the review step. Any other error from a
 * parsing library is reported as 'malformed' so that one bad file never stops a batch.
 */
import { createHash } from 'node:crypto';
import { MAX_ARTICLE_TEXT, MAX_SOURCE, MAX_TITLE } from '../../src-shared/domain/article';
import { canonicalizeText } from '../../src-shared/text/canonical';
import { countWords } from '../../src-shared/text/words';
import { resolveLanguage } from '../../src-shared/text/detect-language';
import { detectFormat } from './detect-format';
import { readDocxFile } from './docx-file';
import { readHtmlFile } from './html-file';
import { ExtractionFailure, type ExtractedFields, type ExtractResult, type ImportFormat } from './import-types';
import { readPdfFile } from './pdf-file';
import { readMarkdownFile, readTextFile } from './text-file';
import { DECODED_FORMATS } from '../../src-shared/domain/import-format';

export type { ExtractResult, ImportDraft, ImportFailureReason, ImportFormat } from './import-types';

/** Files above this size are refused before parsing (the limit). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** `forcedEncoding` (the reviewer's choice) is read by the text and HTML readers; the others have no use for it. */
type Reader = (bytes: Uint8Array, displayName: string, stem: string, forcedEncoding?: string) => ExtractedFields | Promise<ExtractedFields>;


const READERS: Record<ImportFormat, Reader> = {
  txt: readTextFile,
  md: readMarkdownFile,
  html: readHtmlFile,
  pdf: (bytes, displayName, stem) => readPdfFile(bytes, displayName, stem),
  docx: readDocxFile,
};

export async function extractArticle(file: { name: string; bytes: Uint8Array; encoding?: string }): Promise<ExtractResult> {
  const name = displayName(file.name);
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const { bytes } = file;

  if (bytes.length > MAX_IMPORT_BYTES) {
    return fail('too-large', `${name} is ${megabytes(bytes.length)} MB; files larger than 50 MB are not imported. Save the article on its own in a smaller file and import that.`);
  }
  if (bytes.length === 0) return fail('empty', `${name} is empty (0 bytes): there is nothing to import.`);

  const detected = detectFormat(bytes, extension, name);
  if ('unsupported' in detected) return fail('unsupported-type', detected.unsupported);
  const format = detected.format;

  let fields: ExtractedFields;
  try {
    fields = await READERS[format](bytes, name, stem, DECODED_FORMATS.has(format) ? file.encoding : undefined);
  } catch (error) {
    if (error instanceof ExtractionFailure) return fail(error.reason, error.message);
    // A parser's own error: the file is the likelier culprit, and one file must not stop a batch.
    const detail = error instanceof Error ? error.message : String(error);
    return fail('malformed', `${name} could not be read as ${FORMAT_NAMES[format]}: ${detail}.`);
  }

  const text = canonicalizeText(fields.text);
  if (!text) return fail('empty', `${name} contains no text to import.`);
  if (text.length > MAX_ARTICLE_TEXT) {
    return fail('too-large', `${name} holds ${text.length.toLocaleString('en')} characters of text, more than an article can hold (${MAX_ARTICLE_TEXT.toLocaleString('en')}); split it into smaller files.`);
  }
  const title = clip(fields.title, MAX_TITLE) || clip(stem, MAX_TITLE) || 'Untitled';
  const { language, direction } = resolveLanguage(text, fields.declared);
  // A PDF or Word file carries its own text encoding: a chosen one is ignored, and the reviewer told.
  const ignored = file.encoding && !DECODED_FORMATS.has(format) ? [`${FORMAT_NAMES[format].replace(/^a /, 'A ')} is not read in a chosen encoding; ${file.encoding} was ignored.`] : [];
  return {
    ok: true,
    draft: {
      title,
      source: clip(fields.source, MAX_SOURCE),
      url: fields.url,
      published: fields.published,
      byline: clip(fields.byline, MAX_SOURCE),
      siteName: clip(fields.siteName, MAX_SOURCE),
      text,
      format,
      originalName: name,
      sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
      wordCount: countWords(text),
      firstLines: firstLines(text, title),
      language,
      direction,
      ...(fields.encoding && {
        encoding: fields.encoding.name,
        encodingConfidence: fields.encoding.confidence,
        notes: fields.encoding.notes,
      }),
      ...(ignored.length > 0 && { notes: ignored }),
    },
  };
}

const FORMAT_NAMES: Record<ImportFormat, string> = {
  txt: 'a text file',
  md: 'a Markdown file',
  html: 'a web page',
  pdf: 'a PDF',
  docx: 'a Word document',
};

function fail(reason: Extract<ExtractResult, { ok: false }>['reason'], message: string): ExtractResult {
  return { ok: false, reason, message };
}

/**
 * The name as shown to people: the last path segment (a browser or a drop may pass more),
 * without control characters that could forge lines in a result list.
 */
function displayName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '').trim().slice(0, 255);
  return clean || 'Unnamed file';
}

/** One line, at most `max` characters: metadata comes from pages with generous ideas about length. */
function clip(value: string, max: number): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

const FIRST_LINES_PARAGRAPHS = 3;
const FIRST_LINES_CHARS = 300;

/** The opening the review step shows: the title paragraph skipped, three paragraphs, 300 characters. */
function firstLines(text: string, title: string): string {
  const paragraphs = text.split('\n\n');
  if (paragraphs[0] === title) paragraphs.shift();
  const opening = paragraphs.slice(0, FIRST_LINES_PARAGRAPHS).join('\n');
  return opening.length <= FIRST_LINES_CHARS ? opening : `${opening.slice(0, FIRST_LINES_CHARS - 1).trimEnd()}…`;
}

function megabytes(size: number): string {
  return (size / (1024 * 1024)).toFixed(1);
}
