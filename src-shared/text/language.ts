/** Which way a text runs. */
export type TextDirection = 'ltr' | 'rtl';

/** An article's language (a BCP 47 tag, '' when unknown) and direction. */
export interface TextLanguage {
  language: string;
  direction: TextDirection;
}

/** Languages written right to left, by primary subtag. */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'iw', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb', 'ku']);
/** Letters counted per script; a few thousand are plenty to know a text's script. */
const SAMPLE = 4000;

const SCRIPTS = [
  ['han', /\p{Script=Han}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['thai', /\p{Script=Thai}/u],
  ['greek', /\p{Script=Greek}/u],
  ['latin', /\p{Script=Latin}/u],
] as const;
type Script = (typeof SCRIPTS)[number][0];

/** Letters only Ukrainian writes (і ї є ґ), only Persian writes (پ چ ژ گ and Persian yeh/kaf). */
const UKRAINIAN = /[іїєґІЇЄҐ]/gu;
const RUSSIAN = /[ыэъЫЭЪ]/gu;
const PERSIAN = /[پچژگیک]/gu;

/** The direction a language is written in; unknown languages are taken as left to right. */
export function directionOf(language: string): TextDirection {
  const primary = language.toLowerCase().split(/[-_]/)[0] ?? '';
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr';
}

/**
 * A text's language and direction, guessed from its script: which script most of its letters
 * are in, and a few letters that tell apart languages sharing one (Ukrainian і ї є ґ, Persian
 * پ چ ژ گ). Latin-script text gets no language: its script does not say which one.
 */
export function guessLanguage(text: string): TextLanguage {
  const counts = new Map<Script, number>();
  let letters = 0;
  for (const ch of text.slice(0, SAMPLE * 2)) {
    if (letters >= SAMPLE) break;
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    const script = SCRIPTS.find(([, pattern]) => pattern.test(ch))?.[0];
    if (script) counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  const count = (script: Script) => counts.get(script) ?? 0;
  const sample = text.slice(0, SAMPLE * 2);
  const matches = (pattern: RegExp) => sample.match(pattern)?.length ?? 0;
  // Japanese writes kana among its kanji, Chinese none; Korean may quote hanja among its hangul.
  if (count('kana') > 0 && count('kana') + count('han') >= letters * 0.3) return { language: 'ja', direction: 'ltr' };
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (!top || top[1] < letters * 0.3) return { language: '', direction: 'ltr' };
  switch (top[0]) {
    case 'han':
      return { language: 'zh', direction: 'ltr' };
    case 'hangul':
      return { language: 'ko', direction: 'ltr' };
    case 'cyrillic':
      return { language: matches(UKRAINIAN) > matches(RUSSIAN) ? 'uk' : 'ru', direction: 'ltr' };
    case 'arabic':
      return { language: matches(PERSIAN) > 0 ? 'fa' : 'ar', direction: 'rtl' };
    case 'hebrew':
      return { language: 'he', direction: 'rtl' };
    case 'thai':
      return { language: 'th', direction: 'ltr' };
    case 'greek':
      return { language: 'el', direction: 'ltr' };
    default:
      return { language: '', direction: 'ltr' };
  }
}

/**
 * The language a page declares (its `lang` and `dir`), checked against its text: a page whose
 * template says lang="en" around an Arabic article is believed only when the script agrees.
 * Without a usable declaration the guess from the script is used.
 */
export function resolveLanguage(text: string, declared: { lang?: string; dir?: string } = {}): TextLanguage {
  const guessed = guessLanguage(text);
  const lang = normaliseLanguageTag(declared.lang ?? '');
  const dir = declared.dir?.trim().toLowerCase();
  const declaredDirection: TextDirection | null = dir === 'rtl' || dir === 'ltr' ? dir : lang ? directionOf(lang) : null;
  const agrees = !guessed.language || guessed.language === lang.split('-')[0]?.toLowerCase();
  // The script outranks a dir attribute: a template's dir="ltr" around Arabic text is the template's.
  if (lang && agrees) return { language: lang, direction: guessed.language ? guessed.direction : (declaredDirection ?? 'ltr') };
  if (!guessed.language && declaredDirection) return { language: lang, direction: declaredDirection };
  return guessed;
}

/** "en_GB" → "en-GB"; anything that is not a language tag → ''. */
export function normaliseLanguageTag(value: string): string {
  const tag = value.trim().replace(/_/g, '-');
  return /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(tag) ? tag : '';
}
