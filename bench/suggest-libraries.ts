/**
 * The other candidate library for the suggestion engine, kept for the measurement that chose
 * between them (docs/performance.md, "Suggestions"): wink-nlp's part-of-speech tagger as word
 * hints, and the cost of each library's own full tagger.
 */
import nlp from 'compromise';
import winkNLP, { type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Token } from '../src-shared/suggest/tokens';
import type { WordHint, WordHints } from '../src-shared/suggest/word-hints';

let wink: ReturnType<typeof winkNLP> | null = null;
const engine = () => (wink ??= winkNLP(model));

/**
 * Word hints from wink-nlp: a token wink tags as a proper noun (or does not know) may be part of
 * a name; any other part of speech is an ordinary word. wink's lite model has no gazetteer of
 * places, given names or organisations, so those hints stay "unknown".
 */
export const winkHints: WordHints = {
  tokens(text: string, tokens: readonly Token[]): WordHint[] {
    const w = engine();
    const doc = w.readDoc(text);
    // Map wink's tokens onto ours by walking both in order over the same text.
    const tags: { start: number; end: number; pos: string }[] = [];
    let at = 0;
    doc.tokens().each((t: ItemToken) => {
      const value = t.out();
      const start = text.indexOf(value, at);
      if (start < 0) return;
      tags.push({ start, end: start + value.length, pos: t.out(w.its.pos) as string });
      at = start + value.length;
    });
    let k = 0;
    return tokens.map((token) => {
      while (k < tags.length && tags[k]!.end <= token.start) k++;
      const tag = tags[k];
      if (tag === undefined || tag.start > token.start) return 'unknown';
      return tag.pos === 'PROPN' ? 'unknown' : 'common';
    });
  },
  phrase: () => null,
};

/** Milliseconds for wink-nlp to read a text and tag every token. */
export function winkTagMs(text: string): number {
  const w = engine();
  const t0 = performance.now();
  const doc = w.readDoc(text);
  let n = 0;
  doc.tokens().each((t: ItemToken) => {
    if (t.out(w.its.pos) === 'PROPN') n++;
  });
  return performance.now() - t0 + n * 0;
}

/** Milliseconds for compromise's full tagger to read a text and list people, places and organisations. */
export function compromiseTagMs(text: string): number {
  const t0 = performance.now();
  const doc = nlp(text);
  doc.people().out('array');
  doc.places().out('array');
  doc.organizations().out('array');
  return performance.now() - t0;
}

/**
 * Actor mentions as compromise's own tagger finds them (people, places, organisations), with no
 * rule of the engine: the baseline the engine's rules are measured against.
 */
export function compromiseEntities(text: string): { start: number; end: number; text: string; kind: 'person' | 'organization' | 'state' }[] {
  const doc = nlp(text);
  const out: { start: number; end: number; text: string; kind: 'person' | 'organization' | 'state' }[] = [];
  const take = (view: { json(options: object): unknown }, kind: 'person' | 'organization' | 'state') => {
    for (const m of view.json({ offset: true }) as { offset?: { start: number; length: number } }[]) {
      if (m.offset === undefined) continue;
      // compromise's offsets include trailing punctuation and possessives; trim them to the name.
      let end = m.offset.start + m.offset.length;
      const raw = text.slice(m.offset.start, end);
      const trimmed = raw.replace(/(?:['’]s)?[\s.,;:!?”"’»)]*$/u, '');
      end = m.offset.start + trimmed.length;
      out.push({ start: m.offset.start, end, text: trimmed, kind });
    }
  };
  take(doc.people(), 'person');
  take(doc.organizations(), 'organization');
  take(doc.places(), 'state');
  return out;
}
