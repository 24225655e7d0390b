import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { EXPECTED, LANGUAGE_FIXTURES } from './test-language-fixtures';

/**
 * The language fixtures (scripts/make-language-fixtures.mjs): one news item in eight languages,
 * in UTF-8, UTF-16 without a BOM and every legacy encoding, declared and not, as text, Markdown
 * and HTML. Each must import as its text, with the encoding and language the generator recorded.
 */
const DIR = LANGUAGE_FIXTURES;
const RTL = new Set(['ar', 'fa', 'he']);

const textFiles = readdirSync(DIR).filter((name) => /\.(txt|md|html)$/.test(name));

describe('language fixtures', () => {
  it('has an expectation for every file', () => {
    expect(textFiles.length).toBeGreaterThan(60);
    for (const name of textFiles) expect(EXPECTED.files[name], name).toBeDefined();
  });

  it.each(textFiles)('%s imports as its text, encoding and language', async (name) => {
    const want = EXPECTED.files[name]!;
    const result = await extractArticle({ name, bytes: new Uint8Array(readFileSync(join(DIR, name))) });
    if (!result.ok) throw new Error(`${name}: ${result.message}`);
    const { draft } = result;
    // Text files hold the title as their first line; web pages may give it as the title only.
    const body = want.paragraphs.join('\n\n');
    expect(draft.text.endsWith(body), `${name} text:\n${draft.text}`).toBe(true);
    expect(draft.title).toBe(want.title);
    expect(draft.encoding).toBe(want.encoding);
    expect(draft.encodingConfidence).toBeGreaterThanOrEqual(0.8);
    expect(draft.language?.split('-')[0]).toBe(want.language.split('-')[0]);
    expect(draft.direction).toBe(RTL.has(want.language) ? 'rtl' : 'ltr');
  });

  it('says when a declaration was overridden and when an encoding was guessed', async () => {
    const read = async (name: string) => {
      const result = await extractArticle({ name, bytes: new Uint8Array(readFileSync(join(DIR, name))) });
      if (!result.ok) throw new Error(result.message);
      return result.draft;
    };
    expect((await read('zh.utf8-labelled-gb2312.html')).notes).toEqual([expect.stringMatching(/declares gb2312, but its bytes are valid UTF-8/)]);
    expect((await read('ru.koi8-r.txt')).notes).toEqual([expect.stringMatching(/No encoding declared; read as koi8-r \(detected/)]);
    expect((await read('ru.koi8-r.html')).notes).toEqual([]);
  });
});
