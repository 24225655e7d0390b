import { encodingProfiles, NEUTRAL, type ProfileName } from './encoding-profiles';
import { decodeWindows1252 } from './windows-1252';

/** An encoding chosen for bytes that did not say which they are in. */
export interface EncodingGuess {
  /** WHATWG name ('windows-1251', 'gbk', 'shift_jis', 'utf-16le', …). */
  encoding: string;
  /** 0–1: how much of the text looks like text of its script, lowered when evidence is thin or a rival came close. */
  confidence: number;
}

/**
 * Legacy encodings tried for undeclared text, in order of preference on a tie. GBK is decoded by
 * the GB 18030 decoder (WHATWG), so GB 2312 and GB 18030 text are covered; KOI8-U is KOI8-R with
 * Ukrainian letters added where KOI8-R has box-drawing characters no article contains.
 * ISO-8859-8 is left out: Windows-1255 decodes its letters the same way.
 */
const CANDIDATES = [
  'windows-1252', 'windows-1251', 'koi8-u', 'gbk', 'big5', 'shift_jis', 'euc-jp', 'euc-kr',
  'windows-1256', 'windows-1255', 'utf-16le', 'utf-16be',
] as const;

/** Bytes scored per candidate; 64 kB of any script decides. */
const SAMPLE_BYTES = 64 * 1024;
/** Below this many telling (non-ASCII, non-punctuation) characters, confidence is scaled down. */
const ENOUGH_EVIDENCE = 40;

/**
 * Picks the encoding of `bytes` (no BOM, not valid UTF-8) whose decoding looks most like real
 * text: each candidate's decoding of the first 64 kB is scored by encoding-profiles.ts, and the
 * best wins. Candidates that cannot decode the bytes at all (invalid sequences) are out. Measured
 * on the language fixtures (scripts/make-language-fixtures.mjs): see detect-encoding.test.ts.
 */
export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const scored: { encoding: string; score: number; evidence: number; text: string }[] = [];
  for (const encoding of CANDIDATES) {
    const text = decodeSample(encoding, sample);
    if (text === null) continue;
    scored.push({ encoding, ...plausibility(text), text });
  }
  scored.sort((a, b) => b.score - a.score || CANDIDATES.indexOf(a.encoding as never) - CANDIDATES.indexOf(b.encoding as never));
  const [best, ...rest] = scored;
  if (!best) return { encoding: 'windows-1252', confidence: 0 };
  // A rival that reads the same text (Windows-1251 and -1252 agree on curly quotes) is no rival.
  const rival = rest.find((other) => other.text !== best.text)?.score ?? 0;
  const margin = Math.min(1, 0.5 + (best.score - rival) * 2);
  const evidence = Math.min(1, best.evidence / ENOUGH_EVIDENCE);
  const encoding = best.encoding === 'koi8-u' && !/[іїєґІЇЄҐ]/u.test(best.text) ? 'koi8-r' : best.encoding;
  return { encoding, confidence: round(best.score * margin * (0.5 + evidence / 2)) };
}

function decodeSample(encoding: string, sample: Uint8Array): string | null {
  if (encoding.startsWith('utf-16') && sample.length < 2) return null;
  if (encoding === 'windows-1252') return decodeWindows1252(sample);
  try {
    // stream: a multi-byte character cut by the end of the sample is not an error.
    return new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: true });
  } catch {
    return null;
  }
}

/**
 * How much of `text` looks like text of one script, 0–1, and how many characters said so.
 * Only characters outside ASCII count (every candidate but UTF-16 decodes ASCII alike), minus
 * punctuation any script uses. Some scripts need one more test, because a wrong decoding can
 * land entirely inside their set:
 * - Cyrillic: Windows-1251 and KOI8 map each other's lower case to upper case, and Arabic
 *   Windows-1256 bytes read as Windows-1251 are capitals too; real prose is mostly lower case.
 *   Hebrew read as Windows-1251 is lower case, but with few vowels.
 * - Arabic: Cyrillic KOI8 read as Windows-1256 is Arabic letters, but without the alef and lam
 *   that make up a fifth of Arabic text (and an eighth of Persian).
 * - Latin: Cyrillic bytes read as Windows-1252 are accented letters only; in real Latin-script
 *   prose accented letters are a minority among plain ones.
 * - Chinese and Japanese: EUC-KR hangul read as GBK are common hanzi, but separated by spaces
 *   as Korean words are; Chinese puts none between its characters.
 * - Korean: GBK hanzi read as EUC-KR are hangul syllables without the spaces Korean has.
 */
