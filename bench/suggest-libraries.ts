/**
 * compromise's own tagger, as the baseline the engine (which uses only compromise's lexicon) is
 * measured against (docs/performance.md, "Suggestions"). The wink-nlp adapter used in the same
 * comparison was removed with the package; it is in this file at commit c6394e2.
 */
import nlp from 'compromise';
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
