/**
 * The edit suite: scenarios of an analyst's annotations on an article whose text is then edited,
 * with the true new place of every passage known from the edit itself.
 *
 * An article is held as paragraphs of sentence objects; passages point at sentence objects, so
 * they follow their sentences through moves, merges and copies (a copy is a new object, and the
 * passage stays with its original). Each scenario picks passages (many of them phrases that recur
 * elsewhere in the article, the hard case), gives each a fate (unchanged, a typo made or fixed
 * inside it, reworded, deleted), and applies one to four edits elsewhere (sentences or paragraphs
 * inserted, deleted, moved, copied, split or merged, words changed next to a passage).
 */
import { describeRange } from '../../src-shared/anchoring/quote-selector';
import type { TextTarget } from '../../src-shared/domain/annotation';
import { chooseSpan, coveredBy, remove, reword, typo, wordEdit, type Paragraph, type Passage, type Sentence } from './edits';

export type CaseKind = 'unchanged' | 'typo' | 'reword' | 'deleted';
export const CASE_KINDS: readonly CaseKind[] = ['unchanged', 'typo', 'reword', 'deleted'];

export interface SuiteCase {
  kind: CaseKind;
  /** The annotation as stored before the edit. */
  target: TextTarget;
  /** Where the passage is after the edit, or null when it was deleted. */
  truth: { start: number; end: number } | null;
  /** True when the old quote still occurs in the new text somewhere other than its true place. */
  recurs: boolean;
}

export interface Scenario {
  article: string;
  oldText: string;
  newText: string;
  /** The edits made elsewhere, for reading a failure. */
  edits: string[];
  cases: SuiteCase[];
}


/** mulberry32: small, fast and the same on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function parse(text: string): Paragraph[] {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim().split(/(?<!\b(?:Mr|Ms|Mrs|Dr|St)\.)(?<=[.!?]["”]?) (?=["“A-Z])/).map((s) => ({ text: s })));
}

function render(doc: Paragraph[]): { text: string; at: Map<Sentence, number> } {
  const at = new Map<Sentence, number>();
  let text = '';
  doc.forEach((para, p) => {
    if (p > 0) text += '\n\n';
    para.forEach((sentence, s) => {
      if (s > 0) text += ' ';
      at.set(sentence, text.length);
      text += sentence.text;
    });
  });
  return { text, at };
}


/** Builds `count` scenarios per article, the same for the same seed. */
export function generateScenarios(articles: readonly { name: string; text: string }[], seed: number, count: number): Scenario[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const scenarios: Scenario[] = [];
  for (const article of articles) {
    // New text comes from the other articles: a sentence of this one put back elsewhere would be a move.
    const pool = articles.filter((a) => a !== article).flatMap((a) => parse(a.text).flat().map((s) => s.text));
    for (let n = 0; n < count; n++) scenarios.push(scenario(article, pool, rnd, pick));
  }
  return scenarios;
}

