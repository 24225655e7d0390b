import type { Annotation } from '../domain/annotation';
import { isolate } from './bidi';

/** "2026-12-02 14:02" (UTC) from an ISO timestamp: reports are read by people in many time zones. */
function when(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * The line a report's "Authors" option adds under an item: who marked it and when, and who
 * changed it last when that is someone else or later. Items made before authorship was
 * recorded say so rather than naming anyone.
 */
export function markedByLine(annotation: Pick<Annotation, 'createdBy' | 'createdAt' | 'updatedBy' | 'updatedAt'>): string {
  const creator = annotation.createdBy && isolate(annotation.createdBy.name);
  let line = creator ? `Marked by ${creator}, ${when(annotation.createdAt)}` : `Marked ${when(annotation.createdAt)} (author not recorded)`;
  const editor = annotation.updatedBy && isolate(annotation.updatedBy.name);
  if (annotation.updatedAt !== annotation.createdAt) line += editor ? `; last changed by ${editor}, ${when(annotation.updatedAt)}` : `; last changed ${when(annotation.updatedAt)}`;
  return line;
}
