// `node scripts/make-import-fixtures.mjs`: writes the binary and re-encoded import fixtures into
// e2e/fixtures/import/. The text, Markdown and HTML fixtures there are written by hand; this script
// derives the other encodings of statement.txt from it and builds the PDF, Word, ODT and junk files.
// All content is invented (fictional countries). Output is byte-for-byte the same on every run:
// dates are fixed, the clock is frozen while `docx` packs, and time zone is UTC.
process.env.TZ = 'UTC';

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';

const out = join(dirname(fileURLToPath(import.meta.url)), '../e2e/fixtures/import');
const FIXED_DATE = new Date('2025-03-20T10:00:00Z');
const write = (name, bytes) => {
  writeFileSync(join(out, name), bytes);
  console.log(`${name.padEnd(24)} ${String(bytes.length).padStart(7)} bytes`);
};

// ---- Text in other encodings: the same statement, so all three must extract to the same text.
const statement = readFileSync(join(out, 'statement.txt'), 'utf8');
write('statement-utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(statement, 'utf16le')]));
const CP1252 = new Map([['\u2018', 0x91], ['\u2019', 0x92], ['\u201c', 0x93], ['\u201d', 0x94], ['\u2013', 0x96], ['\u2014', 0x97]]);
const cp1252 = (text) =>
  Buffer.from([...text].map((ch) => {
    const code = CP1252.get(ch) ?? ch.charCodeAt(0);
    if (code > 0xff) throw new Error(`${ch} has no Windows-1252 byte`);
    return code;
  }));
// Windows line endings too, as Notepad of old would have saved it.
write('statement-cp1252.txt', cp1252(statement.replace(/\n/g, '\r\n')));

// ---- Not text: a PNG signature and header followed by pixel-like bytes.
const noise = (length, seed) => {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
};
write('binary.txt', Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]),
  noise(600, 7),
]));

// ---- A report PDF: title, meta line, heading, paragraphs laid out line by line, one word hyphenated
// across lines ("negoti-/ations"), a paragraph running over the page break, page numbers.
const report = [
  [
    { size: 18, bold: true, lines: ['Kessar Basin: Winter Flow Review'] },
    { size: 9, lines: ['Joint Basin Secretariat, Port Aurel, March 2025'] },
    { size: 11, lines: [
      'The Kessar Basin Commission met in Port Aurel on 4 March to review the winter flow',
      'records of the Kessar River and its two northern tributaries. Veldria and Ostria each',
      'presented gauge data; the figures agree to within four per cent at every station.',
    ] },
    { size: 11, lines: [
      'Delegates described the negoti-',
      'ations on a seasonal flow guarantee as constructive, and asked the Secretariat to',
      'model three release schedules before the April session.',
    ] },
    { size: 13, bold: true, lines: ['Findings'] },
    { size: 11, lines: [
      'Snowfall in the upper basin was a fifth below the average of the last ten winters.',
      'Unless the spring is unusually wet, the reservoir at Dunmere will',
    ] },
  ],
  [
    { size: 11, lines: [
      'reach its lowest level since records began, and the summer release will fall short of',
      'what Ostrian farmers downstream have planned for.',
    ] },
    { size: 11, lines: ['The Secretariat recommends that both governments publish their gauge readings weekly.'] },
  ],
];

async function makeReportPdf() {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  report.forEach((blocks, pageIndex) => {
    const page = pdf.addPage([595, 842]);
    let y = 780;
    for (const block of blocks) {
      for (const line of block.lines) {
        page.drawText(line, { x: 60, y, size: block.size, font: block.bold ? bold : regular });
        y -= block.size * 1.35; // line spacing
      }
      y -= block.size * 1.0; // paragraph spacing
    }
    page.drawText(String(pageIndex + 1), { x: 292, y: 40, size: 9, font: regular });
  });
  return finishPdf(pdf, 'Kessar Basin Winter Flow Review 2025');
}

// ---- A "scanned" page: shapes where the text would be, and no text layer at all.
async function makeScannedPdf() {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  page.drawRectangle({ x: 40, y: 40, width: 515, height: 762, color: rgb(0.97, 0.96, 0.92) });
  for (let row = 0; row < 30; row++) {
    page.drawRectangle({ x: 60, y: 760 - row * 22, width: 380 + ((row * 37) % 90), height: 8, color: rgb(0.3, 0.3, 0.3) });
  }
  return finishPdf(pdf, '');
}

async function finishPdf(pdf, title) {
  if (title) pdf.setTitle(title);
  pdf.setProducer('make-import-fixtures');
  pdf.setCreator('make-import-fixtures');
  pdf.setCreationDate(FIXED_DATE);
  pdf.setModificationDate(FIXED_DATE);
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

// ---- Encrypted PDFs, written by hand because pdf-lib cannot encrypt: the standard security
// handler, revision 2 (40-bit RC4), as in PDF 1.7 section 7.6.3. With a user password the text
// cannot be read without it; with only an owner password it can, as viewers do.
const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
const md5 = (...parts) => createHash('md5').update(Buffer.concat(parts)).digest();
const padded = (password) => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);
function rc4(key, data) {
  const s = Array.from({ length: 256 }, (_, index) => index);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const output = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    output[n] = data[n] ^ s[(s[i] + s[j]) & 255];
  }
  return output;
}

