import { describe, expect, it } from 'vitest';
import { foldForSearch, foldPresentationForms } from './fold';

describe('foldForSearch', () => {
  it('folds Arabic presentation forms, harakat, tatweel and alef forms to what a keyboard types', () => {
    expect(foldForSearch('ﺍﻟﻌﺮﺑﻴﺔ')).toBe(foldForSearch('العربية'));
    expect(foldForSearch('العَرَبِيّة')).toBe(foldForSearch('العربية'));
    expect(foldForSearch('العـــربية')).toBe(foldForSearch('العربية'));
    expect(foldForSearch('أحمد')).toBe(foldForSearch('احمد'));
    expect(foldForSearch('إسرائيل')).toBe(foldForSearch('اسرائيل'));
  });

  it('folds Persian yeh and kaf to the Arabic letters, Cyrillic ё to е, and case', () => {
    expect(foldForSearch('ایران')).toBe(foldForSearch('ايران'));
    expect(foldForSearch('Всё')).toBe('все');
  });

  it('removes Hebrew points', () => {
    expect(foldForSearch('שָׁלוֹם')).toBe('שלום');
  });
});

describe('foldPresentationForms', () => {
  it('replaces Arabic presentation forms and leaves full-width CJK punctuation alone', () => {
    expect(foldPresentationForms('ﻣﺼﺮ')).toBe('مصر');
    expect(foldPresentationForms('银行，流动性。')).toBe('银行，流动性。');
  });
});

describe('Persian half-space', () => {
  it('folds a word written with and without its ZWNJ alike', () => {
    expect(foldForSearch('می\u200cدهد')).toBe(foldForSearch('میدهد'));
  });
});
