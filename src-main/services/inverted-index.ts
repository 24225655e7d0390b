import SearchableMap from 'minisearch/SearchableMap';
import { foldForSearch } from '../../src-shared/text/fold';
import { words } from '../../src-shared/text/words';

/** The fields of an article that are searched, in this order everywhere (boosts, lengths, files). */
export const FIELDS = ['title', 'text', 'notes'] as const;
export type FieldTexts = Readonly<Record<(typeof FIELDS)[number], string>>;
const FIELD_COUNT = FIELDS.length;
/** A word in the title counts three times one in the text; notes are the analyst's own words. */
const BOOST = [3, 1, 1.5];
// BM25+ (Lv and Zhai 2011): k1 and b as MiniSearch uses them, d the lower bound per match.
const K1 = 1.2;
const B = 0.7;
const D = 0.5;
/** A query word also finds longer words it begins, and words one or two letters off (typos), for less. */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** Edits allowed per letter of a query word (0.2: one in "sumit", two in "parliment"), at most MAX_EDITS. */
const FUZZY = 0.2;
const MAX_EDITS = 2;
/** Counts are kept in a byte: past 255 a word's weight in BM25 has long stopped growing. */
const MAX_TF = 255;
/** The terms reported per query word, for snippets (a one-letter prefix can expand to thousands). */
const MAX_REPORTED_TERMS = 40;
/** Query words past this are ignored (a pasted paragraph is not a query). */
const MAX_QUERY_WORDS = 32;

/**
 * One term's postings in one field: ascending document numbers, each with the term's count there.
 * The sealed part is a view on the arrays last loaded or written (never written to: a write may be
 * reading them); postings added since go to a small growable tail, so the first save after opening
 * a large library does not copy lists of 100,000 postings.
 */
export class PostingList {
  tailDocs: Uint32Array | null = null;
  tailTfs: Uint8Array | null = null;
  tailLength = 0;

  constructor(
    public baseDocs: Uint32Array<ArrayBufferLike> = EMPTY_DOCS,
    public baseTfs: Uint8Array<ArrayBufferLike> = EMPTY_TFS,
  ) {}

  get length(): number {
    return this.baseDocs.length + this.tailLength;
  }

  push(doc: number, tf: number): void {
    if (!this.tailDocs || this.tailLength === this.tailDocs.length) {
      const docs = new Uint32Array(Math.max(4, this.tailLength * 2));
      const tfs = new Uint8Array(docs.length);
      if (this.tailDocs) {
        docs.set(this.tailDocs.subarray(0, this.tailLength));
        tfs.set(this.tailTfs!.subarray(0, this.tailLength));
      }
      this.tailDocs = docs;
      this.tailTfs = tfs;
    }
    this.tailDocs[this.tailLength] = doc;
    this.tailTfs![this.tailLength] = Math.min(tf, MAX_TF);
    this.tailLength++;
  }

  /** The postings as two segments, sealed then added, for loops that must not call a function per posting. */
  segments(): [docs: Uint32Array<ArrayBufferLike>, tfs: Uint8Array<ArrayBufferLike>, length: number][] {
    const base: [Uint32Array<ArrayBufferLike>, Uint8Array<ArrayBufferLike>, number] = [this.baseDocs, this.baseTfs, this.baseDocs.length];
    return this.tailLength > 0 ? [base, [this.tailDocs!, this.tailTfs!, this.tailLength]] : [base];
  }
}

const EMPTY_DOCS = new Uint32Array(0);
const EMPTY_TFS = new Uint8Array(0);

/** A term's posting lists, one per field (undefined where the term never occurs). */
export type TermEntry = (PostingList | undefined)[];

/** The index as plain arrays, as it is written to and read from disk (compacted: no dead documents). */
export interface IndexSnapshot {
  /** Article id of each document number. */
  ids: string[];
  /** Per document, the number of words in each field (FIELD_COUNT per document). */
  fieldLengths: Uint32Array;
  /** Every term, once, in ascending order of UTF-16 code units (JavaScript's `<`). */
  terms: string[];
  /** Per term, the number of postings in each field (FIELD_COUNT per term). */
  counts: Uint32Array;
  /** Every posting list's documents, in term then field order, and their counts in the same order. */
  docs: Uint32Array;
  tfs: Uint8Array;
}

export interface SearchHit {
  id: string;
  score: number;
  /** The folded index terms the query matched (exact, begun, or a typo away): for snippets. */
  terms: string[];
}