function encryptedPdf({ userPassword, ownerPassword, lines }) {
  const id = md5(Buffer.from(`fixture:${userPassword}:${ownerPassword}`));
  const permissions = -44; // no printing, changing or copying: typical of a "protected" report
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const o = rc4(md5(padded(ownerPassword)).subarray(0, 5), padded(userPassword));
  const key = md5(padded(userPassword), o, p, id).subarray(0, 5);
  const u = rc4(key, PAD);
  const objectKey = (number) => md5(key, Buffer.from([number & 255, (number >> 8) & 255, (number >> 16) & 255, 0, 0])).subarray(0, 10);
  // The first line is set larger, as a title.
  const shown = lines.map((line, index) => `/F1 ${index === 0 ? 16 : 11} Tf (${line}) Tj 0 -22 Td`).join(' ');
  const content = Buffer.from(`BT 72 760 Td ${shown} ET`, 'latin1');
  const stream = rc4(objectKey(4), content);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    Buffer.concat([Buffer.from(`<< /Length ${stream.length} >>\nstream\n`), stream, Buffer.from('\nendstream')]),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${o.toString('hex')}> /U <${u.toString('hex')}> /P ${permissions} >>`,
  ];
  const parts = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets = [];
  let length = parts[0].length;
  objects.forEach((body, index) => {
    const chunk = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), Buffer.isBuffer(body) ? body : Buffer.from(body), Buffer.from('\nendobj\n')]);
    offsets.push(length);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `)];
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 6 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>] >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(`${xref.join('\n')}\n${trailer}`));
  return Buffer.concat(parts);
}

// ---- Word documents. `docx` stamps the time into docProps (when a Document is built) and into
// the ZIP (when it is packed), so both happen with the clock frozen.
async function atFixedTime(run) {
  const RealDate = Date;
  const fixed = FIXED_DATE.getTime();
  globalThis.Date = class extends RealDate {
    constructor(...args) {
      super(...(args.length > 0 ? args : [fixed]));
    }
    static now() {
      return fixed;
    }
  };
  try {
    return await run();
  } finally {
    globalThis.Date = RealDate;
  }
}

const text = (value, options = {}) => new TextRun({ text: value, ...options });
const memo = () => new Document({
  title: 'Sallow Strait memo (properties title)',
  creator: 'Regional Affairs Desk',
  sections: [{
    children: [
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text('Briefing: Grain corridor disruption in the Sallow Strait')] }),
      new Paragraph({ children: [text('Prepared for the '), text('Eastern Desk', { bold: true }), text(', 20 February 2025.')] }),
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text('Summary')] }),
      new Paragraph({ children: [
        text('Shipping through the Sallow Strait fell by a third in the week to 18 February after the Republic of Korvania closed two of its four pilot stations, citing '),
        text('maintenance', { italics: true }),
        text('.'),
      ] }),
      new Paragraph({ children: [text('Insurers in Port Aurel raised war-risk premiums for vessels bound for Korvanian ports.')] }),
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text('What to watch')] }),
      new Paragraph({ bullet: { level: 0 }, children: [text('Whether Korvania reopens the northern pilot station before the spring harvest.')] }),
      new Paragraph({ bullet: { level: 0 }, children: [text('Statements by the Maritime Council of Ostria, which has so far said nothing.')] }),
      new Paragraph({ bullet: { level: 0 }, children: [text('Freight rates quoted in the '), text('Aurel Shipping Gazette', { italics: true }), text('.')] }),
    ],
  }],
});
// No heading: the title must come from the document properties.
const notice = () => new Document({
  title: 'Harbour notice 7/2025: night pilotage suspended',
  sections: [{
    children: [
      new Paragraph({ children: [text('The Port Aurel harbour master gives notice that night pilotage in the outer channel is suspended from 22 March until further notice.')] }),
      new Paragraph({ children: [text('Vessels over 150 metres must time their arrival for daylight hours and report to the pilot station at Cape Lind two hours in advance.')] }),
    ],
  }],
});

// ---- An OpenDocument text: a real (stored, uncompressed) ZIP, to be refused as unsupported.
function storedZip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  const dosDate = ((2025 - 1980) << 9) | (3 << 5) | 20;
  for (const [name, content] of files) {
    const data = Buffer.from(content);
    const nameBytes = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(dosDate, 12);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(dosDate, 14);
    header.copy(central, 16, 14, 26); // crc and sizes
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += header.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const odtContent = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text><text:p>Notes from the Korvanian press review, 19 March.</text:p></office:text></office:body></office:document-content>`;
const odtManifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`;

write('report.pdf', await makeReportPdf());
write('scanned.pdf', await makeScannedPdf());
write('encrypted.pdf', encryptedPdf({ userPassword: 'kessar', ownerPassword: 'secretariat', lines: ['Confidential annex: Dunmere release schedules'] }));
write('restricted.pdf', encryptedPdf({ userPassword: '', ownerPassword: 'secretariat', lines: ['Public annex: gauge stations of the Kessar Basin', 'Twelve stations report daily to the Secretariat.'] }));
const memoBytes = await atFixedTime(() => Packer.toBuffer(memo()));
write('memo.docx', memoBytes);
write('notice.docx', await atFixedTime(() => Packer.toBuffer(notice())));
// An interrupted download: a real .docx cut off before its ZIP directory.
write('broken.docx', memoBytes.subarray(0, Math.floor(memoBytes.length * 0.6)));
write('notes.odt', storedZip([
  ['mimetype', 'application/vnd.oasis.opendocument.text'],
  ['content.xml', odtContent],
  ['META-INF/manifest.xml', odtManifest],
]));
