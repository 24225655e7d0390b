import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { draftOf, fixture } from './test-fixtures';
import { extractArticle } from './extract';



describe('report.pdf', () => {
  it('rebuilds the paragraphs from line positions', async () => {
    const { text } = await draftOf(fixture('report.pdf'));
    expect(text.split('\n\n')).toEqual([
      'Kessar Basin: Winter Flow Review',
      'Joint Basin Secretariat, Port Aurel, March 2025',
      'The Kessar Basin Commission met in Port Aurel on 4 March to review the winter flow records of the Kessar River and its two northern tributaries. Veldria and Ostria each presented gauge data; the figures agree to within four per cent at every station.',
      'Delegates described the negotiations on a seasonal flow guarantee as constructive, and asked the Secretariat to model three release schedules before the April session.',
      'Findings',
      // Runs over the page break, past the page number "1", and stays one paragraph.
      'Snowfall in the upper basin was a fifth below the average of the last ten winters. Unless the spring is unusually wet, the reservoir at Dunmere will reach its lowest level since records began, and the summer release will fall short of what Ostrian farmers downstream have planned for.',
      'The Secretariat recommends that both governments publish their gauge readings weekly.',
    ]);
  });

  it('joins the word hyphenated across lines', async () => {
    const { text } = await draftOf(fixture('report.pdf'));
    expect(text).toContain('described the negotiations on');
    expect(text).not.toMatch(/negoti-/);
  });

  it('takes the title from the document information', async () => {
    const draft = await draftOf(fixture('report.pdf'));
    expect(draft.title).toBe('Kessar Basin Winter Flow Review 2025');
    expect(draft.format).toBe('pdf');
  });
});

it('takes the first line as title when the PDF has none', async () => {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  page.drawText('Harbour notice 9', { x: 60, y: 780, size: 16, font });
  page.drawText('Night pilotage resumes on Monday.', { x: 60, y: 750, size: 11, font });
  const draft = await draftOf({ name: 'notice.pdf', bytes: await pdf.save() });
  expect(draft.title).toBe('Harbour notice 9');
  expect(draft.text).toBe('Harbour notice 9\n\nNight pilotage resumes on Monday.');
});

it('reads a PDF that is encrypted without a user password (restricted.pdf), as any viewer does', async () => {
  const draft = await draftOf(fixture('restricted.pdf'));
  expect(draft.text).toBe('Public annex: gauge stations of the Kessar Basin\n\nTwelve stations report daily to the Secretariat.');
});

describe('PDFs that cannot be imported', () => {
  it('refuses a PDF that needs a password', async () => {
    const result = await extractArticle(fixture('encrypted.pdf'));
    expect(result).toEqual({ ok: false, reason: 'encrypted-pdf', message: expect.stringContaining('encrypted.pdf is protected by a password') });
  });

  it('refuses a PDF without a text layer and says to run OCR', async () => {
    const result = await extractArticle(fixture('scanned.pdf'));
    expect(result).toEqual({ ok: false, reason: 'image-only-pdf', message: expect.stringMatching(/^scanned\.pdf is an image-only PDF .*OCR/) });
  });

  it('refuses garbage with a PDF header as malformed', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\nthis is not really a PDF at all\n%%EOF\n');
    const result = await extractArticle({ name: 'damaged.pdf', bytes });
    expect(result).toEqual({ ok: false, reason: 'malformed', message: expect.stringContaining('damaged.pdf could not be read as a PDF') });
  });
});
