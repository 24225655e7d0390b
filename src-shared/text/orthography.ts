/**
 * Letters that tell apart languages sharing the Cyrillic or the Arabic script, for the languages
 * franc-min knows in them (ISO 639-3). franc's trigrams confuse close neighbours on a headline
 * (Russian called Bulgarian, Arabic called Persian); a letter a language never writes is certain
 * evidence against it, and a language with letters of its own almost always shows one of them
 * in a few words (Kazakh ә қ ү, Urdu ے ں, Persian ی ک گ).
 *
 * - `foreign`: letters of the script the language does not write; one in the text rules it out.
 * - `own`: letters only it (among franc's languages of that script) writes; it is named only if
 *   the text holds one. Not given where a short text may lack them (Ukrainian without і ї є ґ).
 */
interface Orthography {
  foreign?: RegExp;
  own?: RegExp;
}

/** Cyrillic letters of the other Cyrillic alphabets franc-min knows. */
const NON_EAST_SLAVIC = 'јђљњћџәғқңөұүһӧҳҹҝ';
const ORTHOGRAPHY: Readonly<Record<string, Orthography>> = {
  rus: { foreign: new RegExp(`[іїєґў${NON_EAST_SLAVIC}]`, 'iu') },
  ukr: { foreign: new RegExp(`[ёыэъў${NON_EAST_SLAVIC}]`, 'iu') },
  bel: { foreign: new RegExp(`[ищъїєґ${NON_EAST_SLAVIC}]`, 'iu') },
  bul: { foreign: new RegExp(`[ёыэіїєґў${NON_EAST_SLAVIC}]`, 'iu') },
  srp: { foreign: /[ёыэъьщйяюіїєґўәғқңөұүһӧҳҹҝ]/iu },
  bos: { foreign: /[ёыэъьщйяюіїєґўәғқңөұүһӧҳҹҝ]/iu },
  kaz: { own: /[әғқңөұүһі]/iu },
  koi: { own: /[ӧі]/iu },
  uzn: { own: /[ўқғҳ]/iu },
  azj: { own: /[әғҹјҝөүһ]/iu },
  // Arabic writes none of the letters Persian, Urdu, Pashto and others added to its alphabet.
  arb: { foreign: /[پچژگکیٹڈڑںےھۀۓټډړږښګڼېۍځڅٻڄݙڳڠڤڽݢ]/u },
  pes: { own: /[پچژگکی]/u },
  urd: { own: /[ٹڈڑںےھۓ]/u },
  pbu: { own: /[ټډړږښګڼېۍځڅ]/u },
  skr: { own: /[ٻڄݙڳڱ]/u },
  zlm: { own: /[ڠڤڽݢۏ]/u },
};

/** Whether `text` could be written in the language `iso6393` as far as its letters show. */
export function lettersAllow(iso6393: string, text: string): boolean {
  const rule = ORTHOGRAPHY[iso6393];
  if (!rule) return true;
  if (rule.foreign?.test(text)) return false;
  return !rule.own || rule.own.test(text);
}