/**
 * The sealed dictionary: every term as last loaded or written, sorted, with its posting lists as
 * ranges of two shared arrays. Nothing is built per term when it is loaded: a term is found by
 * binary search, the terms a word begins are a range of the array, and the sorted array is walked
 * as a trie for typos (terms in a range share their first letters). Never written to.
 */
interface Sealed {
  terms: string[];
  /** Where each (term, field) list starts in `docs`/`tfs`, and one past the last list's end. */
  starts: Uint32Array;
  docs: Uint32Array<ArrayBufferLike>;
  tfs: Uint8Array<ArrayBufferLike>;
}

const EMPTY_SEALED: Sealed = { terms: [], starts: new Uint32Array(1), docs: EMPTY_DOCS, tfs: EMPTY_TFS };

/** The first position in `terms` (sorted) whose term is not below `word`. */
function lowerBound(terms: readonly string[], word: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Every term of `terms` (sorted, unique) within `maxEdits` insertions, deletions or substitutions
 * of `word` (Levenshtein, by UTF-16 code unit), with the distance. The sorted array is walked as
 * a trie: the terms in [lo, hi) share their first `depth` code units, and a child is the run of
 * them with the same next one (found by binary search). One row of the distance table per level,
 * pruned as soon as no cell is within reach.
 */
export function fuzzyInSorted(terms: readonly string[], word: string, maxEdits: number, found: (term: number, distance: number) => void): void {
  const m = word.length;
  const query = Array.from({ length: m }, (_, j) => word.charCodeAt(j));
  const rows: Int32Array[] = [Int32Array.from({ length: m + 1 }, (_, j) => j)];
  const visit = (lo: number, hi: number, depth: number): void => {
    const row = rows[depth]!;
    let i = lo;
    // Sorted and unique: the one term that is exactly the shared prefix comes first.
    if (terms[i]!.length === depth) {
      if (row[m]! <= maxEdits) found(i, row[m]!);
      i++;
    }
    const next = (rows[depth + 1] ??= new Int32Array(m + 1));
    while (i < hi) {
      const c = terms[i]!.charCodeAt(depth);
      let a = i + 1;
      let b = hi;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (terms[mid]!.charCodeAt(depth) <= c) a = mid + 1;
        else b = mid;
      }
      next[0] = depth + 1;
      let least = next[0]!;
      for (let j = 1; j <= m; j++) {
        const cell = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (query[j - 1] === c ? 0 : 1));
        next[j] = cell;
        if (cell < least) least = cell;
      }
      if (least <= maxEdits) visit(i, a, depth + 1);
      i = a;
    }
  };
  if (terms.length > 0) visit(0, terms.length, 0);
}

/**
 * A full-text index built for a year of news on a laptop: postings are typed arrays (5 bytes each)
 * rather than a map entry per word and document, so 100,000 articles fit in a few hundred MB, load
 * from disk as views on one buffer with nothing built per term, and a query scores 100,000
 * matching articles in milliseconds. Words and folding are the app's own (src-shared/text), for
 * the index and the query alike.
 *
 * Terms live in two places: the sealed dictionary (sorted arrays, as loaded or last written) and,
 * for terms first seen since, MiniSearch's radix tree, for prefix and typo-tolerant lookups.
 * Every change gives the article a new document number and marks the old one dead, so posting
 * lists stay sorted and are only ever appended to; `compact()` drops the dead ones and seals.
 */
export class InvertedIndex {
  private ids: (string | null)[] = [];
  private readonly docOf = new Map<string, number>();
  private fieldLengths: Uint32Array<ArrayBufferLike> = new Uint32Array(64 * FIELD_COUNT);
  private alive = new Uint8Array(64);
  private readonly totalLength = new Float64Array(FIELD_COUNT);
  private sealed: Sealed = EMPTY_SEALED;
  /** Sealed terms given postings since they were sealed (their lists then have tails), by position. */
  private touched = new Map<number, TermEntry>();
  /** Terms first seen since the last seal, and the same in a radix tree for prefix and typo lookups. */
  private fresh = new Map<string, TermEntry>();
  private tree = new SearchableMap<TermEntry>();
  private deadCount = 0;
  private scratch: { score: Float64Array; matched: Uint8Array; current: Float64Array; touched: Int32Array; first: Int32Array } | null = null;

  get size(): number {
    return this.docOf.size;
  }