function scenario(article: { name: string; text: string }, pool: readonly string[], rnd: () => number, pick: <T>(list: readonly T[]) => T): Scenario {
  const doc = parse(article.text);
  const sentences = () => doc.flat();
  const passages: Passage[] = [];
  const used = new Set<Sentence>();
  const fullText = render(doc).text;

  // Choose passages in distinct sentences.
  const wanted = 4 + Math.floor(rnd() * 6);
  for (let tries = 0; passages.length < wanted && tries < 50; tries++) {
    const roll = rnd();
    if (roll < 0.06) {
      const para = pick(doc.filter((p) => p.every((s) => !used.has(s))));
      if (!para) continue;
      para.forEach((s) => used.add(s));
      passages.push({ first: para[0]!, last: para[para.length - 1]!, start: 0, end: para[para.length - 1]!.text.length, kind: rnd() < 0.7 ? 'unchanged' : 'deleted', gone: false });
      continue;
    }
    const sentence = pick(sentences().filter((s) => !used.has(s)));
    if (!sentence) break;
    const span = chooseSpan(sentence.text, fullText, roll, rnd);
    if (!span) continue;
    used.add(sentence);
    const fate = rnd();
    const kind: CaseKind = fate < 0.5 ? 'unchanged' : fate < 0.72 ? 'typo' : fate < 0.86 ? 'reword' : 'deleted';
    passages.push({ first: sentence, last: sentence, start: span[0], end: span[1], kind, gone: false });
  }

  // A typo fixed by the edit was in the old text: make it before the old text is taken.
  const fixes = passages.filter((p) => p.kind === 'typo' && rnd() < 0.5);
  for (const p of fixes) typo(p, rnd);
  const old = render(doc);
  for (const p of passages) {
    const start = old.at.get(p.first)! + p.start;
    const end = old.at.get(p.last)! + p.end;
    p.target = describeRange(old.text, start, end);
  }

  // The passages' own fates.
  for (const p of passages) {
    if (p.kind === 'typo' && !fixes.includes(p)) typo(p, rnd);
    if (p.kind === 'reword') reword(p, rnd, pick);
    if (p.kind === 'deleted') remove(doc, p, rnd);
  }

  // Edits elsewhere.
  const edits: string[] = [];
  const covered = new Set(passages.filter((p) => !p.gone).flatMap((p) => coveredBy(doc, p)));
  const intact = (para: Paragraph) => passages.every((p) => p.kind === 'unchanged' || p.gone || !para.includes(p.first));
  // A sentence inserted between the sentences of a whole-paragraph passage would change it.
  const slot = (para: Paragraph): number | null => {
    const at = Math.floor(rnd() * (para.length + 1));
    const split = passages.some((p) => !p.gone && p.first !== p.last && para.includes(p.first) && at > para.indexOf(p.first) && at <= para.indexOf(p.last));
    return split ? null : at;
  };
  const copies: { para: Paragraph; before: Paragraph | null }[] = [];
  const moved = new Set<Paragraph>();
  const fresh = new Set<Paragraph>();
  const editCount = 1 + Math.floor(rnd() * 4);
  for (let e = 0; e < editCount; e++) {
    const what = rnd();
    const para = pick(doc);
    if (what < 0.16) {
      const at = slot(para);
      if (at === null) continue;
      para.splice(at, 0, { text: pick(pool) });
      edits.push('insert sentence');
    } else if (what < 0.26) {
      const copy = pick(sentences().filter((s) => !covered.has(s)));
      const at = slot(para);
      if (!copy || at === null) continue;
      para.splice(at, 0, { text: copy.text });
      edits.push('copy a sentence elsewhere');
    } else if (what < 0.4) {
      const free = para.filter((s) => !covered.has(s));
      if (free.length === 0 || para.length < 2) continue;
      para.splice(para.indexOf(pick(free)), 1);
      edits.push('delete sentence');
    } else if (what < 0.48) {
      const added = [{ text: pick(pool) }, { text: pick(pool) }];
      fresh.add(added);
      doc.splice(Math.floor(rnd() * (doc.length + 1)), 0, added);
      edits.push('insert paragraph');
    } else if (what < 0.55) {
      const free = doc.filter((p) => p.every((s) => !covered.has(s)));
      if (free.length === 0 || doc.length < 3) continue;
      doc.splice(doc.indexOf(pick(free)), 1);
      edits.push('delete paragraph');
    } else if (what < 0.67) {
      const from = doc.indexOf(para);
      doc.splice(from, 1);
      doc.splice(Math.floor(rnd() * (doc.length + 1)), 0, para);
      moved.add(para);
      edits.push('move paragraph');
    } else if (what < 0.77) {
      // A copy pasted after its original, or earlier with other text between: placed
      // immediately before it, nobody could say which of the two is the original.
      if (!intact(para)) continue;
      const from = doc.indexOf(para);
      const places = [...Array(doc.length + 1).keys()].filter((i) => i !== from);
      const to = pick(places.length ? places : [doc.length]);
      // Pasted once the other edits are made: a copy that kept words later changed in its
      // original would be the better match, and nobody could call that a mistake.
      copies.push({ para, before: doc[to] ?? null });
      edits.push(to > from ? 'duplicate paragraph after it' : 'duplicate paragraph before it');
    } else if (what < 0.84) {
      // Split a paragraph between two sentences no passage spans.
      const at = 1 + Math.floor(rnd() * (para.length - 1));
      if (para.length < 2 || passages.some((p) => !p.gone && p.first !== p.last && para.includes(p.first) && para.indexOf(p.first) < at && para.indexOf(p.last) >= at)) continue;
      doc.splice(doc.indexOf(para) + 1, 0, para.splice(at));
      edits.push('split paragraph');
    } else if (what < 0.9) {
      const i = doc.indexOf(para);
      const next = doc[i + 1];
      if (!next) continue;
      para.push(...next);
      doc.splice(i + 1, 1);
      edits.push('merge paragraphs');
    } else {
      wordEdit(para, passages, covered, rnd, pick);
      edits.push('change a word');
    }
  }

  for (const { para, before } of copies) {
    // A paragraph moved away with its copy pasted where it was looks exactly like one left in
    // place with a copy pasted elsewhere: no true answer, so no such case.
    if (moved.has(para)) continue;
    const at = before && doc.includes(before) && before !== para ? doc.indexOf(before) : doc.length;
    // Before its original, only old text between tells them apart: with only new text between,
    // [copy, new, original] is as well [original, new, copy] with the first two inserted.
    if (at <= doc.indexOf(para) && !doc.slice(at, doc.indexOf(para)).some((p) => !fresh.has(p))) continue;
    doc.splice(at, 0, para.map((s) => ({ text: s.text })));
  }

  const now = render(doc);
  const cases = passages.map((p): SuiteCase => {
    const truth = p.gone ? null : { start: now.at.get(p.first)! + p.start, end: now.at.get(p.last)! + p.end };
    const target = p.target!;
    let recurs = false;
    for (let i = now.text.indexOf(target.exact); i !== -1 && !recurs; i = now.text.indexOf(target.exact, i + 1)) {
      recurs = !truth || i !== truth.start;
    }
    return { kind: p.kind, target, truth, recurs };
  });
  return { article: article.name, oldText: old.text, newText: now.text, edits, cases };
}
