/**
 * Whether a JSON-LD headline is the article's headline. Most pages put the article's headline
 * there, without the site name that <title> and og:title carry, so it is normally the best title.
 * Some do not: Wikipedia's `headline` is the article's one-line description ("river in Veldria")
 * and its `name` the article's title; other sites write their own name into it on every page.
 *
 * The rule: the headline is kept unless the page shows it is not the article's. It is rejected
 * when it is the site's name, or when the page declares a title of its own (og:title or <title>)
 * and neither that nor the first <h1> agrees with it. A page with no declared title keeps it:
 * an <h1> alone is too often a logo or a section name to overrule the metadata.
 */
export interface TitleWitnesses {
  /** og:title and <title>: titles the page declares for itself. */
  declared: string[];
  /** The first <h1> of the article (or of the page). */
  heading: string;
  /** Names of the site (publisher, og:site_name): a headline equal to one is generic. */
  siteNames: string[];
}

/** The JSON-LD value to use as the title ('' when none fits): the headline, else the name. */
export function jsonLdTitle(headline: string, name: string, witnesses: TitleWitnesses): string {
  for (const candidate of [headline, name]) {
    if (candidate && isArticleTitle(candidate, witnesses)) return candidate;
  }
  return '';
}

function isArticleTitle(candidate: string, { declared, heading, siteNames }: TitleWitnesses): boolean {
  const words = normalise(candidate);
  if (!words) return false;
  if (siteNames.some((site) => normalise(site) === words)) return false;
  const declaredTitles = declared.filter((title) => normalise(title).length > 0);
  if (declaredTitles.length === 0) return true;
  return [...declaredTitles, heading].some((title) => agree(words, normalise(title)));
}

/** Lower case, letters and digits only, single spaces: "Kessar River – Wikipedia" → "kessar river wikipedia". */
function normalise(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Two titles agree when one contains the other (a <title> with the site name appended, an <h1>
 * with a kicker) or when most words of the shorter one are in the longer (a word changed between
 * the versions). Containment also covers scripts written without spaces.
 */
function agree(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (` ${b} `.includes(` ${a} `) || ` ${a} `.includes(` ${b} `)) return true;
  const wordsA = new Set(a.split(' '));
  const wordsB = new Set(b.split(' '));
  const shared = [...wordsA].filter((word) => wordsB.has(word)).length;
  return shared >= 0.6 * Math.min(wordsA.size, wordsB.size);
}