  /** Documents marked dead since the last compaction. */
  get dead(): number {
    return this.deadCount;
  }

  has(id: string): boolean {
    return this.docOf.has(id);
  }

  articleIds(): IterableIterator<string> {
    return this.docOf.keys();
  }

  /** The position of a sealed term, or -1. */
  private sealedAt(term: string): number {
    const terms = this.sealed.terms;
    const t = lowerBound(terms, term);
    return t < terms.length && terms[t] === term ? t : -1;
  }

  /** A sealed term's lists as views on the sealed arrays (made when asked for: nothing is kept per term). */
  private sealedEntry(t: number): TermEntry {
    const { starts, docs, tfs } = this.sealed;
    const entry: TermEntry = new Array<PostingList | undefined>(FIELD_COUNT);
    for (let f = 0; f < FIELD_COUNT; f++) {
      const from = starts[t * FIELD_COUNT + f]!;
      const to = starts[t * FIELD_COUNT + f + 1]!;
      if (to > from) entry[f] = new PostingList(docs.subarray(from, to), tfs.subarray(from, to));
    }
    return entry;
  }

  private entryOf(term: string): TermEntry | undefined {
    const fresh = this.fresh.get(term);
    if (fresh) return fresh;
    const t = this.sealedAt(term);
    return t < 0 ? undefined : (this.touched.get(t) ?? this.sealedEntry(t));
  }

  /** The entry that takes new postings for `term`, made (and remembered) if need be. */
  private entryToAdd(term: string): TermEntry {
    const fresh = this.fresh.get(term);
    if (fresh) return fresh;
    const t = this.sealedAt(term);
    if (t >= 0) {
      let entry = this.touched.get(t);
      if (!entry) {
        entry = this.sealedEntry(t);
        this.touched.set(t, entry);
      }
      return entry;
    }
    const entry: TermEntry = new Array<PostingList | undefined>(FIELD_COUNT);
    this.fresh.set(term, entry);
    this.tree.set(term, entry);
    return entry;
  }

  /** Indexes (or re-indexes) an article. */
  add(id: string, fields: FieldTexts): void {
    this.remove(id);
    const doc = this.ids.length;
    this.ids.push(id);
    this.ensureCapacity(doc + 1);
    FIELDS.forEach((name, f) => {
      const counts = new Map<string, number>();
      let length = 0;
      for (const word of words(fields[name])) {
        const term = foldForSearch(word);
        if (!term) continue;
        length++;
        counts.set(term, (counts.get(term) ?? 0) + 1);
      }
      this.fieldLengths[doc * FIELD_COUNT + f] = length;
      this.totalLength[f]! += length;
      for (const [term, tf] of counts) (this.entryToAdd(term)[f] ??= new PostingList()).push(doc, tf);
    });
    this.alive[doc] = 1;
    this.docOf.set(id, doc);
  }

  remove(id: string): void {
    const doc = this.docOf.get(id);
    if (doc === undefined) return;
    this.docOf.delete(id);
    this.alive[doc] = 0;
    this.ids[doc] = null;
    for (let f = 0; f < FIELD_COUNT; f++) this.totalLength[f]! -= this.fieldLengths[doc * FIELD_COUNT + f]!;
    this.deadCount++;
  }

