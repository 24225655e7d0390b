import { describe, expect, it } from 'vitest';
import { base64Problem } from './import-service';
import { openTestProject } from './test-project';

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
