import { isDeepStrictEqual } from 'node:util';

interface Counts {
  annotations: number;
  actors: number;
  tags: number;
  articles: number;
  notes: number;
}

interface Identified {
  id: string;
}

function asArray(value: unknown, key: string): Identified[] {
  if (!value || typeof value !== 'object') return [];
  const list = (value as Record<string, unknown>)[key];
  return Array.isArray(list) ? (list as Identified[]) : [];
}

/** How many items with an id were added, changed or removed between two lists. */
function countChangedItems(before: Identified[], after: Identified[]): number {
  const old = new Map(before.map((item) => [item.id, item]));
  let n = 0;
  for (const item of after) {
    const was = old.get(item.id);
    if (!was || !isDeepStrictEqual(was, item)) n += 1;
    old.delete(item.id);
  }
  return n + old.size;
}

/**
 * What changed between two versions of the shared files, counted by item: annotations, actors,
 * tags, articles (their text or metadata), project notes. `null` is an absent file.
 */
export function countChanges(pairs: Iterable<{ path: string; before: unknown; after: unknown }>): Counts {
  const counts: Counts = { annotations: 0, actors: 0, tags: 0, articles: 0, notes: 0 };
  for (const { path, before, after } of pairs) {
    if (path === 'project.json') {
      counts.actors += countChangedItems(asArray(before, 'actors'), asArray(after, 'actors'));
      counts.tags += countChangedItems(asArray(before, 'tags'), asArray(after, 'tags'));
      const notes = (file: unknown) => (file && typeof file === 'object' ? (file as { notes?: unknown }).notes : undefined);
      if (before !== null && notes(before) !== notes(after)) counts.notes += 1;
    } else if (path.startsWith('articles/')) {
      counts.annotations += countChangedItems(asArray(before, 'annotations'), asArray(after, 'annotations'));
      const article = (file: unknown) => (file && typeof file === 'object' ? (file as { article?: unknown }).article : undefined);
      if (!isDeepStrictEqual(article(before), article(after))) counts.articles += 1;
    }
  }
  return counts;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** "3 annotations, 1 actor" (empty string when nothing countable changed). */
export function describeCounts(counts: Counts): string {
  const parts: string[] = [];
  if (counts.annotations) parts.push(plural(counts.annotations, 'annotation', 'annotations'));
  if (counts.actors) parts.push(plural(counts.actors, 'actor', 'actors'));
  if (counts.tags) parts.push(plural(counts.tags, 'tag', 'tags'));
  if (counts.articles) parts.push(plural(counts.articles, 'article', 'articles'));
  if (counts.notes) parts.push('project notes');
  return parts.join(', ');
}
