import type { ZodType } from 'zod';
import { mergeValue, NO_BASE, sameValue, type Base, type ValueMergeContext } from './values';
import type { MergeConflict, MergeItemRef, MergePathSegment, MergeSide } from './types';

/** How the fields of one kind of item are merged besides the generic rules. */
export interface ItemSpec {
  /** Fields decided together, as one value (an annotation's `target` and `anchor`). */
  groups?: readonly (readonly string[])[];
  /** Fields the caller decides itself (an article's `text`): ours' value, to be replaced. */
  skip?: readonly string[];
  /** Fields holding an object that is one whole value, never merged key by key. */
  atomic?: readonly string[];
  /** The item's schema: a merged item that fails it is replaced by the winning side's whole. */
  schema?: ZodType;
}

/** Where an item lives, for its conflicts. */
export interface ItemPlace {
  file: string;
  item: MergeItemRef;
}

/**
 * Fields that say when (and, once authorship is recorded, by whom) an item was last changed:
 * `updatedAt` and every `updated…` field. They travel together, from the side that changed the
 * item last, and are never a conflict.
 */
const isStampField = (key: string): boolean => key === 'updatedAt' || /^updated[A-Z_]/.test(key);

const time = (item: object): number => {
  const value = (item as { updatedAt?: unknown }).updatedAt;
  return typeof value === 'string' ? Date.parse(value) : Number.NaN;
};

/**
 * The side whose value a true conflict keeps: the one that changed the item later (its
 * `updatedAt`); on equal times, or for items without one, ours (the local side).
 */
export function winnerOf(ours: object, theirs: object): { winner: MergeSide; rule: string } {
  const [o, t] = [time(ours), time(theirs)];
  if (Number.isFinite(o) && Number.isFinite(t) && o !== t) {
    return { winner: t > o ? 'theirs' : 'ours', rule: 'the later change is kept for now' };
  }
  return Number.isFinite(o) && Number.isFinite(t)
    ? { winner: 'ours', rule: 'both sides changed the item at the same time: the local value was kept' }
    : { winner: 'ours', rule: 'the item records no change time: the local value was kept' };
}

const pick = (value: object, keys: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(keys.map((k) => [k, (value as Record<string, unknown>)[k]]));

/**
 * Three-way merge of one item present on both sides (`base` null when both added it). Generic
 * over fields: a field added to the schema later merges by the same rules without code here.
 * Conflicts are appended to `conflicts`.
 */
export function mergeItem<T extends object>(base: T | null, ours: T, theirs: T, spec: ItemSpec, place: ItemPlace, conflicts: MergeConflict[]): T {
  // Merged items share unchanged parts with the inputs: callers copy what they change.
  if (sameValue(ours, theirs)) return ours;
  const { winner, rule } = winnerOf(ours, theirs);
  const found: MergeConflict[] = [];
  const record = (path: MergePathSegment[], fields: string[], o: unknown, t: unknown, kept: MergeSide) => {
    const where = [...path.map((s) => (typeof s === 'string' ? s : s.id)), fields.join('+')].filter(Boolean).join('.');
    found.push({ id: `${place.file}#${place.item.kind}:${place.item.id}:${where}`, file: place.file, item: place.item, path, fields, ours: o, theirs: t, kept, rule });
  };
  const ctx: ValueMergeContext = {
    winner,
    atomic: new Set(spec.atomic ?? []),
    conflict: (path, o, t, kept) => {
      const last = path[path.length - 1];
      if (typeof last === 'string') record(path.slice(0, -1), [last], o, t, kept);
      else record(path, [], o, t, kept);
    },
  };
  const o = ours as Record<string, unknown>;
  const t = theirs as Record<string, unknown>;
  const b: Base<Record<string, unknown>> = base === null ? NO_BASE : (base as Record<string, unknown>);
  const grouped = new Set((spec.groups ?? []).flat());
  const skipped = new Set(spec.skip ?? []);
  const result: Record<string, unknown> = {};
  const keys = [...new Set([...Object.keys(o), ...Object.keys(t)])];

  // When the item was last changed: from the side that changed it (the later one if both did).
  const stamps = keys.filter(isStampField);
  const [bs, os, ts] = [b === NO_BASE ? NO_BASE : pick(b, stamps), pick(o, stamps), pick(t, stamps)];
  const oursChanged = b === NO_BASE || !sameValue(withoutStamps(b, stamps), withoutStamps(o, stamps));
  const theirsChanged = b === NO_BASE || !sameValue(withoutStamps(b, stamps), withoutStamps(t, stamps));
  const stampSide = oursChanged && theirsChanged ? winner : theirsChanged ? 'theirs' : oursChanged ? 'ours' : bs !== NO_BASE && sameValue(bs, os) ? 'theirs' : 'ours';
  Object.assign(result, stampSide === 'ours' ? os : ts);

  for (const group of spec.groups ?? []) {
    const [gb, go, gt] = [b === NO_BASE ? NO_BASE : pick(b, group), pick(o, group), pick(t, group)];
    let value: Record<string, unknown>;
    if (sameValue(go, gt) || (gb !== NO_BASE && sameValue(gb, gt))) value = go;
    else if (gb !== NO_BASE && sameValue(gb, go)) value = gt;
    else {
      record([], [...group], go, gt, winner);
      value = winner === 'ours' ? go : gt;
    }
    Object.assign(result, value);
  }
  for (const key of keys) {
    if (skipped.has(key)) result[key] = o[key];
    if (isStampField(key) || grouped.has(key) || skipped.has(key)) continue;
    result[key] = mergeValue(b === NO_BASE ? NO_BASE : b[key], o[key], t[key], [key], ctx);
  }
  for (const key of Object.keys(result)) if (result[key] === undefined) delete result[key];

  if (spec.schema && !spec.schema.safeParse(result).success) {
    // Merged field by field, the item breaks a limit (too many tags, say): the whole item of the
    // winning side is kept instead, and the other side's whole item is held as the conflict.
    record([], [], ours, theirs, winner);
    conflicts.push(found[found.length - 1]!);
    return winner === 'ours' ? ours : theirs;
  }
  conflicts.push(...found);
  return result as T;
}

function withoutStamps(value: Record<string, unknown>, stamps: readonly string[]): Record<string, unknown> {
  const copy = { ...value };
  for (const key of stamps) delete copy[key];
  return copy;
}

