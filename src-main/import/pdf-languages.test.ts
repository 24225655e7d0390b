import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { EXPECTED, languageFixture } from './test-language-fixtures';

describe('PDFs whose fonts need character maps', () => {
  // Made by scripts/make-language-fixtures.mjs: Type0 fonts under Adobe's UCS-2 CMaps, not embedded.
  it.each(['zh', 'zh-Hant', 'ja', 'ko'])('%s.cmap.pdf imports with its text', async (language) => {
    const name = `${language}.cmap.pdf`;
    const result = await extractArticle(languageFixture(name));
    if (!result.ok) throw new Error(`${name}: ${result.reason}: ${result.message}`);
    const want = EXPECTED.files[name]!;
    expect(result.draft.title).toBe(want.title);
    expect(result.draft.text).toBe([want.title, ...want.paragraphs].join('\n\n'));
    expect(result.draft.language).toBe(language.split('-')[0]);
  });
});

describe('right-to-left PDFs', () => {
  // Each word drawn on its own, right to left, letters in visual order, as PDF producers do.
  it.each(['ar', 'fa', 'he'])('%s.rtl.pdf imports with its words in reading order', async (language) => {
    const name = `${language}.rtl.pdf`;
    const result = await extractArticle(languageFixture(name));
    if (!result.ok) throw new Error(`${name}: ${result.reason}: ${result.message}`);
    const want = EXPECTED.files[name]!;
    expect(result.draft.text).toBe([want.title, ...want.paragraphs].join('\n\n'));
    expect(result.draft).toMatchObject({ language, direction: 'rtl' });
  });
});