function plausibility(text: string): { score: number; evidence: number } {
  const profiles = encodingProfiles();
  const good = new Map<ProfileName, number>();
  let telling = 0;
  let controls = 0;
  let asciiLetters = 0;
  let cyrillicLower = 0;
  let cyrillicUpper = 0;
  let cyrillicVowels = 0;
  let arabicLetters = 0;
  let alefLam = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      if ((code < 0x20 && code !== 9 && code !== 10 && code !== 13) || code === 0x7f) controls++;
      else if (/[A-Za-z]/.test(ch)) asciiLetters++;
      continue;
    }
    if (NEUTRAL.has(ch)) continue;
    telling++;
    if (code >= 0x80 && code <= 0x9f) controls++;
    for (const [name, test] of profiles) if (test(ch)) good.set(name, (good.get(name) ?? 0) + 1);
    if (code >= 0x0410 && code <= 0x042f) cyrillicUpper++;
    else if (code >= 0x0430 && code <= 0x044f) cyrillicLower++;
    if (CYRILLIC_VOWELS.includes(ch)) cyrillicVowels++;
    if (code >= 0x0621 && code <= 0x064a) arabicLetters++;
    if (ch === 'ا' || ch === 'ل') alefLam++;
  }
  // ASCII alone (or with punctuation) fits every candidate equally.
  if (telling === 0) return { score: controls > 0 ? 0 : 1, evidence: 0 };
  let best = 0;
  for (const [name, count] of good) {
    let score = count / telling;
    if (name === 'cyrillic') {
      const letters = Math.max(1, cyrillicLower + cyrillicUpper);
      score *= Math.min(1, cyrillicLower / letters / 0.7) * Math.min(1, cyrillicVowels / letters / 0.35);
    }
    if (name === 'arabic') score *= Math.min(1, alefLam / Math.max(1, arabicLetters) / 0.12);
    if (name === 'latin') score *= Math.min(1, (0.3 * (asciiLetters + count)) / count);
    if (name === 'zh-Hans' || name === 'zh-Hant' || name === 'ja') score *= spacedIdeographs(text) ? 0.5 : 1;
    if (name === 'ko') score *= unspacedHangul(text) ? 0.6 : 1;
    best = Math.max(best, score);
  }
  // Control characters are what binary data and wrong two-byte decodings of text (UTF-16) produce.
  const penalty = Math.max(0, 1 - (controls / Math.max(1, telling)) * 5);
  return { score: best * penalty, evidence: telling };
}

/** Vowels are 40–45 % of Russian and Ukrainian letters; Hebrew read as Windows-1251 has far fewer. */
const CYRILLIC_VOWELS = 'аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ';

/** More than one ideograph in 20 followed by a space and another ideograph: Korean read as Chinese. */
function spacedIdeographs(text: string): boolean {
  const ideographs = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const spaced = text.match(/\p{Script=Han} (?=\p{Script=Han})/gu)?.length ?? 0;
  return ideographs > 0 && spaced / ideographs > 0.05;
}

/** Twenty or more hangul syllables without one space among them in a Korean text's place. */
function unspacedHangul(text: string): boolean {
  const syllables = text.match(/\p{Script=Hangul}/gu)?.length ?? 0;
  const spaced = text.match(/\p{Script=Hangul}\s/gu)?.length ?? 0;
  return syllables >= 20 && spaced / syllables < 0.08;
}

function round(value: number): number {
  return Math.round(Math.max(0, Math.min(1, value)) * 100) / 100;
}
