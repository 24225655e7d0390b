import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import type { DomDocument } from './dom-types';
import { emptyFields, ExtractionFailure, type ExtractedFields } from './import-types';
import { tidy } from './metadata-values';
import { blocksToParagraphs } from './paragraphs';
import { readZipEntry, zipEntries } from './zip-reader';

/** Word's Title and Subtitle styles are headings to a reader; mammoth's default map ignores them. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

/**
 * A Word document as paragraphs, through mammoth's HTML (so headings and list items become
 * paragraphs just as on a web page). Title: the first level-1 heading (or Title-styled
 * paragraph), else the document's Title property, else the first line if it is short.
 */
export async function readDocxFile(bytes: Uint8Array, displayName: string, stem: string): Promise<ExtractedFields> {
  const entries = zipEntries(bytes);
  if (!entries) {
    throw new ExtractionFailure('malformed', `${displayName} could not be read as a Word document: the file is damaged or incomplete. Open it in Word and save it again.`);
  }
  if (!entries.has('word/document.xml')) {
    const mimetype = entries.get('mimetype');
    const kind = mimetype ? new TextDecoder().decode(readZipEntry(bytes, mimetype, 200) ?? new Uint8Array()) : '';
    if (kind.startsWith('application/vnd.oasis.opendocument')) {
      throw new ExtractionFailure('unsupported-type', `${displayName} is an OpenDocument file, not a Word document; save it as .docx and import that.`);
    }
    throw new ExtractionFailure('malformed', `${displayName} is a ZIP archive but not a Word document; import a .docx saved by a word processor.`);
  }

  let html: string;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Images are not text; leaving their src empty spares mammoth base64-encoding every picture.
    const convertImage = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
    html = (await mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP, convertImage })).value;
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    throw new ExtractionFailure('malformed', `${displayName} could not be read as a Word document: the file is damaged${detail}. Open it in Word and save it again.`);
  }

  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as { document: DomDocument };
  const text = document.body ? blocksToParagraphs(document.body) : '';
  const heading = tidy(document.querySelector('h1')?.textContent);
  const firstLine = text.split('\n')[0] ?? '';
  return {
    ...emptyFields(),
    text,
    title: heading || coreTitle(bytes, entries) || (firstLine.length > 0 && firstLine.length < 200 ? firstLine : stem),
  };
}

/** dc:title from docProps/core.xml, the Title shown in Word's document properties. */
function coreTitle(bytes: Uint8Array, entries: NonNullable<ReturnType<typeof zipEntries>>): string {
  const entry = entries.get('docProps/core.xml');
  const xml = entry ? readZipEntry(bytes, entry, 1024 * 1024) : null;
  if (!xml) return '';
  const match = /<dc:title>([\s\S]*?)<\/dc:title>/.exec(new TextDecoder().decode(xml));
  return tidy(decodeXmlEntities(match?.[1] ?? ''));
}

function decodeXmlEntities(value: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
    if (!name.startsWith('#')) return named[name.toLowerCase()] ?? whole;
    const code = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
