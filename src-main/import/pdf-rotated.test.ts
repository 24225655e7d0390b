import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readPdfFile } from './pdf-file';

const LINES = [
  'The ministers met in New York on Tuesday.',
  'They spoke for two hours about the border.',
  'Neither side said what was agreed.',
];

/** A page whose text is drawn turned by `textAngle` degrees, on a page shown turned by `pageRotation`. */
async function rotatedPdf(textAngle: number, pageRotation: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  page.setRotation(degrees(pageRotation));
  const rad = (textAngle * Math.PI) / 180;
  LINES.forEach((line, index) => {
    // Each next line 16 units further "down" in the text's own frame.
    const down = 16 * index;
    const x = 300 + Math.sin(rad) * down;
    const y = 400 - Math.cos(rad) * down;
    page.drawText(line, { x, y, size: 12, font, rotate: degrees(textAngle) });
  });
  return pdf.save();
}

describe('rotated PDF pages', () => {
  for (const [textAngle, pageRotation] of [[0, 0], [0, 90], [90, 0], [90, 270], [180, 0], [270, 0], [270, 90]] as const) {
    it(`reads text turned ${textAngle}° on a page rotated ${pageRotation}° in reading order`, async () => {
      const fields = await readPdfFile(await rotatedPdf(textAngle, pageRotation), 'r.pdf', 'r');
      expect(fields.text.replace(/\s+/g, ' ').trim()).toBe(LINES.join(' '));
    });
  }
});
