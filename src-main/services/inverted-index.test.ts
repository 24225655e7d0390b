import { describe, expect, it } from 'vitest';
import { random } from '../../bench/edit-suite/generate';
import { fuzzyInSorted, InvertedIndex, type FieldTexts } from './inverted-index';

const doc = (text: string, title = '', notes = ''): FieldTexts => ({ title, text, notes });

/** Reproducible edits of articles `a0`…: about one in five removes the article, the rest (re)index a text of up to `maxWords` random words. */
function* randomEdits(next: () => number, vocabulary: readonly string[], steps: number, articles: number, maxWords: number): Generator<{ id: string; text: string | null }> {
  for (let step = 0; step < steps; step++) {
    const id = `a${Math.floor(next() * articles)}`;
    if (next() < 0.2) yield { id, text: null };
    else yield { id, text: Array.from({ length: 1 + Math.floor(next() * maxWords) }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(' ') };
  }
}

/** Applies an edit to each index (and to `truth`, the texts indexed). */
function apply(edit: { id: string; text: string | null }, indexes: InvertedIndex[], truth?: Map<string, string>): void {
  for (const index of indexes) {
    if (edit.text === null) index.remove(edit.id);
    else index.add(edit.id, doc(edit.text));
  }
  if (edit.text === null) truth?.delete(edit.id);
  else truth?.set(edit.id, edit.text);
}
const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id);

describe('InvertedIndex', () => {
  it('finds articles holding every word, by whole word, by its start and a typo away', () => {
    const index = new InvertedIndex();
    index.add('a', doc('The ministers resumed negotiations over the harbour.'));
    index.add('b', doc('Negotiators left the summit early.'));
    index.add('c', doc('Rain across the coast.'));
    expect(ids(index.search('negotiat', 10)).sort()).toEqual(['a', 'b']);
    expect(ids(index.search('harbor', 10))).toEqual(['a']); // one letter off
    expect(ids(index.search('sumit', 10))).toEqual(['b']);
    expect(ids(index.search('negotiations harbour', 10))).toEqual(['a']);
    expect(ids(index.search('negotiations coast', 10))).toEqual([]);
    expect(index.search('', 10)).toEqual({ total: 0, hits: [] });
  });

  it('ranks the title above the text, and an exact word above a longer word it begins', () => {
    const index = new InvertedIndex();
    index.add('text', doc('Budget talks in parliament went on.', 'A long day'));
    index.add('title', doc('They went on.', 'Budget talks'));
    expect(ids(index.search('budget', 10))).toEqual(['title', 'text']);
    index.add('prefix', doc('Talkative ministers.'));
    index.add('exact', doc('Ministers talk.'));
    expect(ids(index.search('talk ministers', 10))).toEqual(['exact', 'prefix']);
  });

  it('folds as the app does: Arabic forms and vowels, ё, case', () => {
    const index = new InvertedIndex();
    index.add('ar', doc('ﺍﻟﻌﺮﺑﻴﺔ لُغَة'));
    index.add('ru', doc('Ёлка'));
    expect(ids(index.search('العربية', 10))).toEqual(['ar']);
    expect(ids(index.search('елка', 10))).toEqual(['ru']);
  });

  it('counts every match that `accept` lets through and returns the best `limit`', () => {
    const index = new InvertedIndex();
    for (let i = 0; i < 50; i++) index.add(`d${i}`, doc(`vote ${'vote '.repeat(i % 7)}`, i === 7 ? 'Vote' : ''));
    const all = index.search('vote', 50);
    const some = index.search('vote', 5, (id) => Number(id.slice(1)) % 2 === 1);
    expect(all.total).toBe(50);
    expect(some.total).toBe(25);
    expect(some.hits).toHaveLength(5);
    expect(ids(some)).toEqual(ids(all).filter((id) => Number(id.slice(1)) % 2 === 1).slice(0, 5));
    expect(ids(all)[0]).toBe('d7');
  });

  it('forgets removed and replaced articles, before and after compaction', () => {
    const index = new InvertedIndex();
    index.add('a', doc('Ceasefire holds'));
    index.add('b', doc('Ceasefire broken'));
    index.add('a', doc('Truce holds'));
    index.remove('b');
    expect(index.size).toBe(1);
    expect(index.dead).toBe(2);
    expect(ids(index.search('ceasefire', 10))).toEqual([]);
    expect(ids(index.search('truce', 10))).toEqual(['a']);
    index.compact();
    expect(index.dead).toBe(0);
    // Terms left with no living article go, in order.
    expect(index.snapshot().terms).toEqual(['holds', 'truce']);
    expect(ids(index.search('truce holds', 10))).toEqual(['a']);
    expect(ids(index.search('ceasefire', 10))).toEqual([]);
    index.add('b', doc('Ceasefire again'));
    expect(ids(index.search('ceasefire', 10))).toEqual(['b']);
  });

  it('answers the same from a snapshot, after random additions, changes and removals', () => {
    const next = random(7);
    const vocabulary = ['border', 'borders', 'talks', 'talk', 'minister', 'ministers', 'vote', 'voted', 'quota', 'harbour', 'truce', 'summit'];
    const index = new InvertedIndex();
    const truth = new Map<string, string>();
    for (const edit of randomEdits(next, vocabulary, 400, 80, 12)) apply(edit, [index], truth);
    const queries = ['border', 'talk vote', 'minister quota', 'harbor', 'sumit truce', 'voted'];
    const before = queries.map((q) => index.search(q, 100));
    // Exact words: every article that holds each word, and nothing else.
    const holding = (w: string) => [...truth].filter(([, t]) => t.split(' ').some((x) => x.startsWith(w))).map(([id]) => id);
    expect(ids(before[2]!).sort()).toEqual(holding('minister').filter((id) => holding('quota').includes(id)).sort());
    const copy = InvertedIndex.fromSnapshot(index.snapshot());
    queries.forEach((q, i) => {
      const after = copy.search(q, 100);
      expect(ids(after).sort()).toEqual(ids(before[i]!).sort());
      expect(after.total).toBe(before[i]!.total);
    });
    // The copy takes new articles as the original does.
    copy.add('new', doc('summit summit'));
    expect(ids(copy.search('summit', 200))).toContain('new');
  });

  it('refuses a snapshot whose arrays do not fit together', () => {
    const index = new InvertedIndex();
    index.add('a', doc('one two'));
    index.add('b', doc('two three'));
    const good = index.snapshot();
    expect(() => InvertedIndex.fromSnapshot({ ...good, ids: ['a', 'a'] })).toThrow(/twice/);
    const docs = good.docs.slice();
    docs[0] = 5;
    expect(() => InvertedIndex.fromSnapshot({ ...good, docs })).toThrow(/out of order or out of range/);
    expect(() => InvertedIndex.fromSnapshot({ ...good, docs: good.docs.slice(0, -1), tfs: good.tfs.slice(0, -1) })).toThrow(/shorter/);
    expect(() => InvertedIndex.fromSnapshot({ ...good, fieldLengths: good.fieldLengths.slice(1) })).toThrow(/do not fit/);
  });
});

