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

  /** Makes `docs`/`tfs` (which must hold this list's postings, in order) the sealed part, and drops the tail. */
  seal(docs: Uint32Array<ArrayBufferLike>, tfs: Uint8Array<ArrayBufferLike>): void {
    this.baseDocs = docs;
    this.baseTfs = tfs;
    this.tailDocs = null;
    this.tailTfs = null;
    this.tailLength = 0;
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
 * A full-text index built for a year of news on a laptop: postings are typed arrays (5 bytes each)
 * rather than a map entry per word and document, so 100,000 articles fit in a few hundred MB, load
 * from disk as views on one buffer, and a query scores 100,000 matching articles in milliseconds.
 * Words and folding are the app's own (src-shared/text), for the index and the query alike; the
 * term dictionary is MiniSearch's radix tree, for prefix and typo-tolerant lookups.
 *
 * Every change gives the article a new document number and marks the old one dead, so posting
 * lists stay sorted and are only ever appended to; `compact()` drops the dead ones.
 */
export class InvertedIndex {
  private ids: (string | null)[] = [];
  private readonly docOf = new Map<string, number>();
  private fieldLengths: Uint32Array<ArrayBufferLike> = new Uint32Array(64 * FIELD_COUNT);
  private alive = new Uint8Array(64);
  private readonly totalLength = new Float64Array(FIELD_COUNT);
  private terms = new Map<string, TermEntry>();
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
      for (const [term, tf] of counts) {
        let entry = this.terms.get(term);
        if (!entry) {
          entry = new Array<PostingList | undefined>(FIELD_COUNT);
          this.terms.set(term, entry);
          this.tree.set(term, entry);
        }
        (entry[f] ??= new PostingList()).push(doc, tf);
      }
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
        const entry = this.terms.get(term)!;
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
    if (this.terms.has(word)) found.set(word, 1);
    for (const [term] of this.tree.atPrefix(word)) {
      if (term === word) continue;
      found.set(term, (PREFIX_WEIGHT * word.length) / (word.length + 0.3 * (term.length - word.length)));
    }
    const edits = Math.min(MAX_EDITS, Math.round(word.length * FUZZY));
    if (edits > 0) {
      for (const [term, [, distance]] of this.tree.fuzzyGet(word, edits)) {
        if (distance === 0) continue;
        const weight = (FUZZY_WEIGHT * word.length) / (word.length + distance);
        if ((found.get(term) ?? 0) < weight) found.set(term, weight);
      }
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

  /** Renumbers the living documents from 0 and drops dead postings and terms left with none. */
  compact(): void {
    if (this.deadCount === 0) return;
    const renumber = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    for (let doc = 0; doc < this.ids.length; doc++) {
      if (this.alive[doc]) {
        renumber[doc] = ids.length;
        ids.push(this.ids[doc]!);
      }
    }
    const lengths = new Uint32Array(Math.max(64, ids.length) * FIELD_COUNT);
    for (let doc = 0; doc < this.ids.length; doc++) {
      const to = renumber[doc]!;
      if (to >= 0) lengths.set(this.fieldLengths.subarray(doc * FIELD_COUNT, (doc + 1) * FIELD_COUNT), to * FIELD_COUNT);
    }
    const terms = new Map<string, TermEntry>();
    const tree = new SearchableMap<TermEntry>();
    for (const [term, entry] of this.terms) {
      let kept = false;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const list = entry[f];
        if (!list) continue;
        // New arrays, never in place: the sealed ones may be the last write's, still being written.
        const docs = new Uint32Array(list.length);
        const tfs = new Uint8Array(list.length);
        let length = 0;
        for (const [from, counts, n] of list.segments()) {
          for (let j = 0; j < n; j++) {
            const to = renumber[from[j]!]!;
            if (to < 0) continue;
            docs[length] = to;
            tfs[length] = counts[j]!;
            length++;
          }
        }
        list.seal(docs.subarray(0, length), tfs.subarray(0, length));
        if (length === 0) entry[f] = undefined;
        else kept = true;
      }
      if (kept) {
        terms.set(term, entry);
        tree.set(term, entry);
      }
    }
    this.ids = ids;
    this.docOf.clear();
    ids.forEach((id, doc) => this.docOf.set(id, doc));
    this.fieldLengths = lengths;
    this.alive = new Uint8Array(lengths.length / FIELD_COUNT);
    this.alive.fill(1, 0, ids.length);
    this.terms = terms;
    this.tree = tree;
    this.deadCount = 0;
  }

  /** The index as arrays for writing (compacts first). */
  snapshot(): IndexSnapshot {
    this.compact();
    const terms = [...this.terms.keys()];
    const counts = new Uint32Array(terms.length * FIELD_COUNT);
    let total = 0;
    terms.forEach((term, t) => {
      const entry = this.terms.get(term)!;
      for (let f = 0; f < FIELD_COUNT; f++) {
        counts[t * FIELD_COUNT + f] = entry[f]?.length ?? 0;
        total += entry[f]?.length ?? 0;
      }
    });
    const docs = new Uint32Array(total);
    const tfs = new Uint8Array(total);
    let at = 0;
    for (const term of terms) {
      for (const list of this.terms.get(term)!) {
        if (!list) continue;
        const start = at;
        for (const [from, counts, n] of list.segments()) {
          docs.set(from.subarray(0, n), at);
          tfs.set(counts.subarray(0, n), at);
          at += n;
        }
        // The list now reads the written arrays: its tail's memory is freed, nothing is held twice.
        list.seal(docs.subarray(start, at), tfs.subarray(start, at));
      }
    }
    const ids = this.ids as string[];
    return { ids: [...ids], fieldLengths: this.fieldLengths.slice(0, ids.length * FIELD_COUNT), terms, counts, docs, tfs };
  }

  /**
   * An index from a snapshot read from disk, its arrays used in place. Throws when the arrays do
   * not fit together (a damaged file): every document number in range and ascending per list.
   */
  static fromSnapshot(snapshot: IndexSnapshot): InvertedIndex {
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
    let at = 0;
    terms.forEach((term, t) => {
      const entry: TermEntry = new Array<PostingList | undefined>(FIELD_COUNT);
      for (let f = 0; f < FIELD_COUNT; f++) {
        const length = counts[t * FIELD_COUNT + f]!;
        if (length === 0) continue;
        if (at + length > docs.length) throw new Error('the postings are shorter than their counts');
        const list = new PostingList(docs.subarray(at, at + length), tfs.subarray(at, at + length));
        let previous = -1;
        for (let j = 0; j < length; j++) {
          const doc = list.baseDocs[j]!;
          if (doc <= previous || doc >= docCount) throw new Error('a posting list is out of order or out of range');
          previous = doc;
        }
        entry[f] = list;
        at += length;
      }
      if (index.terms.has(term)) throw new Error('a term is listed twice');
      index.terms.set(term, entry);
      index.tree.set(term, entry);
    });
    if (at !== docs.length) throw new Error('the postings are longer than their counts');
    return index;
  }
}

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
