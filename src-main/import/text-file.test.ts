import { describe, expect, it } from 'vitest';
import { draftOf, fixture } from './test-fixtures';
import { markdownToText } from './markdown-text';



const STATEMENT_QUOTE = 'The Minister, Hélène Varo, said: “Water does not stop at a border post, and neither should cooperation.”';

describe('plain text in every encoding the issue names', () => {
  it('reads UTF-8: first line as title, one paragraph per line', async () => {
    const draft = await draftOf(fixture('statement.txt'));
    expect(draft.title).toBe('Statement by the Foreign Ministry of Veldria on the Kessar River talks');
    expect(draft.format).toBe('txt');
    const paragraphs = draft.text.split('\n\n');
    expect(paragraphs).toHaveLength(5);
    expect(paragraphs[2]).toContain(STATEMENT_QUOTE);
    expect(paragraphs[3]).toBe('Veldria’s delegation will table a proposal on seasonal flow guarantees when the talks reconvene in Port Aurel on 3 April.');
  });

  it.each(['statement-utf16.txt', 'statement-cp1252.txt'])('reads %s to exactly the UTF-8 text', async (name) => {
    const reference = await draftOf(fixture('statement.txt'));
    const draft = await draftOf(fixture(name));
    expect(draft.text).toContain(STATEMENT_QUOTE);
    expect(draft.text).toBe(reference.text);
    expect(draft.sha256).toBe(reference.sha256);
  });

  it('reads UTF-8 with a BOM and UTF-16 big-endian with a BOM', async () => {
    const utf8 = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Café talks\nThey went on.')]);
    expect((await draftOf({ name: 'a.txt', bytes: utf8 })).text).toBe('Café talks\n\nThey went on.');
    const units = [...'Café talks'].map((ch) => ch.charCodeAt(0));
    const utf16be = Uint8Array.from([0xfe, 0xff, ...units.flatMap((unit) => [unit >> 8, unit & 0xff])]);
    expect((await draftOf({ name: 'b.txt', bytes: utf16be })).title).toBe('Café talks');
  });

  it('uses the file name as title when the first line is a whole paragraph', async () => {
    const long = `${'The delegation arrived late. '.repeat(10)}\nSecond paragraph.`;
    const draft = await draftOf({ name: 'harbour-notes.txt', bytes: new TextEncoder().encode(long) });
    expect(draft.title).toBe('harbour-notes');
  });
});

describe('Markdown', () => {
  it('takes title and front matter, and strips the markup from briefing.md', async () => {
    const draft = await draftOf(fixture('briefing.md'));
    expect(draft.title).toBe('Briefing: Grain corridor disruption in the Sallow Strait');
    expect(draft.published).toBe('2025-02-20');
    expect(draft.byline).toBe('Regional Affairs Desk');
    expect(draft.format).toBe('md');
    expect(draft.text.split('\n\n')).toEqual([
      'Briefing: Grain corridor disruption in the Sallow Strait',
      'Prepared for the Eastern Desk, 20 February 2025.',
      'Summary',
      // Two source lines: a soft wrap in Markdown, so one paragraph.
      'Shipping through the Sallow Strait fell by a third in the week to 18 February after the Republic of Korvania closed two of its four pilot stations, citing maintenance.',
      'Insurers in Port Aurel raised war-risk premiums for vessels bound for Korvanian ports.',
      'What to watch',
      'Whether Korvania reopens the northern pilot station before the spring harvest.',
      'Statements by the Maritime Council of Ostria, which has so far said nothing.',
      'Freight rates quoted in the Aurel Shipping Gazette.',
    ]);
  });

  it('keeps underscores inside words, escaped characters and code, and drops images and link targets', () => {
    const { text } = markdownToText(
      'See file_name_v2 and \\*not emphasis\\* and `a*b*c`.\n\n![Map of the strait](map.png) [Source][1]\n\n[1]: https://example.org',
    );
    expect(text.split('\n')).toEqual(['See file_name_v2 and *not emphasis* and a*b*c.', 'Map of the strait Source']);
  });

  it('reads setext headings and keeps fenced code line by line', () => {
    const result = markdownToText('Harbour report\n==============\n\n```\nline one\nline two\n```\n\n> Quoted\n> words\n\n---\n\n1. First');
    expect(result.firstHeading).toBe('Harbour report');
    expect(result.text.split('\n')).toEqual(['Harbour report', 'line one', 'line two', 'Quoted words', 'First']);
  });
});
