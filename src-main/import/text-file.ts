import { decodeText, type DecodedText } from './decode-text';
import { emptyFields, type ExtractedFields } from './import-types';
import { markdownToText } from './markdown-text';
import { normaliseDate, onlyHttpUrl } from './metadata-values';

/** A first line longer than this is the start of the text, not a title. */
const MAX_TITLE_LINE = 200;

/**
 * Plain text: every line break starts a paragraph, as for pasted text (canonicalizeText), and the
 * first line is the title when it is short enough to be one.
 */
export function readTextFile(bytes: Uint8Array, displayName: string, stem: string, forcedEncoding?: string): ExtractedFields {
  const { text, ...encoding } = decodeText(bytes, displayName, '', forcedEncoding);
  const firstLine = text.split(/\r\n?|\n/).map((line) => line.trim()).find((line) => line.length > 0) ?? '';
  return { ...emptyFields(), text, title: firstLine.length < MAX_TITLE_LINE ? firstLine : stem, encoding: encodingOf(encoding) };
}

/**
 * Markdown: the text as rendered; the title from front matter, else the first `#` heading, else
 * as for plain text. Front matter may also carry the date, author, source and URL.
 */
export function readMarkdownFile(bytes: Uint8Array, displayName: string, stem: string, forcedEncoding?: string): ExtractedFields {
  const { text: source, ...encoding } = decodeText(bytes, displayName, '', forcedEncoding);
  const { text, firstHeading, frontMatter } = markdownToText(source);
  const firstLine = text.split('\n').map((line) => line.trim()).find((line) => line.length > 0) ?? '';
  const title =
    frontMatter['title'] || firstHeading || (firstLine.length > 0 && firstLine.length < MAX_TITLE_LINE ? firstLine : stem);
  const source_ = frontMatter['source'] ?? frontMatter['publisher'] ?? '';
  return {
    ...emptyFields(),
    text,
    title,
    published: normaliseDate(frontMatter['date'] ?? frontMatter['published'] ?? ''),
    byline: frontMatter['author'] ?? frontMatter['byline'] ?? '',
    source: source_,
    siteName: source_,
    url: onlyHttpUrl(frontMatter['url'] ?? frontMatter['canonical_url'] ?? ''),
    encoding: encodingOf(encoding),
    declared: { lang: frontMatter['lang'] ?? frontMatter['language'] ?? '' },
  };
}

/** The decoding as the draft reports it. */
export function encodingOf(decoded: Omit<DecodedText, 'text'>): NonNullable<ExtractedFields['encoding']> {
  return { name: decoded.encoding, confidence: decoded.confidence, notes: decoded.notes };
}
