/**
 * What an edit of an article's text kept: the sentences the old and new text share, aligned in
 * order (a longest common subsequence), plus sentences moved whole. Re-anchoring uses it three
 * ways: a passage inside kept sentences is carried over without any search; a search for a
 * changed passage looks only where the text changed; and a candidate lying in a kept sentence
 * that came from elsewhere (the same words in another paragraph) is refused, because the words
 * there were already there before, somewhere the passage was not.
 */
export interface EditMap {
  /** The new position of old `[start, end)` when it lies in kept text and still reads `exact`. */
  mapRange(start: number, end: number, exact: string): { start: number; end: number } | null;
  /** Where old offset `offset` is expected in the new text (kept text nearby carries it). */
  expect(offset: number): number;
  /**
   * Where the text around old offset `offset` can be now: its place if kept, else the new text
   * between the kept units on either side of it (moved units aside).
   */
  expectRange(offset: number): { start: number; end: number };
  /** Ranges of the new text that the old text did not have, in order, not overlapping. */
  readonly changed: readonly { start: number; end: number }[];
  /**
   * How many code units of new `[start, end)` lie in kept text that came from outside old
   * `[oldStart, oldEnd)`: words that were already somewhere else before the edit.
   */
  foreignOverlap(start: number, end: number, oldStart: number, oldEnd: number): number;
  /**
   * For old `[start, end)` lying in changed units: those units' old range, and every run of as
   * many changed (not moved) new units in the gap between the kept units around them, or right
   * beside where their old neighbours are now (moved with them) — the text that may have replaced
   * them. Null when any of the old units was kept or moved.
   */
  replacements(start: number, end: number): { old: Range; runs: Range[] } | null;
}

/** A range of code units. */
export interface Range {
  start: number;
  end: number;
}

/** Units shorter than this are merged into the next: "Mr. " alone would match too easily. */
const MIN_UNIT = 20;
/** Largest alignment table (cells) built at once; bigger blocks are split on unique units first. */
const MAX_CELLS = 4_000_000;

/**
 * Starts of the text's units: sentences (split after . ! ? and closing quotes, before white
 * space) and paragraphs, each with its trailing white space, so units tile the text exactly.
 * A short sentence ("Mr. ") joins the next one in its paragraph; a paragraph always ends a unit,
 * so a short paragraph before it cannot change how the next one is cut.
 */
export function unitStarts(text: string): number[] {
  const starts = [0];
  const boundary = /[.!?…]["'”’)\]]*[^\S\n]+|\n+/g;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const at = m.index + m[0].length;
    if (at >= text.length) break;
    if (!m[0].includes('\n') && at - starts[starts.length - 1]! < MIN_UNIT) continue;
    starts.push(at);
  }
  return starts;
}

interface Units {
  starts: number[];
  ids: Int32Array;
  length: number;
}

function unitsOf(text: string, dictionary: Map<string, number>): Units {
  const starts = unitStarts(text);
  const ids = new Int32Array(starts.length);
  for (let i = 0; i < starts.length; i++) {
    // Trailing white space is not part of a unit's identity: the last paragraph has none, and
    // moved elsewhere it gains a paragraph break.
    const piece = text.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : text.length).trimEnd();
    let id = dictionary.get(piece);
    if (id === undefined) {
      id = dictionary.size;
      dictionary.set(piece, id);
    }
    ids[i] = id;
  }
  return { starts, ids, length: text.length };
}

