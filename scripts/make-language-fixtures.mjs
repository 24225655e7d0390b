// `node scripts/make-language-fixtures.mjs`: writes e2e/fixtures/languages/, the same news item
// (scripts/language-texts.mjs) in eight languages, as the importer meets them:
//   <lang>.utf8.txt                  UTF-8 without a BOM
//   <lang>.<encoding>.txt            each legacy encoding, undeclared (a .txt cannot declare)
//   <lang>.<encoding>.html           legacy, with <meta charset>
//   <lang>.<encoding>.undeclared.html legacy, without any declaration
//   <lang>.utf8.html                 UTF-8 with <html lang dir>
//   <lang>.utf16le.txt / .utf16be.txt UTF-16 without a BOM
//   zh.utf8-labelled-gb2312.html     UTF-8 bytes under a template's charset=gb2312
//   zh.gbk.md                        GBK Markdown
//   <lang>.cmap.pdf                  CJK text in a non-embedded font with a predefined CMap
// Legacy bytes come from the runtime's own decoders, inverted (Node's ICU decodes every WHATWG
// encoding), so no encoding library is needed. Output is the same on every run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, PDFHexString, PDFName, PDFString, beginText, endText, moveText, setFontAndSize, showText } from 'pdf-lib';
import { LANGUAGE_TEXTS, LEGACY_ENCODINGS, legacyForm } from './language-texts.mjs';

const out = join(dirname(fileURLToPath(import.meta.url)), '../e2e/fixtures/languages');
mkdirSync(out, { recursive: true });
const write = (name, bytes) => {
  writeFileSync(join(out, name), bytes);
  console.log(`${name.padEnd(36)} ${String(bytes.length).padStart(7)} bytes`);
};

/** char → bytes for `encoding`, built by decoding every one- and two-byte sequence. */
const tables = new Map();
function encoderTable(encoding) {
  if (tables.has(encoding)) return tables.get(encoding);
  const table = new Map();
  const decoder = new TextDecoder(encoding, { fatal: true });
  const tryBytes = (bytes) => {
    try {
      const ch = decoder.decode(Uint8Array.from(bytes));
      // The first (lowest) sequence wins, which is the standard's own choice for duplicates.
      if ([...ch].length === 1 && !table.has(ch)) table.set(ch, bytes);
    } catch { /* not a character in this encoding */ }
  };
  for (let a = 0; a < 256; a++) tryBytes([a]);
  for (let a = 0x80; a < 256; a++) for (let b = 0x40; b < 256; b++) tryBytes([a, b]);
  tables.set(encoding, table);
  return table;
}

function encode(text, encoding) {
  const table = encoderTable(encoding);
  const bytes = [];
  for (const ch of text) {
    const sequence = table.get(ch);
    if (!sequence) throw new Error(`${JSON.stringify(ch)} (U+${ch.codePointAt(0).toString(16)}) has no ${encoding} bytes`);
    bytes.push(...sequence);
  }
  const result = Buffer.from(bytes);
  // Each fixture must decode back to its text, or the tests would test the generator.
  const back = new TextDecoder(encoding).decode(result);
  if (back !== text) throw new Error(`${encoding} does not round-trip`);
  return result;
}

const plain = (t) => [t.title, ...t.body].join('\n') + '\n';
const html = (t, { charset, lang, dir }) =>
  `<!DOCTYPE html>\n<html${lang ? ` lang="${lang}"` : ''}${dir ? ` dir="${dir}"` : ''}>\n<head>\n` +
  (charset ? `<meta charset="${charset}">\n` : '') +
  `<title>${t.title}</title>\n</head>\n<body>\n<article>\n<h1>${t.title}</h1>\n` +
  t.body.map((p) => `<p>${p}</p>\n`).join('') +
  '</article>\n</body>\n</html>\n';
const RTL = new Set(['ar', 'fa', 'he']);
/** What each file must import as: expected.json, read by src-main/import/languages.test.ts. */
const expected = { files: {}, words: {} };
const expect = (name, language, encoding, text) => {
  expected.files[name] = { language, encoding, title: text.title, paragraphs: text.body };
};

