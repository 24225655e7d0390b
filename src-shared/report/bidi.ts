import type { RootContent } from 'mdast';
import type { Article } from '../domain/article';
import { normaliseLanguageTag } from '../text/language';

/** Letters of the scripts written right to left. */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}]/u;
/** Embeddings, overrides and isolates: a stray one in a title would reorder the rest of its line. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;
/** FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (Unicode's bidi algorithm, UAX #9). */
export const FSI = '\u2068';
export const PDI = '\u2069';

/** LEFT-TO-RIGHT MARK: an invisible strong left-to-right letter. */
export const LRM = '\u200E';

/**
 * What to put before a list item that starts with `value`: an LRM if the value is right to left.
 * Viewers that give each item `dir="auto"` (GitHub does) may take its first letter even inside
 * an isolate, and would lay out "محمد (person) — 3 mentions" right to left; the mark makes the
 * item's own first letter left to right.
 */
export function leadingMark(value: string): string {
  return hasRtl(value) ? LRM : '';
}

/** Whether a text holds any right-to-left letter. */
export function hasRtl(value: string): boolean {
  return RTL_LETTER.test(value);
}

/**
 * A title, name or source for a line of the report's own (left-to-right) text. A value with
 * right-to-left letters is wrapped in FSI … PDI: inside, it runs the way its first letter says;
 * outside, it counts as one neutral piece, so "عنوان, المصدر, 2024-05-14" keeps its pieces in
 * order and the date left to right (without it the digits after Arabic letters become Arabic
 * numbers and the date shows as 14-05-2024). Unicode characters rather than HTML (<bdi>):
 * they work in any Markdown viewer and in a plain text editor, and no HTML sanitiser removes
 * them (the allow-list GitHub's html-pipeline published has neither <bdi> nor <span>).
 * Directional controls already in the value are removed first, so an unbalanced one cannot leak
 * into the rest of the line.
 */
export function isolate(value: string): string {
  const clean = value.replace(BIDI_CONTROLS, '');
  return hasRtl(clean) ? `${FSI}${clean}${PDI}` : clean;
}

/**
 * Blocks quoted from a right-to-left article, inside `<div dir="rtl" lang="…">` … `</div>`: a
 * viewer that renders HTML blocks keeps them (html-pipeline's allow-list, GitHub's, has <div>
 * and allows `dir` and `lang` on every element), and CommonMark reads the Markdown between the
 * two HTML blocks as Markdown since each stands alone between blank lines. A viewer that drops
 * HTML loses only the direction. The attributes come from the
 * stored language tag (letters, digits and hyphens only, checked again here), never from text.
 */
export function inArticleDirection(article: Pick<Article, 'direction' | 'language'>, blocks: RootContent[]): RootContent[] {
  if (article.direction !== 'rtl') return blocks;
  const lang = normaliseLanguageTag(article.language ?? '');
  return [{ type: 'html', value: `<div dir="rtl"${lang ? ` lang="${lang}"` : ''}>` }, ...blocks, { type: 'html', value: '</div>' }];
}
