/** Which way a text runs. */
export type TextDirection = 'ltr' | 'rtl';

/** An article's language (a BCP 47 tag, '' when unknown) and direction. */
export interface TextLanguage {
  language: string;
  direction: TextDirection;
}

/** Languages written right to left, by primary subtag. */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'iw', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb', 'ku', 'skr']);
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
/** A script whose letters are counted. */
export type Script = (typeof SCRIPTS)[number][0];

/** Letters only Ukrainian writes (і ї є ґ), only Persian writes (پ چ ژ گ and Persian yeh/kaf). */
const UKRAINIAN = /[іїєґІЇЄҐ]/gu;
const RUSSIAN = /[ыэъЫЭЪ]/gu;
const PERSIAN = /[پچژگیک]/gu;

/** How many of a text's first letters are in each script. */
export interface ScriptCount {
  /** Letters looked at (up to a few thousand from the start). */
  letters: number;
  /** Letters per script; letters of other scripts count in `letters` only. */
  counts: ReadonlyMap<Script, number>;
  /** The script most letters are in, if it holds at least 30 % of them. */
  top: Script | null;
  /** The start of the text the letters were counted in. */
  sample: string;
}

/** Counts the letters of each script at the start of a text. */
export function countScripts(text: string): ScriptCount {
  const counts = new Map<Script, number>();
  let letters = 0;
  const sample = text.slice(0, SAMPLE * 2);
  for (const ch of sample) {
    if (letters >= SAMPLE) break;
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    const script = SCRIPTS.find(([, pattern]) => pattern.test(ch))?.[0];
    if (script) counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  const [first] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return { letters, counts, top: first && first[1] >= letters * 0.3 ? first[0] : null, sample };
}

/** Right to left when most letters are Arabic or Hebrew: what a text's own script says of its direction. */
export function scriptDirection(scripts: ScriptCount): TextDirection {
  return scripts.top === 'arabic' || scripts.top === 'hebrew' ? 'rtl' : 'ltr';
}

/** Japanese writes kana among its kanji, Chinese none; Korean may quote hanja among its hangul. */
export function isJapanese(scripts: ScriptCount): boolean {
  const kana = scripts.counts.get('kana') ?? 0;
  return kana > 0 && kana + (scripts.counts.get('han') ?? 0) >= scripts.letters * 0.3;
}

/** The direction a language is written in; unknown languages are taken as left to right. */
export function directionOf(language: string): TextDirection {
  const primary = language.toLowerCase().split(/[-_]/)[0] ?? '';
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr';
}

/**
 * A text's language and direction, guessed from its script: which script most of its letters
 * are in, and a few letters that tell apart languages sharing one (Ukrainian і ї є ґ, Persian
 * پ چ ژ گ). Latin-script text gets no language: its script does not say which one. This is the
 * first of the detectors measured in docs/import-languages.md; `detectLanguage`
 * (detect-language.ts) is the one the app uses.
 */
export function guessLanguage(text: string): TextLanguage {
  return scriptLanguage(countScripts(text));
}

/** `guessLanguage` on letters already counted. */
export function scriptLanguage(scripts: ScriptCount): TextLanguage {
  if (isJapanese(scripts)) return { language: 'ja', direction: 'ltr' };
  const matches = (pattern: RegExp) => scripts.sample.match(pattern)?.length ?? 0;
  switch (scripts.top) {
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

/** "en_GB" → "en-GB"; anything that is not a language tag → ''. */
export function normaliseLanguageTag(value: string): string {
  const tag = value.trim().replace(/_/g, '-');
  return /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(tag) ? tag : '';
}