for (const [language, text] of Object.entries(LANGUAGE_TEXTS)) {
  const dir = RTL.has(language) ? 'rtl' : undefined;
  expected.words[language] = text.words;
  write(`${language}.utf8.txt`, Buffer.from(plain(text), 'utf8'));
  expect(`${language}.utf8.txt`, language, 'utf-8', text);
  write(`${language}.utf8.html`, Buffer.from(html(text, { charset: 'utf-8', lang: text.lang, dir }), 'utf8'));
  expect(`${language}.utf8.html`, language, 'utf-8', text);
  for (const encoding of LEGACY_ENCODINGS[language]) {
    const form = (s) => legacyForm(language, encoding, s);
    const legacy = { ...text, title: form(text.title), body: text.body.map(form) };
    write(`${language}.${encoding}.txt`, encode(plain(legacy), encoding));
    write(`${language}.${encoding}.html`, encode(html(legacy, { charset: encoding }), encoding));
    write(`${language}.${encoding}.undeclared.html`, encode(html(legacy, {}), encoding));
    // Undeclared, an encoding may be found under another name that decodes these bytes alike.
    const alike = { 'iso-8859-8': 'windows-1255', gb18030: 'gbk' }[encoding] ?? encoding;
    expect(`${language}.${encoding}.txt`, language, alike, legacy);
    expect(`${language}.${encoding}.html`, language, encoding, legacy);
    expect(`${language}.${encoding}.undeclared.html`, language, alike, legacy);
  }
}
for (const language of ['zh', 'ru', 'ar', 'ko']) {
  write(`${language}.utf16le.txt`, Buffer.from(plain(LANGUAGE_TEXTS[language]), 'utf16le'));
  expect(`${language}.utf16le.txt`, language, 'utf-16le', LANGUAGE_TEXTS[language]);
}
for (const language of ['ja', 'he']) {
  write(`${language}.utf16be.txt`, Buffer.from(plain(LANGUAGE_TEXTS[language]), 'utf16le').swap16());
  expect(`${language}.utf16be.txt`, language, 'utf-16be', LANGUAGE_TEXTS[language]);
}
write('zh.utf8-labelled-gb2312.html', Buffer.from(html(LANGUAGE_TEXTS.zh, { charset: 'gb2312' }), 'utf8'));
expect('zh.utf8-labelled-gb2312.html', 'zh', 'utf-8', LANGUAGE_TEXTS.zh);
write('zh.gbk.md', encode(`# ${LANGUAGE_TEXTS.zh.title}\n\n${LANGUAGE_TEXTS.zh.body.join('\n\n')}\n`, 'gbk'));
expect('zh.gbk.md', 'zh', 'gbk', LANGUAGE_TEXTS.zh);

