/**
 * What correctly decoded text looks like, per writing system, for detect-encoding.ts.
 *
 * A wrong guess among legacy encodings rarely fails to decode: almost every byte pair is some
 * character in GBK, Big5 or EUC-KR, and every byte is a letter in Windows-1251. What a wrong guess
 * yields is text nobody writes: rare ideographs, half-width katakana, Cyrillic in capitals,
 * accented Latin letters with no plain ones between them. So each profile is the set of characters
 * a text in its script mostly consists of. The common CJK sets are read from the encodings'
 * own tables, whose first levels were chosen by frequency: GB 2312 level 1 (3,755 hanzi), Big5's
 * frequent block (5,401), JIS X 0208 level 1 (2,965 kanji) and KS X 1001's 2,350 hangul.
 */

export type ProfileName = 'zh-Hans' | 'zh-Hant' | 'ja' | 'ko' | 'cyrillic' | 'arabic' | 'hebrew' | 'latin' | 'greek';

/** Punctuation any script's text may contain; it says nothing about which decoding is right. */
export const NEUTRAL = new Set(
  [...'\u00a0«»·•–—‘’‚“”„…‹›€°№×÷§©®™±¶†‡‰\u200c\u200d\u200e\u200f\u00ad'].concat(
    range(0x3000, 0x303f),
    range(0xff01, 0xff0f),
    range(0xff1a, 0xff20),
    range(0xff3b, 0xff40),
    range(0xff5b, 0xff5e),
  ),
);

function range(from: number, to: number): string[] {
  const chars: string[] = [];
  for (let code = from; code <= to; code++) chars.push(String.fromCharCode(code));
  return chars;
}

/** Characters of a legacy double-byte table, decoded from lead bytes `leads` and trail bytes `trails`. */
function tableChars(encoding: string, leads: [number, number], trails: [number, number][]): Set<string> {
  const decoder = new TextDecoder(encoding);
  const chars = new Set<string>();
  for (let lead = leads[0]; lead <= leads[1]; lead++) {
    for (const [from, to] of trails) {
      for (let trail = from; trail <= to; trail++) {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd') chars.add(ch);
      }
    }
  }
  return chars;
}

let profiles: Map<ProfileName, (ch: string) => boolean> | null = null;

/** The profiles, built on first use (about 15,000 two-byte decodes, a few milliseconds). */
export function encodingProfiles(): Map<ProfileName, (ch: string) => boolean> {
  if (profiles) return profiles;
  const hans = tableChars('gbk', [0xb0, 0xd7], [[0xa1, 0xfe]]);
  const hant = tableChars('big5', [0xa4, 0xc6], [[0x40, 0x7e], [0xa1, 0xfe]]);
  const kanji = tableChars('euc-jp', [0xb0, 0xcf], [[0xa1, 0xfe]]);
  const hangul = tableChars('euc-kr', [0xb0, 0xc8], [[0xa1, 0xfe]]);
  const between = (ch: string, from: number, to: number) => {
    const code = ch.charCodeAt(0);
    return code >= from && code <= to;
  };
  profiles = new Map<ProfileName, (ch: string) => boolean>([
    ['zh-Hans', (ch) => hans.has(ch)],
    ['zh-Hant', (ch) => hant.has(ch)],
    // Kana in full width only: half-width katakana is what Shift_JIS makes of other encodings' bytes.
    ['ja', (ch) => kanji.has(ch) || between(ch, 0x3041, 0x3096) || between(ch, 0x30a1, 0x30fc)],
    ['ko', (ch) => hangul.has(ch)],
    ['cyrillic', (ch) => between(ch, 0x0410, 0x044f) || 'ЁёІіЇїЄєҐґЎўЈјЉљЊњЋћЏџЂђЃѓЅѕЌќ'.includes(ch)],
    ['arabic', (ch) => between(ch, 0x0621, 0x0652) || between(ch, 0x0660, 0x066c) || '،؛؟پچژگکیٔ'.includes(ch)],
    ['hebrew', (ch) => between(ch, 0x05d0, 0x05ea) || between(ch, 0x05b0, 0x05c7) || ch === '₪'],
    ['latin', (ch) => between(ch, 0x00c0, 0x00ff) && ch !== '×' && ch !== '÷' || 'ŒœŠšŽžŸƒ'.includes(ch)],
    ['greek', (ch) => between(ch, 0x0386, 0x03ce)],
  ]);
  return profiles;
}
