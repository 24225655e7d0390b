import { MAX_URL } from '../../src-shared/domain/article';

/**
 * A publication date as YYYY-MM-DD, or '' when the value is not a date.
 *
 * An ISO date-time keeps the calendar date it was written with ("2025-03-14T23:30:00-05:00" is the
 * 14th): that is the date printed on the article in the publisher's time zone, which converting
 * to UTC would change. Other formats ("March 14, 2025") go through Date.
 */
export function normaliseDate(value: string): string {
  const trimmed = value.trim();
  if (!trimmed) return '';
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(trimmed);
  if (iso) return validDate(`${iso[1]}-${iso[2]}-${iso[3]}`);
  const compact = /^(\d{4})(\d{2})(\d{2})(?:$|T)/.exec(trimmed);
  if (compact) return validDate(`${compact[1]}-${compact[2]}-${compact[3]}`);
  // Only try Date on something with a four-digit year: Date.parse('1') is a valid date too.
  if (!/\b\d{4}\b/.test(trimmed)) return '';
  const parsed = new Date(trimmed);
  if (Number.isNaN(parsed.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
}

function validDate(ymd: string): string {
  const time = Date.parse(`${ymd}T00:00:00Z`);
  // Date.parse rolls 2025-02-30 over to March; a round trip catches it.
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(ymd) ? ymd : '';
}

/** The URL if it is absolute http(s) and fits the article schema; any other scheme is dropped. */
export function onlyHttpUrl(value: string, base?: string): string {
  const trimmed = value.trim();
  if (!trimmed) return '';
  try {
    const url = base ? new URL(trimmed, base) : new URL(trimmed);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return '';
    const href = url.href;
    return href.length <= MAX_URL ? href : '';
  } catch {
    return '';
  }
}

/** Whitespace collapsed, trimmed: metadata values often carry the page's indentation. */
export function tidy(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
}

/** "By Lena Marsh" → "Lena Marsh": the word belongs to the page's layout, not to the name. */
export function stripByPrefix(byline: string): string {
  return tidy(byline).replace(/^by[:\s]\s*/i, '');
}
