import { drawObject, PDFDict, PDFDocument, PDFName, popGraphicsState, pushGraphicsState, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { readPdfFile } from './pdf-file';

/** A page that draws a form that draws a form … `depth` levels, each `fanOut` times: fanOut^depth text draws. */
async function nestedForms(depth: number, fanOut: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  page.drawText('Nested forms', { x: 50, y: 800, size: 12, font });
  const form = (content: string, resources: PDFDict) =>
    pdf.context.register(pdf.context.stream(content, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 595, 842], Resources: resources }));
  let inner = form('BT /F1 10 Tf 60 60 Td (deep) Tj ET', pdf.context.obj({ Font: { F1: font.ref } }));
  for (let level = 1; level < depth; level++) inner = form('q /X Do Q\n'.repeat(fanOut), pdf.context.obj({ XObject: { X: inner } }));
  page.node.setXObject(PDFName.of('X'), inner);
  for (let i = 0; i < fanOut; i++) page.pushOperators(pushGraphicsState(), drawObject('X'), popGraphicsState());
  return pdf.save();
}

/** Longest gap between ticks of a 10 ms timer while `work` runs: how long the app would not answer. */
async function longestStall<T>(work: Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  try {
    return { result: await work, stallMs };
  } finally {
    clearInterval(timer);
  }
}

describe('hostile PDFs', () => {
  it('refuses a page of forms nested 7 deep (10 million draws) as too slow, and the thread keeps answering', async () => {
    const bytes = await nestedForms(7, 10);
    expect(bytes.length).toBeLessThan(5000);
    const started = performance.now();
    const { result, stallMs } = await longestStall(readPdfFile(bytes, 'nested.pdf', 'nested', { timeMs: 3000, memoryMb: 256 }).then(() => null, (error: unknown) => error));
    expect(result).toMatchObject({ reason: 'too-complex', message: expect.stringMatching(/nested\.pdf (took too long to read|needed more memory)/) });
    expect(performance.now() - started).toBeLessThan(8000);
    // The worker does the reading; this thread only waits. Generous for a loaded 2-core machine.
    expect(stallMs).toBeLessThan(500);
    // The stalled worker was ended, not kept: the next PDF is read by a fresh one.
    const next = await readPdfFile(await nestedForms(1, 1), 'plain.pdf', 'plain', { timeMs: 10_000, memoryMb: 256 });
    expect(next.text).toContain('Nested forms');
  });

  it('refuses a PDF of a million pages (one page, referenced a million times in 16 kB) before reading them', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage();
    page.drawText('One real page', { x: 50, y: 700, size: 12, font });
    const root = pdf.catalog.Pages();
    const middle = pdf.context.register(pdf.context.obj({ Type: 'Pages', Kids: Array.from({ length: 1000 }, () => page.ref), Count: 1000, Parent: pdf.catalog.get(PDFName.of('Pages')) ?? null }));
    page.node.set(PDFName.of('Parent'), middle);
    root.set(PDFName.of('Kids'), pdf.context.obj(Array.from({ length: 1000 }, () => middle)));
    root.set(PDFName.of('Count'), pdf.context.obj(1_000_000));
    const result = await extractArticle({ name: 'many.pdf', bytes: await pdf.save() });
    expect(result).toMatchObject({ ok: false, reason: 'too-large', message: expect.stringContaining('1,000,000 pages') });
  });

  it('reads the text of a page a kilometre wide', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([14_400, 14_400]);
    page.setMediaBox(0, 0, 2_834_645, 2_834_645);
    page.drawText('A very large page', { x: 50, y: 700, size: 12, font });
    const result = await extractArticle({ name: 'wide.pdf', bytes: await pdf.save() });
    expect(result).toMatchObject({ ok: true, draft: { text: 'A very large page' } });
  });
});
