import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import type { DomDocument, DomElement } from './dom-types';
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
 * Footnote and endnote markers are removed; the notes follow the text (see takeOutNotes).
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
    html = (await mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP, convertImage, idPrefix: NOTE_ID_PREFIX })).value;
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    throw new ExtractionFailure('malformed', `${displayName} could not be read as a Word document: the file is damaged${detail}. Open it in Word and save it again.`);
  }

  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as { document: DomDocument };
  const notes = takeOutNotes(document);
  const body = document.body ? blocksToParagraphs(document.body) : '';
  const text = notes.length > 0 ? [body, NOTES_HEADING, ...notes].filter(Boolean).join('\n') : body;
  const heading = tidy(document.querySelector('h1')?.textContent);
  const firstLine = text.split('\n')[0] ?? '';
  return {
    ...emptyFields(),
    text,
    title: heading || coreTitle(bytes, entries) || (firstLine.length > 0 && firstLine.length < 200 ? firstLine : stem),
  };
}

/** Prefix of the ids mammoth gives notes and their references, so that they are told apart from the document's own bookmarks. */
const NOTE_ID_PREFIX = 'aw-note-';
/** mammoth's ids: `footnote-ref-3` on a marker in the text, `footnote-3` on the note; endnotes alike. */
const NOTE_REFERENCE_ID = new RegExp(`^${NOTE_ID_PREFIX}(?:footnote|endnote)-ref-`);
const NOTE_BACK_LINK = new RegExp(`^#${NOTE_ID_PREFIX}(?:footnote|endnote)-ref-`);
const NOTE_ID = new RegExp(`^${NOTE_ID_PREFIX}(?:footnote|endnote)-(?!ref-)`);
const NOTES_HEADING = 'Notes';

/**
 * Footnotes and endnotes. mammoth marks each reference in the text as a superscript link
 * ("[1]") and lists the notes at the end, each with a back-link ("↑"). The markers are layout:
 * left in, they split words and sentences ("the treaty[1] was") that search and quotes then miss,
 * so they are removed along with the back-links. The notes' texts are kept, because they often
 * carry the sources an analyst wants; they follow the body under a "Notes" paragraph, each note
 * once and in the order of its first reference, one paragraph per paragraph of the note. They
 * are not numbered, as the markers they would answer to are gone.
 */
function takeOutNotes(document: DomDocument): string[] {
  const links = (attribute: 'id' | 'href', pattern: RegExp) =>
    Array.from(document.querySelectorAll(`a[${attribute}]`)).filter((link) => pattern.test(link.getAttribute(attribute) ?? ''));
  for (const marker of links('id', NOTE_REFERENCE_ID)) {
    const parent = marker.parentNode as DomElement | null;
    // mammoth wraps each marker alone in <sup>; the <sup> goes with it.
    (parent?.nodeName.toUpperCase() === 'SUP' && parent.childNodes.length === 1 ? parent : marker).remove();
  }
  for (const backLink of links('href', NOTE_BACK_LINK)) backLink.remove();

  const notes: string[] = [];
  const seen = new Set<string>();
  const lists = new Set<DomElement>();
  for (const item of Array.from(document.querySelectorAll('li[id]'))) {
    const id = item.getAttribute('id') ?? '';
    if (!NOTE_ID.test(id)) continue;
    if (!seen.has(id)) notes.push(...blocksToParagraphs(item).split('\n').filter(Boolean));
    seen.add(id);
    const list = item.parentNode as DomElement | null;
    if (list) lists.add(list);
  }
  for (const list of lists) list.remove();
  return notes;
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