/** Builds the map from `oldText` to `newText`. */
export function buildEditMap(oldText: string, newText: string): EditMap {
  const dictionary = new Map<string, number>();
  const a = unitsOf(oldText, dictionary);
  const b = unitsOf(newText, dictionary);
  const oldToNew = new Int32Array(a.ids.length).fill(-1);
  const newToOld = new Int32Array(b.ids.length).fill(-1);
  align(a.ids, 0, a.ids.length, b.ids, 0, b.ids.length, oldToNew, newToOld);
  pairMoves(a.ids, b.ids, oldToNew, newToOld);

  const unitEnd = (u: Units, i: number) => (i + 1 < u.starts.length ? u.starts[i + 1]! : u.length);
  const unitAt = (u: Units, offset: number) => {
    let lo = 0;
    let hi = u.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (u.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  // New units that copy an old unit kept elsewhere (a pasted duplicate) hold only that unit's words.
  const oldById = new Map<number, number[]>();
  a.ids.forEach((id, i) => oldById.set(id, [...(oldById.get(id) ?? []), i]));

  const changed: { start: number; end: number }[] = [];
  for (let j = 0; j < b.ids.length; j++) {
    if (newToOld[j] !== -1) continue;
    const start = b.starts[j]!;
    const end = unitEnd(b, j);
    const last = changed[changed.length - 1];
    if (last && last.end === start) last.end = end;
    else changed.push({ start, end });
  }

  const expectRange = (offset: number): Range => {
    const i = unitAt(a, Math.max(0, Math.min(offset, oldText.length)));
    if (oldToNew[i] !== -1) {
      const at = b.starts[oldToNew[i]!]! + (offset - a.starts[i]!);
      return { start: at, end: at };
    }
    // The nearest kept units before and after, in order (a moved unit says nothing of the gap).
    let before = i - 1;
    while (before >= 0 && oldToNew[before] === -1) before--;
    let after = i + 1;
    while (after < a.ids.length && (oldToNew[after] === -1 || (before >= 0 && oldToNew[after]! < oldToNew[before]!))) after++;
    if (after >= a.ids.length) after = -1;
    const start = before === -1 ? 0 : unitEnd(b, oldToNew[before]!);
    const end = after === -1 ? newText.length : b.starts[oldToNew[after]!]!;
    return start <= end ? { start, end } : { start: end, end: start };
  };

  return {
    changed,
    mapRange(start, end, exact) {
      if (start < 0 || end > oldText.length || start >= end || oldText.slice(start, end) !== exact) return null;
      const first = unitAt(a, start);
      const last = unitAt(a, end - 1);
      const target = oldToNew[first]!;
      if (target === -1) return null;
      for (let i = first + 1; i <= last; i++) if (oldToNew[i] !== target + (i - first)) return null;
      const newStart = b.starts[target]! + (start - a.starts[first]!);
      // A passage ending in a unit's trailing white space may not read the same there.
      return newText.slice(newStart, newStart + (end - start)) === exact ? { start: newStart, end: newStart + (end - start) } : null;
    },
    expect(offset) {
      let i = unitAt(a, Math.max(0, Math.min(offset, oldText.length)));
      const within = offset - a.starts[i]!;
      if (oldToNew[i] !== -1) return b.starts[oldToNew[i]!]! + within;
      // Carried by the nearest kept unit before it.
      while (i > 0 && oldToNew[i] === -1) i--;
      if (oldToNew[i] === -1) return Math.min(offset, newText.length);
      return Math.min(newText.length, unitEnd(b, oldToNew[i]!) + (offset - unitEnd(a, i)));
    },
    expectRange,
    replacements(start, end) {
      if (start < 0 || end > oldText.length || start >= end) return null;
      const first = unitAt(a, start);
      const last = unitAt(a, end - 1);
      for (let i = first; i <= last; i++) if (oldToNew[i] !== -1) return null;
      const count = last - first + 1;
      const runs: Range[] = [];
      const free = (j: number) => {
        if (j < 0 || j + count > b.ids.length) return false;
        for (let k = j; k < j + count; k++) if (newToOld[k] !== -1) return false;
        return true;
      };
      const add = (j: number) => {
        const run = { start: b.starts[j]!, end: unitEnd(b, j + count - 1) };
        if (!runs.some((r) => r.start === run.start)) runs.push(run);
      };
      const gap = expectRange(start);
      for (let j = unitAt(b, gap.start); j + count <= b.ids.length && b.starts[j]! < gap.end; j++) {
        if (b.starts[j]! >= gap.start && unitEnd(b, j + count - 1) <= gap.end && free(j)) add(j);
      }
      // Right beside where its old neighbours are now: moved together with them.
      if (first > 0 && oldToNew[first - 1] !== -1 && free(oldToNew[first - 1]! + 1)) add(oldToNew[first - 1]! + 1);
      if (last + 1 < a.ids.length && oldToNew[last + 1] !== -1 && free(oldToNew[last + 1]! - count)) add(oldToNew[last + 1]! - count);
      return { old: { start: a.starts[first]!, end: unitEnd(a, last) }, runs };
    },
    foreignOverlap(start, end, oldStart, oldEnd) {
      let foreign = 0;
      for (let j = unitAt(b, start); j < b.ids.length && b.starts[j]! < end; j++) {
        const sources = newToOld[j] !== -1 ? [newToOld[j]!] : (oldById.get(b.ids[j]!) ?? []);
        if (sources.length === 0) continue;
        const from = Math.max(start, b.starts[j]!);
        const to = Math.min(end, unitEnd(b, j));
        let least = to - from;
        for (const i of sources) {
          const shift = a.starts[i]! - b.starts[j]!;
          // The part of the candidate in this unit came from old [from + shift, to + shift).
          const keptFrom = Math.max(from + shift, oldStart);
          const keptTo = Math.min(to + shift, oldEnd);
          least = Math.min(least, to - from - Math.max(0, keptTo - keptFrom));
        }
        foreign += least;
      }
      return foreign;
    },
  };
}

/** Aligns a[aLo, aHi) with b[bLo, bHi): equal ends first, then a table, or unique units as anchors. */
function align(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, oldToNew: Int32Array, newToOld: Int32Array): void {
  // Equal ends need no table. From the end, only units that occur once in the new range are
  // trimmed: a paragraph followed by its own copy would otherwise match the copy, not itself.
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) link(aLo++, bLo++, oldToNew, newToOld);
  if (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) {
    const inB = new Map<number, number>();
    for (let j = bLo; j < bHi; j++) inB.set(b[j]!, (inB.get(b[j]!) ?? 0) + 1);
    while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1] && inB.get(b[bHi - 1]!) === 1) {
      inB.delete(b[bHi - 1]!);
      link(--aHi, --bHi, oldToNew, newToOld);
    }
  }
  const n = aHi - aLo;
  const m = bHi - bLo;
  if (n === 0 || m === 0) return;
  if (n * m <= MAX_CELLS) {
    table(a, aLo, n, b, bLo, m, oldToNew, newToOld);
    return;
  }
  // Too big for a table: anchor on units that occur once on each side, in increasing order
  // (patience diff), and align the gaps between them.
  const anchors = uniqueAnchors(a, aLo, aHi, b, bLo, bHi);
  let pa = aLo;
  let pb = bLo;
  for (const [i, j] of anchors) {
    align(a, pa, i, b, pb, j, oldToNew, newToOld);
    link(i, j, oldToNew, newToOld);
    pa = i + 1;
    pb = j + 1;
  }
  if (anchors.length > 0) align(a, pa, aHi, b, pb, bHi, oldToNew, newToOld);
}