  /**
   * Articles holding every word of `query` (each word also as the start of a longer word, or a
   * typo away), best first: the `limit` best that `accept` lets through, and how many it lets
   * through in all.
   */
  search(query: string, limit: number, accept?: (id: string) => boolean): { total: number; hits: SearchHit[] } {
    const wanted = [...new Set(words(query).map(foldForSearch).filter(Boolean))].slice(0, MAX_QUERY_WORDS);
    const docCount = this.docOf.size;
    if (wanted.length === 0 || docCount === 0) return { total: 0, hits: [] };
    const n = this.ids.length;
    const average = Array.from(this.totalLength, (total) => Math.max(total / docCount, 1));
    const { score, matched, current, touched, first } = this.scratchFor(n);
    const alive = this.alive;
    const lengths = this.fieldLengths;
    const reported: string[] = [];
    let count = 0;
    let firstCount = 0;
    for (let i = 0; i < wanted.length; i++) {
      const expansions = this.expand(wanted[i]!);
      for (const term of [...expansions.keys()].slice(0, MAX_REPORTED_TERMS)) reported.push(term);
      // The documents this word matched, written where the previous word's were.
      const found = i === 0 ? first : touched;
      count = 0;
      for (const [term, weight] of expansions) {
        const entry = this.entryOf(term)!;
        for (let f = 0; f < FIELD_COUNT; f++) {
          const list = entry[f];
          if (!list || list.length === 0) continue;
          // Dead postings still count here until the next compaction: a small, temporary skew.
          const df = Math.min(list.length, docCount);
          const idf = Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
          const factor = weight * BOOST[f]! * idf;
          const norm = K1 * (1 - B);
          const perLength = (K1 * B) / average[f]!;
          for (const [docs, tfs, length] of list.segments()) {
            for (let j = 0; j < length; j++) {
              const doc = docs[j]!;
              // Only documents that matched every earlier query word (and are alive) can still qualify.
              if (matched[doc] !== i || alive[doc] === 0) continue;
              const tf = tfs[j]!;
              const s = factor * (D + (tf * (K1 + 1)) / (tf + norm + perLength * lengths[doc * FIELD_COUNT + f]!));
              if (current[doc] === 0) found[count++] = doc;
              current[doc]! += s;
            }
          }
        }
      }
      for (let k = 0; k < count; k++) {
        const doc = found[k]!;
        score[doc]! += current[doc]!;
        current[doc] = 0;
        matched[doc] = i + 1;
      }
      if (i === 0) firstCount = count;
      if (count === 0) break;
    }
    const best = new TopK(limit);
    let total = 0;
    const candidates = wanted.length === 1 ? first : touched;
    if (count > 0) {
      for (let k = 0; k < count; k++) {
        const doc = candidates[k]!;
        if (accept && !accept(this.ids[doc]!)) continue;
        total++;
        best.offer(doc, score[doc]!);
      }
    }
    const hits = best.sorted().map((doc) => ({ id: this.ids[doc]!, score: score[doc]!, terms: reported }));
    // Every document any later word touched was touched by the first: clearing those clears all.
    for (let k = 0; k < firstCount; k++) {
      score[first[k]!] = 0;
      matched[first[k]!] = 0;
    }
    return { total, hits };
  }

  /**
   * Working arrays for a query, one per document number, kept between queries: allocating them
   * anew (megabytes at 100,000 articles) for every keystroke made the garbage collector pause.
   * They are all zero between queries.
   */
  private scratchFor(n: number) {
    if (!this.scratch || this.scratch.score.length < n) {
      const size = Math.ceil(Math.max(n, 1024) * 1.25);
      this.scratch = { score: new Float64Array(size), matched: new Uint8Array(size), current: new Float64Array(size), touched: new Int32Array(size), first: new Int32Array(size) };
    }
    return this.scratch;
  }

  /** The index terms a query word stands for, with their weight: itself, longer words it begins, near misses. */
  private expand(word: string): Map<string, number> {
    const found = new Map<string, number>();
    const terms = this.sealed.terms;
    const begun = (term: string) => (PREFIX_WEIGHT * word.length) / (word.length + 0.3 * (term.length - word.length));
    for (let t = lowerBound(terms, word); t < terms.length && terms[t]!.startsWith(word); t++) {
      const term = terms[t]!;
      found.set(term, term === word ? 1 : begun(term));
    }
    if (this.fresh.has(word)) found.set(word, 1);
    for (const [term] of this.tree.atPrefix(word)) if (term !== word) found.set(term, begun(term));
    const edits = Math.min(MAX_EDITS, Math.round(word.length * FUZZY));
    if (edits > 0) {
      const near = (term: string, distance: number) => {
        if (distance === 0) return;
        const weight = (FUZZY_WEIGHT * word.length) / (word.length + distance);
        if ((found.get(term) ?? 0) < weight) found.set(term, weight);
      };
      fuzzyInSorted(terms, word, edits, (t, distance) => near(terms[t]!, distance));
      for (const [term, [, distance]] of this.tree.fuzzyGet(word, edits)) near(term, distance);
    }
    return found;
  }

  private ensureCapacity(docs: number): void {
    if (docs <= this.alive.length) return;
    const size = Math.max(docs, this.alive.length * 2);
    const alive = new Uint8Array(size);
    alive.set(this.alive);
    this.alive = alive;
    const lengths = new Uint32Array(size * FIELD_COUNT);
    lengths.set(this.fieldLengths);
    this.fieldLengths = lengths;
  }

