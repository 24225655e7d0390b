/** The edits the suite makes to a passage or next to it (see generate.ts). */
import type { TextTarget } from '../../src-shared/domain/annotation';
import type { CaseKind } from './generate';

export interface Sentence {
  text: string;
}
export type Paragraph = Sentence[];
/** An annotated passage, held by the sentence objects it starts and ends in. */
export interface Passage {
  first: Sentence;
  last: Sentence;
  /** Offset in `first` and end offset in `last`. */
  start: number;
  end: number;
  kind: CaseKind;
  gone: boolean;
  target?: TextTarget;
}

/** Words put in by rewording and by edits next to a passage. */
export const FILLER_WORDS = ['also', 'now', 'later', 'again', 'firmly', 'publicly', 'recently', 'still', 'formally', 'once more'];

/** A span of words of `sentence`: a phrase that recurs in the article, a few words, all of it, or one word. */
export function chooseSpan(sentence: string, article: string, roll: number, rnd: () => number): [number, number] | null {
  const words = [...sentence.matchAll(/[^\s]+/g)].map((m) => [m.index, m.index + m[0].length] as const);
  if (words.length === 0) return null;
  if (roll < 0.45) {
    const recurring: [number, number][] = [];
    for (let len = 3; len <= 8; len++) {
      for (let i = 0; i + len <= words.length; i++) {
        const [s, e] = [words[i]![0], words[i + len - 1]![1]];
        const phrase = sentence.slice(s, e);
        if (article.indexOf(phrase) !== article.lastIndexOf(phrase)) recurring.push([s, e]);
      }
    }
    if (recurring.length) return recurring[Math.floor(rnd() * recurring.length)]!;
  }
  if (roll < 0.8) {
    const len = Math.min(words.length, 2 + Math.floor(rnd() * 9));
    const i = Math.floor(rnd() * (words.length - len + 1));
    return [words[i]![0], words[i + len - 1]![1]];
  }
  if (roll < 0.92) return [0, sentence.length];
  const long = words.filter(([s, e]) => e - s >= 4);
  return long.length ? [...long[Math.floor(rnd() * long.length)]!] : null;
}

/** One slip of the keyboard in a word of four letters or more inside the passage. */
export function typo(p: Passage, rnd: () => number): void {
  const s = p.first;
  const inside = s.text.slice(p.start, p.end);
  const words = [...inside.matchAll(/\p{L}{4,}/gu)];
  if (words.length === 0) return;
  const word = words[Math.floor(rnd() * words.length)]!;
  const i = p.start + word.index + 1 + Math.floor(rnd() * (word[0].length - 2));
  const t = s.text;
  const how = rnd();
  if (how < 0.3) s.text = t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2); // swapped letters
  else if (how < 0.55) {
    s.text = t.slice(0, i) + t.slice(i + 1); // dropped letter
    p.end--;
  } else if (how < 0.8) {
    s.text = t.slice(0, i) + t[i] + t.slice(i); // doubled letter
    p.end++;
  } else s.text = t.slice(0, i) + (t[i] === 'e' ? 'a' : 'e') + t.slice(i + 1); // wrong letter
}

/** One or two words replaced, inserted or dropped inside the passage. */
export function reword(p: Passage, rnd: () => number, pick: <T>(list: readonly T[]) => T): void {
  const times = 1 + Math.floor(rnd() * 2);
  for (let k = 0; k < times; k++) {
    const s = p.first;
    const inside = s.text.slice(p.start, p.end);
    const words = [...inside.matchAll(/[^\s]+/g)];
    const word = pick(words);
    const at = p.start + word.index;
    const end = at + word[0].length;
    const how = rnd();
    if (how < 0.5 || words.length < 3) {
      const swap = pick(FILLER_WORDS) + (/[.,;:!?"”]$/.test(word[0]) ? word[0].slice(-1) : '');
      s.text = s.text.slice(0, at) + swap + s.text.slice(end);
      p.end += swap.length - word[0].length;
    } else if (how < 0.75 && word.index > 0) {
      const extra = `${pick(FILLER_WORDS)} `;
      s.text = s.text.slice(0, at) + extra + s.text.slice(at);
      p.end += extra.length;
    } else if (word.index > 0 && end < p.end) {
      s.text = s.text.slice(0, at) + s.text.slice(end + 1);
      p.end -= word[0].length + 1;
    }
  }
}

export function remove(doc: Paragraph[], p: Passage, rnd: () => number): void {
  p.gone = true;
  const para = doc.find((q) => q.includes(p.first))!;
  const whole = p.start === 0 && p.end === p.last.text.length;
  if (p.first !== p.last || whole || rnd() < 0.5) {
    const from = para.indexOf(p.first);
    para.splice(from, para.indexOf(p.last) - from + 1);
    if (para.length === 0) doc.splice(doc.indexOf(para), 1);
    return;
  }
  // Cut only the passage's words out of its sentence.
  const s = p.first;
  s.text = (s.text.slice(0, p.start) + s.text.slice(p.end)).replace(/ {2,}/g, ' ').replace(/ ([.,;:])/g, '$1').trim() || 'Updated.';
}

export function coveredBy(doc: Paragraph[], p: Passage): Sentence[] {
  const para = doc.find((q) => q.includes(p.first));
  if (!para) return [];
  return para.slice(para.indexOf(p.first), para.indexOf(p.last) + 1);
}

/** A word changed in a sentence no passage covers, or next to a one-sentence passage, outside it. */
export function wordEdit(para: Paragraph, passages: Passage[], covered: Set<Sentence>, rnd: () => number, pick: <T>(list: readonly T[]) => T): void {
  const s = pick(para);
  const owner = passages.find((p) => !p.gone && p.first === s && p.last === s);
  if (covered.has(s) && !owner) return;
  const words = [...s.text.matchAll(/[^\s]+/g)].filter((w) => !owner || w.index + w[0].length < owner.start || w.index > owner.end);
  if (words.length === 0) return;
  const word = pick(words);
  const swap = pick(FILLER_WORDS);
  s.text = s.text.slice(0, word.index) + swap + s.text.slice(word.index + word[0].length);
  if (owner && word.index < owner.start) {
    owner.start += swap.length - word[0].length;
    owner.end += swap.length - word[0].length;
  }
}
