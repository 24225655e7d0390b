import { describe, expect, it } from 'vitest';
import { base64Problem } from './import-service';
import { openTestProject } from './test-project';
import type { ImportEncoding } from '../../src-shared/domain/import-format';
import { EXPECTED, languageFixture } from '../import/test-language-fixtures';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('import:extract', () => {
  it('reads a text file sent as base64', async () => {
    const { call } = await openTestProject();
    const { results } = await call('import:extract', { files: [{ name: 'note.txt', data: b64('A title\n\nThe first paragraph of the piece.') }] });
    expect(results).toMatchObject([{ name: 'note.txt', ok: true, draft: { text: expect.stringContaining('first paragraph') } }]);
  });

  it('refuses damaged base64 before decoding anything, naming the file', async () => {
    const { router } = await openTestProject();
    const good = { name: 'good.txt', data: b64('Fine text here.') };
    for (const data of ['QUJD!', 'QUJ', 'QU=D', 'QUJD\nQUJD', 'QUJD QUJD', 'QUJD====']) {
      const result = await router.handle('import:extract', { files: [good, { name: 'bad.txt', data }] });
      expect(result, data).toEqual({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/^“bad\.txt” did not arrive intact: its bytes are not valid base64 \(.+\)\. Nothing was read; choose the file again\.$/) } });
    }
  });

  it('accepts every padding form browsers write and an empty file', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'abcd', 'héllo 😀']) expect(base64Problem(b64(text)), text).toBeNull();
    expect(base64Problem('QUJD!')).toMatch(/length/);
    expect(base64Problem('QUJ!')).toBe('it holds the character "!" at position 3');
    expect(base64Problem('QQ==QUJD')).toMatch(/padding/);
  });
});

describe('import:extract with a chosen encoding', () => {
  const fileOf = (name: string, encoding?: ImportEncoding) => ({ name, data: Buffer.from(languageFixture(name).bytes).toString('base64'), ...(encoding ? { encoding } : {}) });

  it('decodes a text or HTML file in the encoding chosen, wrong or right, and says it was chosen', async () => {
    const { call } = await openTestProject();
    const expected = EXPECTED.files['ru.windows-1251.txt']!;
    for (const name of ['ru.windows-1251.txt', 'ru.windows-1251.undeclared.html']) {
      const [w] = (await call('import:extract', { files: [fileOf(name, 'koi8-r')] })).results;
      const [r] = (await call('import:extract', { files: [fileOf(name, 'windows-1251')] })).results;
      if (!w?.ok || !r?.ok) throw new Error(`${name}: not extracted`);
      expect(w.draft.encoding, name).toBe('koi8-r');
      expect(w.draft.text, name).not.toContain(expected.paragraphs[0]);
      expect(w.draft.notes, name).toContain('Read as koi8-r, as chosen in the review.');
      expect(r.draft.encoding, name).toBe('windows-1251');
      expect(r.draft.text, name).toContain(expected.paragraphs[0]);
      expect(r.draft.title, name).toBe(expected.title);
    }
  });

  it('overrides what the page declares and what the detector would pick', async () => {
    const { call } = await openTestProject();
    const { results } = await call('import:extract', { files: [fileOf('ru.koi8-r.html'), fileOf('ru.koi8-r.html', 'windows-1251')] });
    const [declared, chosen] = results;
    if (!declared?.ok || !chosen?.ok) throw new Error('not extracted');
    expect(declared.draft.encoding).toBe('koi8-r');
    expect(chosen.draft.encoding).toBe('windows-1251');
    expect(chosen.draft.text).not.toBe(declared.draft.text);
  });

  it('refuses a choice that turns text into control characters, saying what to do', async () => {
    const { call } = await openTestProject();
    // UTF-16 read one byte at a time: every other character is a NUL.
    const { results } = await call('import:extract', { files: [fileOf('ru.utf16le.txt', 'windows-1251')] });
    expect(results).toEqual([{ name: 'ru.utf16le.txt', ok: false, reason: 'not-text', message: expect.stringMatching(/read as windows-1251 .*Choose another encoding/) }]);
  });

  it('ignores a chosen encoding for a PDF, with a note', async () => {
    const { call } = await openTestProject();
    const { results } = await call('import:extract', { files: [fileOf('ru.windows-1251.txt'), fileOf('zh.cmap.pdf', 'gbk')] });
    const pdf = results[1];
    if (!pdf?.ok) throw new Error('PDF not extracted');
    expect(pdf.draft.encoding).toBeUndefined();
    expect(pdf.draft.notes).toEqual(['A PDF is not read in a chosen encoding; gbk was ignored.']);
  });

  it('accepts only the encodings the importer knows', async () => {
    const { router } = await openTestProject();
    for (const encoding of ['latin1', 'UTF-8', 'x-user-defined', '']) {
      const result = await router.handle('import:extract', { files: [{ name: 'a.txt', data: 'QUJD', encoding }] });
      expect(result.ok, encoding).toBe(false);
    }
  });
});