  /** Renumbers the living documents from 0, drops dead postings and terms left with none, and seals every term. */
  compact(): void {
    if (this.deadCount === 0 && this.touched.size === 0 && this.fresh.size === 0) return;
    const docCount = this.ids.length;
    const renumber = new Int32Array(docCount).fill(-1);
    const ids: string[] = [];
    for (let doc = 0; doc < docCount; doc++) {
      if (this.alive[doc]) {
        renumber[doc] = ids.length;
        ids.push(this.ids[doc]!);
      }
    }
    const lengths = new Uint32Array(Math.max(64, ids.length) * FIELD_COUNT);
    for (let doc = 0; doc < docCount; doc++) {
      const to = renumber[doc]!;
      if (to >= 0) lengths.set(this.fieldLengths.subarray(doc * FIELD_COUNT, (doc + 1) * FIELD_COUNT), to * FIELD_COUNT);
    }
    // The terms in order: the sealed ones (sorted) merged with those first seen since (sorted here).
    const old = this.sealed;
    const freshTerms = [...this.fresh.keys()].sort();
    // At most every sealed posting and every one added since (new terms' lists have only a tail).
    let bound = old.docs.length;
    for (const entry of [...this.touched.values(), ...this.fresh.values()]) for (const list of entry) bound += list?.tailLength ?? 0;
    // New arrays, never in place: the sealed ones may be the last write's, still being written.
    const docs = new Uint32Array(bound);
    const tfs = new Uint8Array(bound);
    const terms: string[] = [];
    const starts: number[] = [0];
    let at = 0;
    const noneDead = this.deadCount === 0;
    const copy = (from: Uint32Array<ArrayBufferLike>, counts: Uint8Array<ArrayBufferLike>, n: number) => {
      if (noneDead) {
        docs.set(from.subarray(0, n), at);
        tfs.set(counts.subarray(0, n), at);
        at += n;
        return;
      }
      for (let j = 0; j < n; j++) {
        const to = renumber[from[j]!]!;
        if (to < 0) continue;
        docs[at] = to;
        tfs[at] = counts[j]!;
        at++;
      }
    };
    /** Copies a term's lists (`copyField(f)` copies field f's), and keeps the term only if a posting was left. */
    const take = (term: string, copyField: (f: number) => void) => {
      const first = at;
      const mark = starts.length;
      for (let f = 0; f < FIELD_COUNT; f++) {
        copyField(f);
        starts.push(at);
      }
      if (at === first) starts.length = mark; // no living posting left: the term goes
      else terms.push(term);
    };
    const takeEntry = (term: string, entry: TermEntry) => take(term, (f) => {
      for (const [from, counts, n] of entry[f]?.segments() ?? []) copy(from, counts, n);
    });
    let k = 0;
    for (let t = 0; t <= old.terms.length; t++) {
      const term = old.terms[t];
      while (k < freshTerms.length && (term === undefined || freshTerms[k]! < term)) {
        takeEntry(freshTerms[k]!, this.fresh.get(freshTerms[k]!)!);
        k++;
      }
      if (term === undefined) break;
      const touched = this.touched.get(t);
      if (touched) takeEntry(term, touched);
      else {
        // Untouched: its lists are ranges of the old arrays.
        take(term, (f) => {
          const from = old.starts[t * FIELD_COUNT + f]!;
          const to = old.starts[t * FIELD_COUNT + f + 1]!;
          copy(old.docs.subarray(from, to), old.tfs.subarray(from, to), to - from);
        });
      }
    }
    this.sealed = { terms, starts: Uint32Array.from(starts), docs: docs.subarray(0, at), tfs: tfs.subarray(0, at) };
    this.touched = new Map();
    this.fresh = new Map();
    this.tree = new SearchableMap<TermEntry>();
    this.ids = ids;
    this.docOf.clear();
    ids.forEach((id, doc) => this.docOf.set(id, doc));
    this.fieldLengths = lengths;
    this.alive = new Uint8Array(lengths.length / FIELD_COUNT);
    this.alive.fill(1, 0, ids.length);
    this.deadCount = 0;
  }

  /** The index as arrays for writing (compacts and seals first: the arrays are the sealed ones, shared). */
  snapshot(): IndexSnapshot {
    this.compact();
    const { terms, starts, docs, tfs } = this.sealed;
    const counts = new Uint32Array(terms.length * FIELD_COUNT);
    for (let i = 0; i < counts.length; i++) counts[i] = starts[i + 1]! - starts[i]!;
    const ids = this.ids as string[];
    return { ids: [...ids], fieldLengths: this.fieldLengths.slice(0, ids.length * FIELD_COUNT), terms: [...terms], counts, docs: docs as Uint32Array, tfs: tfs as Uint8Array };
  }