function link(i: number, j: number, oldToNew: Int32Array, newToOld: Int32Array): void {
  oldToNew[i] = j;
  newToOld[j] = i;
}

/** Classic LCS table over suffixes; walking forward takes the earliest match on ties. */
function table(a: Int32Array, aLo: number, n: number, b: Int32Array, bLo: number, m: number, oldToNew: Int32Array, newToOld: Int32Array): void {
  const width = m + 1;
  // Lengths never exceed min(n, m); 16 bits halve the table in the usual case.
  const lcs = Math.min(n, m) < 0xffff ? new Uint16Array((n + 1) * width) : new Int32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = a[aLo + i] === b[bLo + j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[aLo + i] === b[bLo + j]) link(aLo + i++, bLo + j++, oldToNew, newToOld);
    else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) i++;
    else j++;
  }
}

/** Pairs of positions of units unique on both sides, longest increasing run by new position. */
function uniqueAnchors(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number): [number, number][] {
  const count = (ids: Int32Array, lo: number, hi: number) => {
    const seen = new Map<number, number>();
    for (let i = lo; i < hi; i++) seen.set(ids[i]!, seen.has(ids[i]!) ? -1 : i);
    return seen;
  };
  const inA = count(a, aLo, aHi);
  const inB = count(b, bLo, bHi);
  const pairs: [number, number][] = [];
  for (const [id, i] of inA) {
    const j = inB.get(id);
    if (i !== -1 && j !== undefined && j !== -1) pairs.push([i, j]);
  }
  pairs.sort((x, y) => x[0] - y[0]);
  // Longest increasing subsequence of j (patience sorting).
  const tails: number[] = [];
  const back = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < pairs[k]![1]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) back[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const result: [number, number][] = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k !== -1; k = back[k]!) result.push(pairs[k]!);
  return result.reverse();
}

/** A unit deleted in one place and inserted, identical and unique, in another was moved. */
function pairMoves(a: Int32Array, b: Int32Array, oldToNew: Int32Array, newToOld: Int32Array): void {
  const lone = (ids: Int32Array, mapped: Int32Array) => {
    const seen = new Map<number, number>();
    for (let i = 0; i < ids.length; i++) if (mapped[i] === -1) seen.set(ids[i]!, seen.has(ids[i]!) ? -1 : i);
    return seen;
  };
  const deleted = lone(a, oldToNew);
  const inserted = lone(b, newToOld);
  for (const [id, i] of deleted) {
    const j = inserted.get(id);
    if (i !== -1 && j !== undefined && j !== -1) link(i, j, oldToNew, newToOld);
  }
}
