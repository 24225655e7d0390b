import { z } from 'zod';

/** Which way a text runs. */
export const textDirectionSchema = z.enum(['ltr', 'rtl']);

/** The file formats the importer reads: the one list every layer uses. */
export const IMPORT_FORMATS = ['txt', 'md', 'html', 'pdf', 'docx'] as const;
export const importFormatSchema = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof importFormatSchema>;

/** File name extensions (lower case, no dot) and the format each is read as. */
export const IMPORT_EXTENSIONS: Readonly<Record<string, ImportFormat>> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  pdf: 'pdf',
  docx: 'docx',
};

/** The extensions a file picker offers, e.g. for `<input accept>` or a system dialog's filter (the rare spellings are still read when named so). */
export const PICKER_EXTENSIONS: readonly string[] = Object.keys(IMPORT_EXTENSIONS).filter((extension) => extension !== 'text' && extension !== 'xhtml');

/** The formats whose bytes are text in some encoding, so that a chosen encoding applies to them. */
export const DECODED_FORMATS: ReadonlySet<ImportFormat> = new Set(['txt', 'md', 'html']);

/**
 * The encodings a text or HTML file can be read in: those the detector chooses among
 * (src-main/import/detect-encoding.ts), the ones it folds into them (KOI8-R, GB 18030,
 * ISO-8859-8), and UTF-8. WHATWG names, which `TextDecoder` accepts; the review table offers
 * them, and `import:extract` takes one to force a file's decoding.
 */
export const IMPORT_ENCODINGS = [
  'utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'windows-1251', 'koi8-r', 'koi8-u', 'gbk', 'gb18030',
  'big5', 'shift_jis', 'euc-jp', 'euc-kr', 'windows-1256', 'windows-1255', 'iso-8859-8',
] as const;
export const importEncodingSchema = z.enum(IMPORT_ENCODINGS);
export type ImportEncoding = z.infer<typeof importEncodingSchema>;

/** What one file yields before the user reviews it; nothing is saved yet. */
export const importDraftSchema = z.object({
  title: z.string(),
  /** Publication or site the article comes from ('' when unknown). */
  source: z.string(),
  /** Canonical http(s) URL, or ''. */
  url: z.string(),
  /** YYYY-MM-DD, or '' when unknown. */
  published: z.string(),
  /** Attribution as printed on the page (see src-main/import/html-metadata.ts for the rule), or ''. */
  byline: z.string(),
  siteName: z.string(),
  /** Canonical text (src-shared/text/canonical.ts): what every annotation offset counts against. */
  text: z.string(),
  format: importFormatSchema,
  /** The file's base name, for display only. */
  originalName: z.string(),
  /** Hex SHA-256 of `text` as UTF-8: how a text already in the library is recognised. */
  sha256: z.string(),
  wordCount: z.number().int(),
  /** The opening of the text (up to three paragraphs after the title, one per line), for the review table. */
  firstLines: z.string(),
  /** WHATWG name of the encoding the bytes were read in (text and HTML files only). */
  encoding: z.string().optional(),
  /** 0–1: 1 when the file declared it (BOM, charset the bytes agree with) or is valid UTF-8; lower when detected. */
  encodingConfidence: z.number().min(0).max(1).optional(),
  /** Things the reviewer should know (an encoding guessed, a declaration overridden), one sentence each. */
  notes: z.array(z.string()).optional(),
  /** BCP 47 language tag ('' when unknown): the page's lang if the text agrees, else guessed from the script. */
  language: z.string().optional(),
  /** Which way the text runs: render it with dir set to this. */
  direction: textDirectionSchema.optional(),
});
export type ImportDraft = z.infer<typeof importDraftSchema>;

/** The picker's extensions for a sentence: ".txt, .md, .html, .htm, .pdf or .docx". */
export function describeImportExtensions(): string {
  const shown = PICKER_EXTENSIONS.filter((e) => e !== 'markdown').map((e) => `.${e}`);
  return `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`;
}
