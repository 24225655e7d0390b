/**
 * The BCP 47 tag for each ISO 639-3 code franc-min can answer. BCP 47 takes a language's
 * two-letter ISO 639-1 code where it has one (eng → en) and a macrolanguage's code for its main
 * member (arb Standard Arabic → ar, pes Iranian Persian → fa, cmn Mandarin → zh, zlm Malay → ms);
 * a language without either keeps its three letters (ceb, hms), which is a valid tag too.
 */
const BCP47: Readonly<Record<string, string>> = {
  amh: 'am', arb: 'ar', azj: 'az', bel: 'be', ben: 'bn', bos: 'bs', bul: 'bg', ces: 'cs', cmn: 'zh', deu: 'de',
  ell: 'el', eng: 'en', fra: 'fr', guj: 'gu', hau: 'ha', hin: 'hi', hrv: 'hr', hun: 'hu', ibo: 'ig', ind: 'id',
  ita: 'it', jav: 'jv', jpn: 'ja', kan: 'kn', kaz: 'kk', kin: 'rw', kor: 'ko', lin: 'ln', mal: 'ml', mar: 'mr',
  mya: 'my', nld: 'nl', npi: 'ne', nya: 'ny', pan: 'pa', pbu: 'ps', pes: 'fa', plt: 'mg', pol: 'pl', por: 'pt',
  qug: 'qu', ron: 'ro', run: 'rn', rus: 'ru', sin: 'si', som: 'so', spa: 'es', srp: 'sr', sun: 'su', swe: 'sv',
  swh: 'sw', tam: 'ta', tel: 'te', tgl: 'tl', tha: 'th', tur: 'tr', ukr: 'uk', urd: 'ur', uzn: 'uz', vie: 'vi',
  yor: 'yo', zlm: 'ms', zul: 'zu', zyb: 'za',
};

/** "eng" → "en", "ceb" → "ceb"; franc's "und" (cannot tell) and anything not a code → ''. */
export function bcp47FromIso6393(code: string): string {
  if (!/^[a-z]{3}$/.test(code) || code === 'und') return '';
  return BCP47[code] ?? code;
}
