import { detectEncoding } from './detect-encoding';
import { ExtractionFailure } from './import-types';
import { decodeWindows1252 } from './windows-1252';

export { decodeWindows1252 } from './windows-1252';

export interface DecodedText {
  text: string;
  /** WHATWG name of the encoding used ('utf-8', 'utf-16le', 'windows-1251', 'gbk', …). */
  encoding: string;
  /** 0–1; 1 when the file said so (a BOM, a declaration the bytes agree with) or is valid UTF-8. */
  confidence: number;
  /** What a person reviewing the import should know: a declaration overridden, a guess. */
  notes: string[];
}

/**
 * Decodes a text file whose encoding nobody told us.
 *
 * Order: a byte-order mark is decisive. Then valid UTF-8 with anything beyond ASCII is UTF-8,
 * whatever the page declares: random legacy bytes almost never form valid UTF-8, while pages
 * saved as UTF-8 under a template's old `charset=gb2312` are common (the declaration is
 * overridden, with a note). Then a charset the document declares (HTML's `<meta charset>`), if
 * the runtime knows it and the bytes are valid in it. Otherwise the encoding is detected
 * (detect-encoding.ts: Cyrillic, CJK, Arabic, Hebrew legacy encodings, UTF-16 without a BOM,
 * Windows-1252), with a note giving the guess and its confidence.
 */
export function decodeText(bytes: Uint8Array, displayName: string, declaredCharset = '', forced?: string): DecodedText {
  if (forced) return decodeAsChosen(bytes, displayName, forced);
  const bom = bomEncoding(bytes);
  // TextDecoder drops the BOM itself (ignoreBOM defaults to false).
  const decoded = bom ? { text: new TextDecoder(bom).decode(bytes), encoding: bom, confidence: 1, notes: [] } : decodeWithoutBom(bytes, declaredCharset);
  if (looksBinary(decoded.text)) {
    throw new ExtractionFailure(
      'not-text',
      `${displayName} is not a text file: it contains binary data. Check that it is the file you meant to import.`,
    );
  }
  return decoded;
}

/**
 * Decodes in the encoding the reviewer chose, whatever the file says: they can see the text and
 * we could not. A choice that turns the bytes into binary-looking text is refused, so that the
 * reviewer is told rather than shown control characters.
 */
function decodeAsChosen(bytes: Uint8Array, displayName: string, encoding: string): DecodedText {
  let text: string;
  try {
    text = encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
  } catch {
    throw new ExtractionFailure('not-text', `${displayName} cannot be read as ${encoding}: this encoding is not available here. Choose another one.`);
  }
  if (looksBinary(text)) {
    throw new ExtractionFailure('not-text', `${displayName} read as ${encoding} gives control characters, not text. Choose another encoding.`);
  }
  const notes = [`Read as ${encoding}, as chosen in the review.`];
  if (text.includes('\ufffd')) notes.push(`Some bytes are not valid ${encoding} and were replaced by �.`);
  return { text, encoding, confidence: 1, notes };
}

function bomEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function decodeWithoutBom(bytes: Uint8Array, declaredCharset: string): DecodedText {
  const label = declaredCharset.trim();
  const declared = knownEncoding(label);
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null && (!declared || declared === 'utf-8' || !isAscii(bytes))) {
    const notes = declared && declared !== 'utf-8' ? [`The page declares ${label}, but its bytes are valid UTF-8; read as UTF-8.`] : [];
    return { text: utf8, encoding: 'utf-8', confidence: 1, notes };
  }
  if (declared && declared !== 'utf-8' && !declared.startsWith('utf-16')) {
    const text = strictDecode(declared, bytes);
    if (text !== null) return { text, encoding: declared, confidence: 1, notes: [] };
  }
  const guess = detectEncoding(bytes);
  const text = guess.encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(guess.encoding).decode(bytes);
  const percent = Math.round(guess.confidence * 100);
  const notes = [
    label
      ? `The file declares ${label}, but its bytes are not valid in it; read as ${guess.encoding} (detected, ${percent}% confidence).`
      : `No encoding declared; read as ${guess.encoding} (detected, ${percent}% confidence).`,
  ];
  if (text.includes('\ufffd')) notes.push(`Some bytes are not valid ${guess.encoding} and were replaced by �.`);
  return { text, encoding: guess.encoding, confidence: guess.confidence, notes };
}

/** Valid UTF-8 without NULs: UTF-16 of Cyrillic or Arabic text is all bytes below 0x80, NULs among them. */
function strictUtf8(bytes: Uint8Array): string | null {
  const text = strictDecode('utf-8', bytes);
  return text === null || text.includes('\u0000') ? null : text;
}

function strictDecode(encoding: string, bytes: Uint8Array): string | null {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return false;
  return true;
}

/** The WHATWG name of a charset label, or null when the runtime does not know it. */
function knownEncoding(label: string): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label).encoding;
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
