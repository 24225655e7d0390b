/**
 * Folding for search: two spellings a reader takes for the same word become one string, for the
 * index and for the query alike.
 *
 * - NFKC: Arabic presentation forms (what PDFs often hold: ﻣﺼﺮ) become the letters typed on a
 *   keyboard (مصر); ligatures (ﬁ) and full-width Latin (ＡＢＣ) become plain letters.
 * - Case, by toLowerCase.
 * - Arabic: tatweel (the stretching stroke) and harakat (vowel marks) removed; alef with hamza
 *   or madda folded to bare alef; alef maqsura, Persian yeh and kaf folded to the Arabic letters,
 *   teh marbuta to heh. Arabic search engines fold the same way, because writers vary in all of it.
 * - Hebrew: points and cantillation removed (news is written without them, quotes sometimes with).
 * - Persian: the half-space (ZWNJ) removed.
 * - Cyrillic ё → е, which Russian print mostly does not distinguish.
 */
const FOLDS: Readonly<Record<string, string>> = {
  'آ': 'ا', 'أ': 'ا', 'إ': 'ا', 'ٱ': 'ا',
  'ى': 'ي', 'ی': 'ي', 'ک': 'ك', 'ة': 'ه', 'ۀ': 'ه',
  'ё': 'е',
};
const FOLDED = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'gu');
/**
 * Tatweel, harakat, superscript alef, Quranic marks; Hebrew points and cantillation; zero-width
 * (non-)joiners, which Persian writes inside words (می‌دهد) and PDF text layers lose (میدهد).
 */
const MARKS = /[\u064b-\u065f\u0670\u06d6-\u06ed\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]|\u0640|\u200c|\u200d/gu;

/** `text` folded for comparison (see above). Not for display: the folded text is not the author's. */
export function foldForSearch(text: string): string {
  // Most terms of most libraries are ASCII, which only case folding changes; the index folds
  // every word it holds, so this path is what indexing speed depends on.
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(text)) return text.toLowerCase();
  return text.normalize('NFKC').toLowerCase().replace(MARKS, '').replace(FOLDED, (ch) => FOLDS[ch] ?? ch);
}

/**
 * Presentation forms (Arabic, Hebrew, Latin ligatures) replaced by the letters they stand for, in
 * text that is shown: PDFs draw glyphs, and a text layer copied from them holds ﻣﺼﺮ where the
 * writer typed مصر. Only these blocks: NFKC on everything would also turn the full-width
 * punctuation of Chinese and Japanese text into ASCII.
 */
export function foldPresentationForms(text: string): string {
  return text.replace(/[\ufb00-\ufdff\ufe70-\ufeff]+/gu, (run) => run.normalize('NFKC'));
}
