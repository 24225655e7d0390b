import { describe, expect, it } from 'vitest';
import { draftOf, fixture } from './test-fixtures';
import { extractArticle } from './extract';



describe('memo.docx', () => {
  it('turns headings, paragraphs and list items into paragraphs, without formatting', async () => {
    const draft = await draftOf(fixture('memo.docx'));
    expect(draft.format).toBe('docx');
    expect(draft.text.split('\n\n')).toEqual([
      'Briefing: Grain corridor disruption in the Sallow Strait',
      'Prepared for the Eastern Desk, 20 February 2025.',
      'Summary',
      'Shipping through the Sallow Strait fell by a third in the week to 18 February after the Republic of Korvania closed two of its four pilot stations, citing maintenance.',
      'Insurers in Port Aurel raised war-risk premiums for vessels bound for Korvanian ports.',
      'What to watch',
      'Whether Korvania reopens the northern pilot station before the spring harvest.',
      'Statements by the Maritime Council of Ostria, which has so far said nothing.',
      'Freight rates quoted in the Aurel Shipping Gazette.',
    ]);
  });

  it('takes the first heading as title, over the document properties', async () => {
    const draft = await draftOf(fixture('memo.docx'));
    expect(draft.title).toBe('Briefing: Grain corridor disruption in the Sallow Strait');
  });
});

it('takes the title from the document properties when there is no heading (notice.docx)', async () => {
  const draft = await draftOf(fixture('notice.docx'));
  expect(draft.title).toBe('Harbour notice 7/2025: night pilotage suspended');
  expect(draft.text.split('\n\n')).toHaveLength(2);
});

describe('Word files that cannot be imported', () => {
  it('reports a truncated .docx as malformed', async () => {
    const result = await extractArticle(fixture('broken.docx'));
    expect(result).toEqual({ ok: false, reason: 'malformed', message: expect.stringContaining('broken.docx could not be read as a Word document') });
  });

  it('reports random bytes named .docx as malformed', async () => {
    const bytes = Uint8Array.from({ length: 512 }, (_, index) => (index * 73 + 11) % 256);
    const result = await extractArticle({ name: 'minutes.docx', bytes });
    expect(result.ok === false && result.reason).toBe('malformed');
  });

  it('recognises an OpenDocument file renamed to .docx as unsupported', async () => {
    const result = await extractArticle({ ...fixture('notes.odt'), name: 'notes.docx' });
    expect(result).toEqual({ ok: false, reason: 'unsupported-type', message: expect.stringContaining('notes.docx is an OpenDocument file') });
  });
});

describe('a Word document with footnotes and endnotes', () => {
  // Built here rather than kept as a fixture: the notes are the point, and the source shows them.
  const withNotes = async () => {
    const { Document, EndnoteReferenceRun, FootnoteReferenceRun, Packer, Paragraph, TextRun } = await import('docx');
    const document = new Document({
      footnotes: {
        1: { children: [new Paragraph('Gauge readings of the Joint Basin Secretariat, 4 March 2025.')] },
        2: { children: [new Paragraph('Statement of the Ostrian water agency.'), new Paragraph('Quoted in the Aurel Shipping Gazette.')] },
      },
      endnotes: { 1: { children: [new Paragraph('Figures rounded to the nearest per cent.')] } },
      sections: [{
        children: [
          new Paragraph({ children: [new TextRun('Flows fell by a fifth'), new FootnoteReferenceRun(1), new TextRun(' over the winter.')] }),
          new Paragraph({ children: [new TextRun('Ostria asked for a guarantee'), new FootnoteReferenceRun(2), new TextRun(' of 40 per cent'), new EndnoteReferenceRun(1), new TextRun('.')] }),
          // The first footnote cited a second time: it is still listed once.
          new Paragraph({ children: [new TextRun('Both sides accept the gauges.'), new FootnoteReferenceRun(1)] }),
        ],
      }],
    });
    return { name: 'flows.docx', bytes: new Uint8Array(await Packer.toBuffer(document)) };
  };

  it('removes the markers from the text and keeps each note once, after the text, without back-links', async () => {
    const draft = await draftOf(await withNotes());
    expect(draft.text.split('\n\n')).toEqual([
      'Flows fell by a fifth over the winter.',
      'Ostria asked for a guarantee of 40 per cent.',
      'Both sides accept the gauges.',
      'Notes',
      'Gauge readings of the Joint Basin Secretariat, 4 March 2025.',
      'Statement of the Ostrian water agency.',
      'Quoted in the Aurel Shipping Gazette.',
      'Figures rounded to the nearest per cent.',
    ]);
    expect(draft.text).not.toMatch(/↑|\[\d\]/);
  });

  it('adds no Notes paragraph to a document without notes', async () => {
    const draft = await draftOf(fixture('memo.docx'));
    expect(draft.text).not.toContain('Notes');
  });
});