// ---- PDFs whose text can only be read with pdf.js's character maps: a Type0 font, not
// embedded, under one of Adobe's predefined UCS-2 CMaps. No font file is needed to make them;
// without the CMaps pdf.js cannot map the codes to characters and finds no text.
const CMAP_FONTS = {
  zh: { base: 'STSong-Light', cmap: 'UniGB-UCS2-H', ordering: 'GB1', supplement: 4 },
  'zh-Hant': { base: 'MSung-Light', cmap: 'UniCNS-UCS2-H', ordering: 'CNS1', supplement: 4 },
  ja: { base: 'KozMinPro-Regular', cmap: 'UniJIS-UCS2-H', ordering: 'Japan1', supplement: 4 },
  ko: { base: 'HYSMyeongJo-Medium', cmap: 'UniKS-UCS2-H', ordering: 'Korea1', supplement: 2 },
};
const FIXED_DATE = new Date('2025-03-20T10:00:00Z');
/** Lines of about 24 characters: Chinese and Japanese break anywhere, Korean between words. */
function wrap(paragraph, atSpaces) {
  if (!atSpaces) return paragraph.match(/.{1,24}/gu);
  const lines = [''];
  for (const word of paragraph.split(' ')) {
    const last = lines.length - 1;
    if (lines[last] && lines[last].length + word.length + 1 > 24) lines.push(word);
    else lines[last] = lines[last] ? `${lines[last]} ${word}` : word;
  }
  return lines;
}
for (const [language, font] of Object.entries(CMAP_FONTS)) {
  const text = LANGUAGE_TEXTS[language];
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setCreationDate(FIXED_DATE);
  pdf.setModificationDate(FIXED_DATE);
  const descendant = pdf.context.register(pdf.context.obj({
    Type: 'Font', Subtype: 'CIDFontType0', BaseFont: font.base, DW: 1000,
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of(font.ordering), Supplement: font.supplement },
    FontDescriptor: pdf.context.register(pdf.context.obj({ Type: 'FontDescriptor', FontName: font.base, Flags: 6, FontBBox: [0, -120, 1000, 880], ItalicAngle: 0, Ascent: 880, Descent: -120, CapHeight: 700, StemV: 80 })),
  }));
  const fontRef = pdf.context.register(pdf.context.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: `${font.base}-${font.cmap}`, Encoding: font.cmap, DescendantFonts: [descendant] }));
  const page = pdf.addPage([595, 842]);
  page.node.setFontDictionary(PDFName.of('F1'), fontRef);
  const ucs2 = (s) => PDFHexString.of([...s].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0')).join(''));
  // Lines of 24 characters, 14 points apart; a blank line's worth between paragraphs.
  let y = 780;
  const line = (s, size) => {
    page.pushOperators(beginText(), setFontAndSize('F1', size), moveText(60, y), showText(ucs2(s)), endText());
    y -= size * 1.4;
  };
  line(text.title, 16);
  y -= 10;
  for (const paragraph of text.body) {
    for (const piece of wrap(paragraph, language === 'ko')) line(piece, 10);
    y -= 10;
  }
  write(`${language}.cmap.pdf`, Buffer.from(await pdf.save({ useObjectStreams: false })));
  expect(`${language}.cmap.pdf`, language, null, text);
}
// ---- Right-to-left PDFs: each word drawn on its own, right to left, its letters in visual order
// (as PDF producers lay Arabic and Hebrew out), in a non-embedded font whose ToUnicode map gives
// the characters. pdf.js turns each word back into reading order and marks it rtl; the importer
// has to put the words of a line in order from the right.
for (const language of ['ar', 'fa', 'he']) {
  const text = LANGUAGE_TEXTS[language];
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setCreationDate(FIXED_DATE);
  pdf.setModificationDate(FIXED_DATE);
  const chars = new Set([...[text.title, ...text.body].join(' ')]);
  const blocks = [...new Set([...chars].map((ch) => ch.charCodeAt(0) >> 8))].sort((a, b) => a - b);
  const hex = (n) => n.toString(16).padStart(4, '0').toUpperCase();
  const toUnicode = [
    '/CIDInit /ProcSet findresource begin', '12 dict begin', 'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def', '/CMapName /Identity-UCS def', '/CMapType 2 def',
    '1 begincodespacerange', '<0000> <FFFF>', 'endcodespacerange',
    `${blocks.length} beginbfrange`, ...blocks.map((b) => `<${hex(b << 8)}> <${hex((b << 8) | 0xff)}> <${hex(b << 8)}>`), 'endbfrange',
    'endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end',
  ].join('\n');
  const descendant = pdf.context.register(pdf.context.obj({
    Type: 'Font', Subtype: 'CIDFontType2', BaseFont: 'Arial', DW: 500, CIDToGIDMap: 'Identity',
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
    FontDescriptor: pdf.context.register(pdf.context.obj({ Type: 'FontDescriptor', FontName: 'Arial', Flags: 32, FontBBox: [0, -210, 1000, 900], ItalicAngle: 0, Ascent: 900, Descent: -210, CapHeight: 700, StemV: 80 })),
  }));
  const fontRef = pdf.context.register(pdf.context.obj({
    Type: 'Font', Subtype: 'Type0', BaseFont: 'Arial', Encoding: 'Identity-H', DescendantFonts: [descendant],
    ToUnicode: pdf.context.register(pdf.context.stream(toUnicode)),
  }));
  const page = pdf.addPage([595, 842]);
  page.node.setFontDictionary(PDFName.of('F1'), fontRef);
  const visual = (word) => PDFHexString.of([...word].reverse().map((ch) => hex(ch.charCodeAt(0))).join(''));
  let y = 780;
  const line = (words, size) => {
    let right = 535;
    for (const word of words) {
      const width = [...word].length * size * 0.5;
      page.pushOperators(beginText(), setFontAndSize('F1', size), moveText(right - width, y), showText(visual(word)), endText());
      right -= width + size * 0.5;
    }
    y -= size * 1.4;
  };
  line(text.title.split(' '), 16);
  y -= 10;
  for (const paragraph of text.body) {
    let words = [];
    for (const word of paragraph.split(' ')) {
      if (words.join(' ').length + word.length > 60) {
        line(words, 10);
        words = [];
      }
      words.push(word);
    }
    line(words, 10);
    y -= 10;
  }
  write(`${language}.rtl.pdf`, Buffer.from(await pdf.save({ useObjectStreams: false })));
  // pdf.js drops zero-width characters from a text layer: Persian's half-space (ZWNJ) is lost.
  const noZwnj = (t) => t.replace(/\u200c/g, '');
  expect(`${language}.rtl.pdf`, language, null, { ...text, title: noZwnj(text.title), body: text.body.map(noZwnj) });
}
writeFileSync(join(out, 'expected.json'), `${JSON.stringify(expected, null, 1)}\n`);
