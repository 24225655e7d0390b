import { describeImportExtensions, IMPORT_EXTENSIONS } from '../../src-shared/domain/import-format';
import type { ImportFormat } from './import-types';
import { zipEntries } from './zip-reader';

export type DetectedFormat = { format: ImportFormat } | { unsupported: string };


/** Formats people try often, with what to do instead. */
const ADVICE: Record<string, string> = {
  doc: 'an old-style Word document (.doc); open it in Word or LibreOffice, save it as .docx, and import that',
  odt: 'an OpenDocument text (.odt); save it as .docx or .pdf and import that',
  rtf: 'a Rich Text file (.rtf); save it as .docx or .txt and import that',
  pages: 'a Pages document; export it as .docx or .pdf and import that',
  mht: 'a web archive (.mht); save the page as "Web Page, HTML only" and import the .html',
  mhtml: 'a web archive (.mhtml); save the page as "Web Page, HTML only" and import the .html',
  webarchive: 'a Safari web archive; save the page as page source (.html) and import that',
};

/**
 * Picks the reader for a file. Content outranks the name where content is unambiguous: a PDF is
 * a PDF whatever it is called, and a ZIP is a Word file only if it has Word's main part. Otherwise
 * the extension decides, and the reader refuses content that does not fit it.
 */
export function detectFormat(bytes: Uint8Array, extension: string, displayName: string): DetectedFormat {
  if (startsWithPdfHeader(bytes)) return { format: 'pdf' };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    // A damaged .docx is still meant as one: let its reader say so.
    if (extension === 'docx' || zipEntries(bytes)?.has('word/document.xml')) return { format: 'docx' };
  }
  const byExtension = IMPORT_EXTENSIONS[extension];
  if (byExtension) return { format: byExtension };
  if (!extension && looksLikeHtml(bytes)) return { format: 'html' };
  const advice = ADVICE[extension];
  return {
    unsupported: advice
      ? `${displayName} is ${advice}.`
      : `${displayName} cannot be imported: ${extension ? `.${extension} files are` : 'a file without an extension is'} not supported. Import ${describeImportExtensions()} files.`,
  };
}

/**
 * Only at the very start: a text about PDFs may quote the header. (A .pdf with junk before its
 * header goes to the PDF reader by its extension, and pdfjs finds the header itself.)
 */
function startsWithPdfHeader(bytes: Uint8Array): boolean {
  return new TextDecoder('latin1').decode(bytes.subarray(0, 5)) === '%PDF-';
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 1024)).replace(/^\ufeff/, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}
