import { describeRange } from '../anchoring/quote-selector';
import type { ActorKind } from '../domain/actor';
import type { Annotation } from '../domain/annotation';
import type { Claim } from '../domain/claim';
import type { NetworkInput } from './network-graph';

const stamp = '2026-10-01T09:00:00.000Z';

/** An annotation on `passage` (the first occurrence) of `text`. */
export function mark(id: string, articleId: string, text: string, passage: string, extra: Partial<Annotation> = {}): Annotation {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`no "${passage}"`);
  return { id, articleId, kind: 'highlight', target: describeRange(text, start, start + passage.length), tags: [], note: '', status: 'draft', actorId: null, claim: null, anchor: 'anchored', createdAt: stamp, updatedAt: stamp, ...extra };
}

export const claimBy = (speakerId: string | null, extra: Partial<Claim> = {}): Claim => ({
  speakerId, form: 'direct-quote', medium: '', reliability: null, credibility: null, verification: 'unverified', links: [], ...extra,
});

export const person = (id: string, name: string, kind: ActorKind = 'person') => ({ id, name, kind });

/**
 * Two articles: Marnow (x1) says Caldonia (x3) holds the valley; a week later Kesić (x2) says
 * Caldonia never did, contradicting her, and names Marnow. Orla (x4) is mentioned beside Caldonia.
 */
export function twoArticles(): { actors: NetworkInput['actors']; articles: { article: { id: string; published: string; text: string }; annotations: Annotation[] }[] } {
  const t1 = 'Marnow said Caldonia holds the valley.\n\nOrla and Caldonia met on Monday.';
  const t2 = 'Kesić replied that Caldonia never held it and Marnow knows that.';
  const a1 = [
    mark('c1', 'a1', t1, 'Caldonia holds the valley', { kind: 'claim', tags: ['t1'], claim: claimBy('x1', { verification: 'contested', links: [{ type: 'contradicts', direction: 'in', articleId: 'a2', annotationId: 'c2' }] }) }),
    mark('m1', 'a1', t1, 'Marnow', { kind: 'actor', actorId: 'x1' }),
    mark('m2', 'a1', t1, 'Caldonia', { kind: 'actor', actorId: 'x3' }),
    mark('m3', 'a1', t1, 'Orla', { kind: 'actor', actorId: 'x4' }),
    mark('m4', 'a1', t1, 'Caldonia met', { kind: 'actor', actorId: 'x3' }),
  ];
  const a2 = [
    mark('c2', 'a2', t2, 'Caldonia never held it and Marnow knows that', { kind: 'claim', status: 'reviewed', claim: claimBy('x2', { links: [{ type: 'contradicts', direction: 'out', articleId: 'a1', annotationId: 'c1' }] }) }),
    mark('m5', 'a2', t2, 'Kesić', { kind: 'actor', actorId: 'x2' }),
    mark('m6', 'a2', t2, 'Caldonia', { kind: 'actor', actorId: 'x3' }),
    mark('m7', 'a2', t2, 'Marnow', { kind: 'actor', actorId: 'x1' }),
  ];
  return {
    actors: [person('x1', 'Ilse Marnow'), person('x2', 'Davor Kesić'), person('x3', 'Caldonia', 'state'), person('x4', 'Orla Bay', 'group'), person('x5', 'Nobody')],
    articles: [
      { article: { id: 'a1', published: '2026-09-01', text: t1 }, annotations: a1 },
      { article: { id: 'a2', published: '2026-09-08', text: t2 }, annotations: a2 },
    ],
  };
}
