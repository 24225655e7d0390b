/**
 * A long article for timing re-anchoring: about 20,000 words of the suite's sentences in
 * paragraphs of four (each sentence appears two or three times, as phrases do in long reports),
 * 2,000 annotations of 2 to 12 words, and an edit spread over the whole text: typos fixed,
 * sentences inserted and deleted, a paragraph moved, one deleted.
 */
import { describeRange } from '../../src-shared/anchoring/quote-selector';
import type { TextTarget } from '../../src-shared/domain/annotation';
import { parse, random } from './generate';

export interface LargeCase {
  oldText: string;
  newText: string;
  targets: TextTarget[];
  words: number;
}

export function largeArticle(articles: readonly { text: string }[], words = 20_000, annotations = 2_000, seed = 7): LargeCase {
  const rnd = random(seed);
  const pool = articles.flatMap((a) => parse(a.text).flat().map((s) => s.text));
  const paragraphs: string[][] = [];
  let count = 0;
  while (count < words) {
    const para = Array.from({ length: 4 }, () => pool[Math.floor(rnd() * pool.length)]!);
    count += para.join(' ').split(/\s+/).length;
    paragraphs.push(para);
  }
  const oldText = paragraphs.map((p) => p.join(' ')).join('\n\n');

  const targets: TextTarget[] = [];
  const spans = [...oldText.matchAll(/\S+/g)];
  while (targets.length < annotations) {
    const i = Math.floor(rnd() * (spans.length - 12));
    const len = 2 + Math.floor(rnd() * 11);
    const start = spans[i]!.index;
    const end = spans[i + len - 1]!.index + spans[i + len - 1]![0].length;
    if (oldText.slice(start, end).includes('\n')) continue;
    targets.push(describeRange(oldText, start, end));
  }

  // The edit: 40 changes spread over the text.
  const edited = paragraphs.map((p) => [...p]);
  for (let k = 0; k < 40; k++) {
    const p = edited[Math.floor(rnd() * edited.length)]!;
    const s = Math.floor(rnd() * p.length);
    const roll = rnd();
    if (roll < 0.4) p[s] = p[s]!.replace(/(\p{L})(\p{L})(\p{L}{2,})/u, '$2$1$3'); // a typo made or fixed
    else if (roll < 0.7) p.splice(s, 0, pool[Math.floor(rnd() * pool.length)]!);
    else if (p.length > 1) p.splice(s, 1);
  }
  const moved = edited.splice(Math.floor(rnd() * edited.length), 1)[0]!;
  edited.splice(Math.floor(rnd() * edited.length), 0, moved);
  edited.splice(Math.floor(rnd() * edited.length), 1);
  const newText = edited.map((p) => p.join(' ')).join('\n\n');
  return { oldText, newText, targets, words: count };
}
