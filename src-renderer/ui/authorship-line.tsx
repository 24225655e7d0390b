import type { Author } from '../../src-shared/domain/author';

/** "2 Dec 2026, 14:02" in the analyst's own time zone. */
const DATE_TIME = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE_TIME.format(date);
}

interface Authored {
  createdAt?: string;
  updatedAt?: string;
  createdBy?: Author | null;
  updatedBy?: Author | null;
}

/**
 * "Created by Lena, 2 Dec 2026, 14:02 · changed by Omar, 3 Dec 2026, 09:10". Items made before
 * authorship was recorded show their times without a name; the change is shown only when there
 * was one after the creation.
 */
export function authorshipText(item: Authored): string {
  const parts: string[] = [];
  if (item.createdAt) parts.push(`Created${item.createdBy ? ` by ${item.createdBy.name}` : ''}, ${formatWhen(item.createdAt)}`);
  if (item.updatedAt && item.updatedAt !== item.createdAt) parts.push(`changed${item.updatedBy ? ` by ${item.updatedBy.name}` : ''}, ${formatWhen(item.updatedAt)}`);
  return parts.join(' · ');
}

/** Who made an item and who changed it last, as one muted line. */
export function AuthorshipLine({ item, label }: { item: Authored; label: string }) {
  const text = authorshipText(item);
  if (!text) return null;
  const email = item.createdBy?.email;
  return (
    <p className="authorship muted" aria-label={label} title={email ? `${item.createdBy!.name} <${email}>` : undefined}>
      {text}
    </p>
  );
}
