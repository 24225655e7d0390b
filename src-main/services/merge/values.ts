import type { MergePathSegment, MergeSide } from './types';

/** Marks a value that has no common ancestor (an item or field both sides added). */
export const NO_BASE: unique symbol = Symbol('no base');
export type Base<T> = T | typeof NO_BASE;

type Plain = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural equality of JSON data (key order ignored; an absent key equals `undefined`). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameValue(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!sameValue(a[key], b[key])) return false;
    return true;
  }
  return false;
}

/**
 * The identity of an element of a list of items: its `id`, or for a claim link the claim it
 * points at. Lists whose elements all have one are merged element by element, never by position.
 */
export function elementKey(value: unknown): string | null {
  if (!isPlainObject(value)) return null;
  if (typeof value.id === 'string') return value.id;
  if (typeof value.articleId === 'string' && typeof value.annotationId === 'string') return `${value.articleId}/${value.annotationId}`;
  return null;
}

const isPrimitive = (value: unknown): boolean => value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** How one item's true conflicts are decided, and where they are reported. */
export interface ValueMergeContext {
  /** The side whose value is kept when both changed a field differently. */
  winner: MergeSide;
  /** Object keys whose values are one whole (never merged key by key). */
  atomic: ReadonlySet<string>;
  /** Called once per true conflict, with the path to the value (ending at a key or an element). */
  conflict(path: MergePathSegment[], ours: unknown, theirs: unknown, kept: MergeSide): void;
}

/**
 * Three-way merge of one value. What only one side changed is taken from that side; what both
 * changed alike is kept; objects are merged key by key, lists of plain values as sets (additions
 * on both sides kept, a removal on either side applied), lists of items by identity; anything
 * else changed differently on both sides is a conflict, decided for `ctx.winner`.
 * `undefined` stands for an absent key.
 */
export function mergeValue(base: Base<unknown>, ours: unknown, theirs: unknown, path: MergePathSegment[], ctx: ValueMergeContext): unknown {
  if (sameValue(ours, theirs)) return ours;
  if (base !== NO_BASE) {
    if (sameValue(base, ours)) return theirs;
    if (sameValue(base, theirs)) return ours;
  }
  const last = path[path.length - 1];
  const atomic = typeof last === 'string' && ctx.atomic.has(last);
  if (!atomic && isPlainObject(ours) && isPlainObject(theirs)) {
    return mergeObject(isPlainObject(base) ? base : NO_BASE, ours, theirs, path, ctx);
  }
  if (Array.isArray(ours) && Array.isArray(theirs)) {
    const baseList = Array.isArray(base) ? base : [];
    const all = [...baseList, ...ours, ...theirs];
    if (all.every(isPrimitive)) return mergeSet(baseList, ours, theirs);
    if (all.every((x) => elementKey(x) !== null)) return mergeKeyed(baseList, ours, theirs, path, ctx);
  }
  ctx.conflict(path, ours, theirs, ctx.winner);
  return ctx.winner === 'ours' ? ours : theirs;
}

/** Key by key; a key whose merged value is `undefined` is left out. */
export function mergeObject(base: Base<Plain>, ours: Plain, theirs: Plain, path: MergePathSegment[], ctx: ValueMergeContext): Plain {
  const result: Plain = {};
  for (const key of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
    const value = mergeValue(base === NO_BASE ? NO_BASE : base[key], ours[key], theirs[key], [...path, key], ctx);
    if (value !== undefined) result[key] = value;
  }
  return result;
}

/** Ours in its order without what theirs removed, then what theirs added. */
export function mergeSet<T>(base: readonly T[], ours: readonly T[], theirs: readonly T[]): T[] {
  const inBase = new Set(base);
  const inOurs = new Set(ours);
  const inTheirs = new Set(theirs);
  return [...ours.filter((x) => !inBase.has(x) || inTheirs.has(x)), ...theirs.filter((x) => !inOurs.has(x) && !inBase.has(x))].filter(
    (x, i, list) => list.indexOf(x) === i,
  );
}

/**
 * A list of items merged by identity, each element as one whole: additions on both sides kept,
 * a removal applied unless the other side changed the element (then the changed one is kept).
 */
function mergeKeyed(base: readonly unknown[], ours: readonly unknown[], theirs: readonly unknown[], path: MergePathSegment[], ctx: ValueMergeContext): unknown[] {
  const byKey = (list: readonly unknown[]) => new Map(list.map((x) => [elementKey(x)!, x]));
  const b = byKey(base);
  const o = byKey(ours);
  const t = byKey(theirs);
  const keys = [...new Set([...o.keys(), ...t.keys()])];
  const result: unknown[] = [];
  for (const key of keys) {
    const [bv, ov, tv] = [b.get(key), o.get(key), t.get(key)];
    if (ov !== undefined && tv !== undefined) {
      if (sameValue(ov, tv) || (bv !== undefined && sameValue(bv, tv))) result.push(ov);
      else if (bv !== undefined && sameValue(bv, ov)) result.push(tv);
      else {
        ctx.conflict([...path, { id: key }], ov, tv, ctx.winner);
        result.push(ctx.winner === 'ours' ? ov : tv);
      }
      continue;
    }
    const only = ov ?? tv;
    // Added on one side, or removed on one side but changed on the other: kept.
    if (bv === undefined || !sameValue(bv, only)) result.push(only);
  }
  return result;
}
