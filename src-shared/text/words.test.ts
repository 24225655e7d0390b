import { describe, expect, it } from 'vitest';
import { countWords, wordSpans, words } from './words';

describe('words', () => {
  it('cuts Chinese and Japanese runs into words, where a regular expression sees one run', () => {
    const zh = words('中国人民银行周一宣布下调存款准备金率，以增加流动性。');
    expect(zh).toContain('银行');
    expect(zh).toContain('存款');
    expect(zh).not.toContain('中国人民银行周一宣布下调存款准备金率');
    expect(words('日本銀行は金融政策の変更を発表した。')).toEqual(expect.arrayContaining(['日本', '銀行', '金融', '政策']));
  });

  it('keeps Arabic words whole with their vowel marks, and Latin words with inner punctuation', () => {
    expect(words('قال المُتحدّث إنّ الاجتماع')).toEqual(['قال', 'المُتحدّث', 'إنّ', 'الاجتماع']);
    expect(words('The minister’s aide: "No." 3.5 per cent.')).toEqual(['The', 'minister’s', 'aide', 'No', '3.5', 'per', 'cent']);
  });

  it('gives offsets into the text', () => {
    const text = 'Banks: 中国人民银行 cut rates.';
    for (const span of wordSpans(text)) expect(text.slice(span.start, span.end)).toBe(span.word);
  });
});

describe('countWords', () => {
  it('counts Chinese words, not punctuation-delimited runs', () => {
    // Two runs; a count by runs would say 2.
    expect(countWords('中国人民银行周一宣布下调存款准备金率，以增加流动性。')).toBeGreaterThan(8);
  });

  it('agrees with the words listed', () => {
    const text = 'Київ, 2 травня. Уряд ухвалив рішення. 政府は発表した。';
    expect(countWords(text)).toBe(words(text).length);
  });
});
