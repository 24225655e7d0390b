import { Fragment } from 'react';

/** One piece of a metadata line: text of any direction, or a date (YYYY-MM-DD). */
export type MetaPart = { text: string; lang?: string | undefined } | { date: string };

/**
 * "Source · 2024-05-14": each piece isolated in <bdi> and each date a <time dir="ltr">, so an
 * Arabic or Hebrew source next to a date does not pull it into its run. Without the isolation
 * the date's digits and hyphens take the Arabic's direction and show as 14-05-2024.
 */
export function MetaLine({ parts, separator = ' · ' }: { parts: readonly MetaPart[]; separator?: string }) {
  const shown = parts.filter((p) => ('date' in p ? p.date : p.text));
  return (
    <>
      {shown.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && separator}
          {'date' in part ? <IsoDate date={part.date} /> : <bdi lang={part.lang || undefined}>{part.text}</bdi>}
        </Fragment>
      ))}
    </>
  );
}

/** A calendar date as stored (ISO), always left to right whatever surrounds it. */
export function IsoDate({ date }: { date: string }) {
  return (
    <time dateTime={date} dir="ltr">
      {date}
    </time>
  );
}
