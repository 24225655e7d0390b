import { sameValue } from './values';
import type { MergeSide } from './types';

/** Where a merged item came from: merged from both sides, or kept from one. */
export type ItemOrigin = 'both' | MergeSide;

/**
 * Three-way merge of a list of items by id, never by position: an item added on either side is
 * kept; one removed on one side is removed unless the other side changed it, in which case the
 * changed item is kept and `keptEdited` is told. Ours' order, then theirs' additions in theirs'.
 * The items answered may be the inputs' own objects: copy before changing them.
 */
export function mergeById<T extends { id: string }>(
  base: readonly T[] | null,
  ours: readonly T[],
  theirs: readonly T[],
  mergeOne: (base: T | null, ours: T, theirs: T) => T,
  keptEdited: (item: T, deletedOn: MergeSide) => void,
): { merged: T[]; origin: Map<string, ItemOrigin> } {
  const b = new Map((base ?? []).map((x) => [x.id, x]));
  const o = new Map(ours.map((x) => [x.id, x]));
  const t = new Map(theirs.map((x) => [x.id, x]));
  const merged: T[] = [];
  const origin = new Map<string, ItemOrigin>();
  for (const id of new Set([...o.keys(), ...t.keys()])) {
    const [bv, ov, tv] = [b.get(id), o.get(id), t.get(id)];
    if (ov && tv) {
      merged.push(mergeOne(bv ?? null, ov, tv));
      origin.set(id, 'both');
      continue;
    }
    const side: MergeSide = ov ? 'ours' : 'theirs';
    const only = (ov ?? tv)!;
    if (bv && sameValue(bv, only)) continue; // removed on the other side, unchanged here
    if (bv) keptEdited(only, side === 'ours' ? 'theirs' : 'ours');
    merged.push(only);
    origin.set(id, side);
  }
  return { merged, origin };
}
