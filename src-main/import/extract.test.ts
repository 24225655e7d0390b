import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { draftOf, fixture } from './test-fixtures';
import { extractArticle, MAX_IMPORT_BYTES, type ExtractResult } from './extract';

const utf8 = (text: string) => new TextEncoder().encode(text);


const failure = (reason: string, message: RegExp): ExtractResult =>
  ({ ok: false, reason, message: expect.stringMatching(message) }) as unknown as ExtractResult;

describe('each reason a file is refused, with a message naming the file', () => {
  it('empty: a 0-byte file', async () => {
    expect(await extractArticle(fixture('empty.txt'))).toEqual(failure('empty', /^empty\.txt is empty/));
  });

  it('empty: a file with only whitespace, or a page without text', async () => {
    expect(await extractArticle({ name: 'blank.md', bytes: utf8(' \n\n\t\n') })).toEqual(failure('empty', /^blank\.md contains no text/));
    expect(await extractArticle({ name: 'shell.html', bytes: utf8('<html><body><nav>Home</nav></body></html>') })).toEqual(
      failure('empty', /^shell\.html contains no text/),
    );
  });

  it('not-text: binary bytes under a .txt name', async () => {
    expect(await extractArticle(fixture('binary.txt'))).toEqual(failure('not-text', /^binary\.txt is not a text file/));
  });

  it('unsupported-type: an OpenDocument file, an old .doc, an unknown extension', async () => {
    expect(await extractArticle(fixture('notes.odt'))).toEqual(failure('unsupported-type', /^notes\.odt is an OpenDocument text.*save it as \.docx/));
    expect(await extractArticle({ name: 'old.doc', bytes: utf8('x') })).toEqual(failure('unsupported-type', /^old\.doc is an old-style Word document/));
    expect(await extractArticle({ name: 'photo.jpeg', bytes: utf8('x') })).toEqual(failure('unsupported-type', /\.jpeg files are not supported/));
  });

  it('too-large: over 50 MB, refused before parsing', async () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1);
    expect(MAX_IMPORT_BYTES).toBe(50 * 1024 * 1024);
    expect(await extractArticle({ name: 'dump.txt', bytes })).toEqual(failure('too-large', /^dump\.txt is 50\.0 MB; files larger than 50 MB/));
  });

  it('too-large: more text than an article can hold', async () => {
    const bytes = utf8('word '.repeat(1_100_000));
    expect(await extractArticle({ name: 'corpus.txt', bytes })).toEqual(failure('too-large', /^corpus\.txt holds 5,499,999 characters/));
  });

  // encrypted-pdf, image-only-pdf and malformed are in pdf-file.test.ts and docx-file.test.ts.
});

describe('the same text in two formats', () => {
  it('gives the same canonical text and SHA-256 from briefing.md and memo.docx', async () => {
    const markdown = await draftOf(fixture('briefing.md'));
    const word = await draftOf(fixture('memo.docx'));
    expect(word.text).toBe(markdown.text);
    expect(word.sha256).toBe(markdown.sha256);
    expect(word.format).not.toBe(markdown.format);
  });

  it('hashes the canonical text as UTF-8', async () => {
    const draft = await draftOf(fixture('statement.txt'));
    expect(draft.sha256).toBe(createHash('sha256').update(Buffer.from(draft.text, 'utf8')).digest('hex'));
    expect(draft.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives different hashes for different texts', async () => {
    const a = await draftOf({ name: 'a.txt', bytes: utf8('One text.') });
    const b = await draftOf({ name: 'b.txt', bytes: utf8('One text!') });
    expect(a.sha256).not.toBe(b.sha256);
  });
});

describe('the file name', () => {
  it('is display only: a path is reduced to its last segment and never read', async () => {
    const draft = await draftOf({ name: '../../etc/passwd/statement.txt', bytes: utf8('Harmless words.') });
    expect(draft.originalName).toBe('statement.txt');
    const windows = await draftOf({ name: 'C:\\Users\\ana\\notes.md', bytes: utf8('# Notes') });
    expect(windows.originalName).toBe('notes.md');
  });

  it('cannot forge a line in a result list with control characters', async () => {
    const result = await extractArticle({ name: 'fine.txt\nIMPORTED: evil.txt', bytes: new Uint8Array() });
    expect(result.ok === false && result.message).not.toMatch(/\n/);
  });

  it('loses to the content when the content is unambiguous', async () => {
    const pdf = await draftOf({ ...fixture('report.pdf'), name: 'report.txt' });
    expect(pdf.format).toBe('pdf');
    const docx = await draftOf({ ...fixture('memo.docx'), name: 'memo' });
    expect(docx.format).toBe('docx');
    const html = await draftOf({ name: 'saved-page', bytes: utf8('<!DOCTYPE html><html><body><p>A saved page without an extension.</p></body></html>') });
    expect(html.format).toBe('html');
  });
});

describe('what the review step shows', () => {
  it('counts words and gives the opening paragraphs after the title', async () => {
    const draft = await draftOf({ name: 'n.txt', bytes: utf8('Title line\nFirst paragraph here.\nSecond one.\nThird one.\nFourth one.') });
    expect(draft.wordCount).toBe(11);
    expect(draft.firstLines).toBe('First paragraph here.\nSecond one.\nThird one.');
  });

  it('shortens a long opening to 300 characters', async () => {
    const draft = await draftOf({ name: 'long.txt', bytes: utf8(`Title\n${'Lorem ipsum dolor sit amet. '.repeat(30)}`) });
    expect(draft.firstLines.length).toBeLessThanOrEqual(300);
    expect(draft.firstLines.endsWith('…')).toBe(true);
  });
});
