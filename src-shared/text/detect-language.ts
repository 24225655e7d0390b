import { francAll } from 'franc-min';
import { bcp47FromIso6393 } from './iso639';
import { lettersAllow } from './orthography';
import { countScripts, isJapanese, normaliseLanguageTag, scriptDirection, scriptLanguage, directionOf, type ScriptCount, type TextDirection, type TextLanguage } from './language';

/**
 * Scripts that name their language: kana is Japanese, hangul Korean, Hebrew letters Hebrew, Han
 * characters without kana Chinese, Thai Thai, Greek Greek. franc-min has no Hebrew at all and
 * calls kanji-heavy Japanese Chinese; for these its trigrams add nothing.
 */
const DECISIVE = new Set(['han', 'kana', 'hangul', 'hebrew', 'thai', 'greek']);
/** Fewer letters than this, even in a decisive script, is a name or a credit, not a text. */
const MIN_LETTERS = 4;
/**
 * Fewer words than this is not judged by trigrams: one or two words are a name, a place or an
 * agency ("Paris – Berlin", "Reuters, 12:30"), and franc answers them with a confident guess.
 */
const MIN_WORDS = 3;
/**
 * Under this many letters (a headline, a one-line quote: about ten words) franc's scores bunch
 * up, and the winner is often a neighbour ("Mr. Vale spoke on Monday." is Dutch to it). There a
 * language is named only if the runner-up scores below RUNNER_UP (franc's scores run from 1 for
 * the best down); otherwise the text is left without one.
 */
const SHORT_LETTERS = 60;
const RUNNER_UP = 0.85;
/** franc reads at most this much (it cuts longer texts itself); a word count needs no more. */
const FRANC_SAMPLE = 2048;
const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;

/**
 * A text's language and direction, the way the app names them:
 * 1. scripts that name their language decide (kana, hangul, Hebrew, Han, Thai, Greek);
 * 2. any other text of at least three words is judged by franc-min's trigrams (Latin, Cyrillic,
 *    Arabic and the other scripts it knows), its ISO 639-3 answer mapped to BCP 47, skipping
 *    languages whose alphabet the text's letters rule out (orthography.ts);
 * 3. too little text, a short one where a second language fits nearly as well, or franc's "und"
 *    gives no language ('').
 * The direction always comes from the script, so a word of Arabic with no language is still
 * right to left. docs/import-languages.md gives the figures that chose this over the script
 * rules alone and franc alone (`npm run bench language-detect-bench`).
 */
export function detectLanguage(text: string): TextLanguage {
  const scripts = countScripts(text);
  const direction = scriptDirection(scripts);
  if (scripts.letters < MIN_LETTERS) return { language: '', direction };
  if (isJapanese(scripts) || (scripts.top && DECISIVE.has(scripts.top))) return scriptLanguage(scripts);
  return { language: trigramLanguage(scripts), direction };
}

/** franc-min's answer as a BCP 47 tag, or '' when the text is too short for trigrams or franc cannot say. */
function trigramLanguage(scripts: ScriptCount): string {
  const sample = scripts.sample.slice(0, FRANC_SAMPLE);
  if ((sample.match(WORD)?.length ?? 0) < MIN_WORDS) return '';
  // franc ranks every language of the script; those whose letters the text rules out are dropped.
  const [best, second] = francAll(sample).filter(([code]) => code === 'und' || lettersAllow(code, sample));
  if (!best) return '';
  if (second && second[1] >= RUNNER_UP && scripts.letters < SHORT_LETTERS) return '';
  return bcp47FromIso6393(best[0]);
}

/**
 * franc-min alone, mapped to BCP 47, with the direction of its language (for the measurement:
 * the app uses `detectLanguage`). franc answers anything of ten characters or more.
 */
export function francLanguage(text: string): TextLanguage {
  const language = bcp47FromIso6393(francAll(text.slice(0, FRANC_SAMPLE))[0]?.[0] ?? 'und');
  return { language, direction: directionOf(language) };
}

/**
 * The language a page declares (its `lang` and `dir`), checked against its text: a page whose
 * template says lang="en" around an Arabic article (or lang="ar" around an English one) is
 * believed only when the script agrees. Only the script can overrule a declaration, never
 * franc's trigrams: a page's own word beats a guess from a few sentences. Without a usable
 * declaration the text is detected.
 */
export function resolveLanguage(text: string, declared: { lang?: string; dir?: string } = {}): TextLanguage {
  const scripts = countScripts(text);
  const byScript = scriptLanguage(scripts);
  const lang = normaliseLanguageTag(declared.lang ?? '');
  const dir = declared.dir?.trim().toLowerCase();
  const declaredDirection: TextDirection | null = dir === 'rtl' || dir === 'ltr' ? dir : lang ? directionOf(lang) : null;
  const agrees = byScript.language ? byScript.language === lang.split('-')[0]?.toLowerCase() : !scripts.top || directionOf(lang) === scriptDirection(scripts);
  // The script outranks a dir attribute: a template's dir="ltr" around Arabic text is the template's.
  if (lang && agrees) return { language: lang, direction: scripts.top ? scriptDirection(scripts) : (declaredDirection ?? 'ltr') };
  const detected = detectLanguage(text);
  // A script the rules do not know (Syriac, Thaana…): the page's dir is all there is.
  if (!scripts.top && declaredDirection) return { language: detected.language, direction: declaredDirection };
  return detected;
}
