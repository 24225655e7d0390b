import { ExtractionFailure } from './import-types';

export interface DecodedText {
  text: string;
  /** WHATWG name of the encoding used ('utf-8', 'utf-16le', 'windows-1252', …). */
  encoding: string;
}

/**
 * Decodes a text file whose encoding nobody told us.
 *
 * Order: a byte-order mark is decisive; then a charset the document declares itself (HTML's
 * `<meta charset>`), if the runtime knows it; then strict UTF-8, because random Windows-1252
 * bytes almost never form valid UTF-8; and finally Windows-1252, the usual encoding of text saved
 * by older Windows software, which can decode any byte sequence. UTF-16 without a BOM is not
 * guessed: it shows up as NUL bytes and is refused as binary.
 */
export function decodeText(bytes: Uint8Array, displayName: string, declaredCharset = ''): DecodedText {
  const bom = bomEncoding(bytes);
  let decoded: DecodedText;
  if (bom) {
    // TextDecoder drops the BOM itself (ignoreBOM defaults to false).
    decoded = { text: new TextDecoder(bom).decode(bytes), encoding: bom };
  } else {
    decoded = decodeWithoutBom(bytes, declaredCharset);
  }
  if (looksBinary(decoded.text)) {
    throw new ExtractionFailure(
      'not-text',
      `${displayName} is not a text file: it contains binary data. Check that it is the file you meant to import.`,
    );
  }
  return decoded;
}

function bomEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function decodeWithoutBom(bytes: Uint8Array, declaredCharset: string): DecodedText {
  const declared = knownEncoding(declaredCharset);
  // A page that declares UTF-8 but is not valid UTF-8 was mislabelled, which happens often
  // enough that the usual fallback below serves better than replacement characters.
  if (declared === 'windows-1252') return { text: decodeWindows1252(bytes), encoding: declared };
  if (declared && declared !== 'utf-8') return { text: new TextDecoder(declared).decode(bytes), encoding: declared };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** What Windows-1252 puts at 0x80–0x9F, where ISO-8859-1 has control characters. */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Windows-1252 by table. Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1, turning
 * curly quotes and dashes into invisible C1 controls (nodejs/node#56542).
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(...Array.from(chunk, (byte) => (byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(byte - 0x80) : byte)));
  }
  return text;
}

/** The WHATWG name of a charset label, or null when the runtime does not know it. */
function knownEncoding(label: string): string | null {
  if (!label.trim()) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/**
 * Binary data decodes to NULs and control characters; real text has almost none. C1 controls
 * (U+0080–U+009F) count too: Windows-1252 decoding maps its five undefined bytes onto them.
 */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.length === 0) return false;
  if (sample.includes('\u0000')) return true;
  // eslint-disable-next-line no-control-regex
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001a\u001c-\u001f\u007f-\u009f]/g);
  return (controls?.length ?? 0) > sample.length * 0.02;
}