describe('InvertedIndex working arrays', () => {
  it('leave no trace between queries, at sizes that are not round numbers', () => {
    const index = new InvertedIndex();
    for (let i = 0; i < 1_337; i++) index.add(`d${i}`, doc(i % 3 === 0 ? 'border talks' : 'border'));
    const once = index.search('border talks', 2_000);
    index.search('border', 2_000);
    index.search('talks border nothing', 2_000);
    const again = index.search('border talks', 2_000);
    expect(again).toEqual(once);
    expect(once.total).toBe(446);
  });
});

describe('InvertedIndex arrays on disk', () => {
  it('are never written to after loading or writing: new postings, removals and compaction use new arrays', () => {
    const index = new InvertedIndex();
    for (let i = 0; i < 20; i++) index.add(`d${i}`, doc(`talks ${i % 2 ? 'border' : 'quota'}`));
    const written = index.snapshot();
    const before = { docs: written.docs.slice(), tfs: written.tfs.slice() };
    index.add('new', doc('talks border talks'));
    index.remove('d3');
    index.compact();
    index.snapshot();
    const loaded = InvertedIndex.fromSnapshot(written);
    loaded.add('newer', doc('border'));
    loaded.remove('d4');
    loaded.compact();
    expect(written.docs).toEqual(before.docs);
    expect(written.tfs).toEqual(before.tfs);
    expect(ids(index.search('talks border', 50)).sort()).toEqual(['d1', 'd11', 'd13', 'd15', 'd17', 'd19', 'd5', 'd7', 'd9', 'new']);
    expect(ids(loaded.search('border', 50))).toContain('newer');
    expect(ids(loaded.search('quota', 50))).not.toContain('d4');
  });
});

/** Levenshtein distance by UTF-16 code unit, the plain way. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

describe('typo lookup in the sorted dictionary', () => {
  it('finds exactly the terms within the allowed edits, with their distance, as a scan of every term does', () => {
    const next = random(11);
    const letters = 'abcdeéёж12';
    const word = (n: number) => Array.from({ length: n }, () => letters[Math.floor(next() * letters.length)]).join('');
    for (let round = 0; round < 30; round++) {
      const terms = [...new Set(Array.from({ length: 300 }, () => word(1 + Math.floor(next() * 7))))].sort();
      for (let q = 0; q < 10; q++) {
        const query = q === 0 ? terms[Math.floor(next() * terms.length)]! : word(1 + Math.floor(next() * 6));
        const edits = 1 + (q % 2);
        const found = new Map<string, number>();
        fuzzyInSorted(terms, query, edits, (t, d) => found.set(terms[t]!, d));
        const expected = new Map(terms.map((t) => [t, distance(t, query)] as const).filter(([, d]) => d <= edits));
        expect(found).toEqual(expected);
      }
    }
    const none = new Map<number, number>();
    fuzzyInSorted([], 'talks', 2, (t, d) => none.set(t, d));
    expect(none.size).toBe(0);
  });
});

describe('InvertedIndex sealing', () => {
  it('answers the same whether terms are sealed, sealed and added to since, or first seen since', () => {
    const next = random(23);
    const vocabulary = ['border', 'borders', 'bordeaux', 'talks', 'talk', 'minister', 'ministers', 'vote', 'voted', 'quota', 'harbour', 'truce', 'summit', 'ёлка', 'مصر'];
    const sealing = new InvertedIndex();
    const plain = new InvertedIndex();
    const queries = ['border', 'bord', 'talk vote', 'ministers quota', 'harbor', 'sumit', 'елка', 'مصر', 'truce border'];
    let step = 0;
    for (const edit of randomEdits(next, vocabulary, 600, 60, 10)) {
      apply(edit, [sealing, plain]);
      if (next() < 0.05) sealing.compact();
      if (step++ % 50 === 49) {
        for (const q of queries) {
          const a = sealing.search(q, 100);
          const b = plain.search(q, 100);
          expect(ids(a).sort()).toEqual(ids(b).sort());
          expect(a.total).toBe(b.total);
        }
      }
    }
    expect(sealing.dead).toBeLessThan(plain.dead);
  });
});