  /**
   * An index from a snapshot read from disk, its arrays used in place. Throws when the arrays do
   * not fit together (a damaged file): terms in order and once each, every document number in
   * range and ascending per list.
   */
  static fromSnapshot(snapshot: IndexSnapshot): InvertedIndex {
    const steps = InvertedIndex.restore(snapshot);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /** The same, in slices of a few milliseconds with `pause()` awaited between them, so that other work gets in while 100,000 articles load. */
  static async fromSnapshotInSlices(snapshot: IndexSnapshot, pause: () => Promise<void>): Promise<InvertedIndex> {
    const steps = InvertedIndex.restore(snapshot);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      await pause();
    }
  }

  /** Checks and takes a snapshot, yielding after every SLICE postings or documents checked. */
  private static *restore(snapshot: IndexSnapshot): Generator<void, InvertedIndex> {
    const { ids, fieldLengths, terms, counts, docs, tfs } = snapshot;
    const docCount = ids.length;
    if (fieldLengths.length !== docCount * FIELD_COUNT || counts.length !== terms.length * FIELD_COUNT || docs.length !== tfs.length) throw new Error('the index arrays do not fit together');
    const index = new InvertedIndex();
    index.ids = [...ids];
    ids.forEach((id, doc) => index.docOf.set(id, doc));
    if (index.docOf.size !== docCount) throw new Error('an article is indexed twice');
    index.fieldLengths = fieldLengths;
    index.alive = new Uint8Array(docCount).fill(1);
    for (let doc = 0; doc < docCount; doc++) for (let f = 0; f < FIELD_COUNT; f++) index.totalLength[f]! += fieldLengths[doc * FIELD_COUNT + f]!;
    for (let t = 1; t < terms.length; t++) if (!(terms[t - 1]! < terms[t]!)) throw new Error('a term is listed twice or out of order');
    yield;
    const starts = new Uint32Array(counts.length + 1);
    let at = 0;
    let sliceEnd = SLICE;
    for (let i = 0; i < counts.length; i++) {
      const length = counts[i]!;
      if (at + length > docs.length) throw new Error('the postings are shorter than their counts');
      let previous = -1;
      for (let j = at; j < at + length; j++) {
        const doc = docs[j]!;
        if (doc <= previous || doc >= docCount) throw new Error('a posting list is out of order or out of range');
        previous = doc;
      }
      at += length;
      starts[i + 1] = at;
      if (at >= sliceEnd) {
        sliceEnd = at + SLICE;
        yield;
      }
    }
    if (at !== docs.length) throw new Error('the postings are longer than their counts');
    index.sealed = { terms: [...terms], starts, docs, tfs };
    return index;
  }
}

/** Postings checked between two pauses of a load in slices (a few milliseconds' work). */
const SLICE = 2_000_000;

/** The k best documents by score (ties: the lower document number first), kept in a small min-heap. */
class TopK {
  private readonly docs: number[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly k: number) {}

  private worse(i: number, j: number): boolean {
    return this.scores[i]! < this.scores[j]! || (this.scores[i] === this.scores[j] && this.docs[i]! > this.docs[j]!);
  }

  private swap(i: number, j: number): void {
    [this.docs[i], this.docs[j]] = [this.docs[j]!, this.docs[i]!];
    [this.scores[i], this.scores[j]] = [this.scores[j]!, this.scores[i]!];
  }

  offer(doc: number, score: number): void {
    if (this.k <= 0) return;
    if (this.docs.length < this.k) {
      this.docs.push(doc);
      this.scores.push(score);
      for (let i = this.docs.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!this.worse(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    if (score < this.scores[0]! || (score === this.scores[0] && doc > this.docs[0]!)) return;
    this.docs[0] = doc;
    this.scores[0] = score;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let least = i;
      if (l < this.docs.length && this.worse(l, least)) least = l;
      if (r < this.docs.length && this.worse(r, least)) least = r;
      if (least === i) break;
      this.swap(i, least);
      i = least;
    }
  }

  sorted(): number[] {
    const order = this.docs.map((_, i) => i).sort((a, b) => this.scores[b]! - this.scores[a]! || this.docs[a]! - this.docs[b]!);
    return order.map((i) => this.docs[i]!);
  }
}
