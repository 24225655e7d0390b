import { z } from 'zod';
import { actorKindSchema, type Actor } from '../domain/actor';
import { reviewStatusSchema, type Annotation } from '../domain/annotation';
import { verificationSchema, type Claim } from '../domain/claim';
import { idSchema } from '../domain/ids';
import { paragraphsOf } from '../text/canonical';

/** What an edge says: "A made a claim that mentions B", "A's claim supports B's claim"… */
export const networkEdgeTypeSchema = z.enum(['mentions', 'supports', 'contradicts', 'repeats', 'co-mention']);
export type NetworkEdgeType = z.infer<typeof networkEdgeTypeSchema>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written as YYYY-MM-DD');

/**
 * Which claims (and mentions) the network is drawn from. Empty means "any". Dates are the
 * articles' publication dates (an undated article is left out once a date bound is set); the
 * tag, verification and review status apply to the claims; co-mention in one paragraph is off
 * unless asked for (it is the densest kind of edge, and the least telling).
 */
export const networkFiltersSchema = z
  .object({
    from: day.optional(),
    to: day.optional(),
    tagId: idSchema.optional(),
    verification: verificationSchema.optional(),
    reviewStatus: reviewStatusSchema.optional(),
    coMention: z.boolean().default(false),
  })
  .strict();
export type NetworkFilters = z.input<typeof networkFiltersSchema>;

export const networkNodeSchema = z.object({
  id: idSchema,
  name: z.string(),
  kind: actorKindSchema,
  /** Times the actor is marked as mentioned, in the articles in scope. */
  mentions: z.number().int(),
  /** Claims the actor made, in scope. */
  claims: z.number().int(),
});
export type NetworkNode = z.infer<typeof networkNodeSchema>;

export const networkEdgeSchema = z.object({
  /** `type:source:target`, stable across calls: how the renderer asks for the claims behind it. */
  id: z.string(),
  source: idSchema,
  target: idSchema,
  type: networkEdgeTypeSchema,
  /** Claims (or, for co-mention, paragraphs) behind the edge. */
  count: z.number().int(),
});
export type NetworkEdge = z.infer<typeof networkEdgeSchema>;

/** A claim or mention behind an edge: where it is, for the edge's list of passages. */
export interface NetworkEvidence {
  articleId: string;
  annotationId: string;
}

export interface NetworkGraph {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

/** What of an annotation the network reads: a full `Annotation` is one. */
export interface NetworkAnnotation extends Pick<Annotation, 'id' | 'kind' | 'actorId' | 'anchor' | 'tags' | 'status'> {
  target: { start: number; end: number };
  claim: Pick<Claim, 'speakerId' | 'verification' | 'links'> | null;
}

/** An article as the network reads it: an article file is one; so is its cached summary (`networkArticle`). */
export interface NetworkArticle {
  article: { id: string; published: string; text?: string };
  /** The paragraphs as [start, end) ranges, for co-mention; taken from `article.text` when absent. */
  paragraphs?: readonly { start: number; end: number }[];
  annotations: readonly NetworkAnnotation[];
}

/** What the graph is built from: the actor registry and the articles in scope. */
export interface NetworkInput {
  actors: readonly Pick<Actor, 'id' | 'name' | 'kind'>[];
  articles: readonly NetworkArticle[];
}

export const edgeId = (type: NetworkEdgeType, source: string, target: string): string => `${type}:${source}:${target}`;

/** Whether an article's date passes the date bounds. */
export function inDateRange(published: string, filters: NetworkFilters): boolean {
  if (!filters.from && !filters.to) return true;
  return published !== '' && (!filters.from || published >= filters.from) && (!filters.to || published <= filters.to);
}

function claimPasses(a: NetworkAnnotation, filters: NetworkFilters): boolean {
  return (
    a.claim !== null &&
    (!filters.tagId || a.tags.includes(filters.tagId)) &&
    (!filters.verification || a.claim.verification === filters.verification) &&
    (!filters.reviewStatus || a.status === filters.reviewStatus)
  );
}

const marksActor = (a: NetworkAnnotation) => a.kind === 'actor' && a.actorId !== null && a.anchor === 'anchored';

/**
 * Only what the network reads of an article file, to keep in memory for many articles: its
 * claims and actor marks (not its text, highlights, notes or quotes), and its paragraphs when two
 * actors are marked in it (all co-mention needs of the text). `buildNetwork` gives the same graph
 * for this as for the file.
 */
export function networkArticle(file: NetworkArticle): NetworkArticle {
  const annotations: NetworkAnnotation[] = [];
  let marks = 0;
  for (const a of file.annotations) {
    if (a.anchor !== 'anchored' || !(a.claim?.speakerId || marksActor(a))) continue;
    if (marksActor(a)) marks++;
    const { id, kind, actorId, anchor, tags, status, target, claim } = a;
    annotations.push({ id, kind, actorId, anchor, tags, status, target: { start: target.start, end: target.end }, claim: claim && { speakerId: claim.speakerId, verification: claim.verification, links: claim.links } });
  }
  const { id, published, text } = file.article;
  const paragraphs = file.paragraphs ?? (marks > 1 && text !== undefined ? paragraphsOf(text).map(({ start, end }) => ({ start, end })) : []);
  return { article: { id, published }, paragraphs, annotations };
}

interface Tally {
  type: NetworkEdgeType;
  source: number;
  target: number;
  count: number;
  proofs: NetworkEvidence[] | null;
}

/**
 * Builds the network of who says what about whom. Edges run from a claim's speaker to each actor
 * marked inside the claim's passage (mentions), from a claim's speaker to the speaker of the
 * claim it supports, contradicts or repeats (its links marked `out`), and, when asked, between
 * actors marked in one paragraph (co-mention, source < target). Orphaned annotations (their
 * passage lost after an edit) and self-loops are left out; an edge's evidence lists the claims
 * (or mentions) behind it, in article order (collected unless `evidence` is false: the drawing
 * does not need it). Pure: the same input gives the same graph.
 *
 * Actors are counted by their index in the registry and edges kept under a number made of type,
 * source and target: tens of thousands of claims are tallied without building a string each.
 */
export function buildNetwork(input: NetworkInput, filters: NetworkFilters = {}, { evidence: collect = true } = {}): { graph: NetworkGraph; evidence: Map<string, NetworkEvidence[]> } {
  const actors = input.actors;
  const n = actors.length;
  const index = new Map<string, number>();
  actors.forEach((a, i) => index.set(a.id, i));
  const mentions = new Float64Array(n);
  const claims = new Float64Array(n);
  const edges = new Map<number, Tally>();
  const add = (type: NetworkEdgeType, source: number, target: number, proof: NetworkEvidence | null) => {
    if (source === target) return;
    const key = (TYPE_INDEX[type] * n + source) * n + target;
    const edge = edges.get(key);
    if (edge) {
      edge.count++;
      if (proof) edge.proofs?.push(proof);
    } else edges.set(key, { type, source, target, count: 1, proofs: proof ? [proof] : null });
  };

  // Speakers (as actor indexes) of passing claims, by article and annotation id, for the links' other ends.
  const speakerOf = new Map<string, Map<string, number>>();
  const inScope = input.articles.filter(({ article }) => inDateRange(article.published, filters));
  for (const { article, annotations } of inScope) {
    const speakers = new Map<string, number>();
    for (const a of annotations) {
      const speaker = a.claim?.speakerId ? index.get(a.claim.speakerId) : undefined;
      if (speaker !== undefined && a.anchor === 'anchored' && claimPasses(a, filters)) speakers.set(a.id, speaker);
    }
    if (speakers.size) speakerOf.set(article.id, speakers);
  }

  for (const { article, paragraphs, annotations } of inScope) {
    const marked = annotations.filter((a) => marksActor(a) && index.has(a.actorId!)).sort((x, y) => x.target.start - y.target.start);
    const markedActor = marked.map((m) => index.get(m.actorId!)!);
    // Mentions obey the tag and review-status filters too: "who is talked about in what is tagged X".
    const counted = marked.filter((m) => (!filters.tagId || m.tags.includes(filters.tagId)) && (!filters.reviewStatus || m.status === filters.reviewStatus));
    for (const m of counted) mentions[index.get(m.actorId!)!]!++;
    const speakers = speakerOf.get(article.id);
    if (speakers) {
      for (const claim of annotations) {
        const speaker = speakers.get(claim.id);
        if (speaker === undefined) continue;
        claims[speaker]!++;
        // The drawing needs only counts: no evidence object per claim unless asked.
        const proof = collect ? { articleId: article.id, annotationId: claim.id } : null;
        const { start, end } = claim.target;
        const named: number[] = [];
        for (let k = 0; k < marked.length; k++) {
          const m = marked[k]!;
          if (m.target.start >= end) break;
          if (m.target.end > start && !named.includes(markedActor[k]!)) named.push(markedActor[k]!);
        }
        for (const target of named) add('mentions', speaker, target, proof);
        for (const link of claim.claim!.links) {
          if (link.direction !== 'out') continue;
          const other = speakerOf.get(link.articleId)?.get(link.annotationId);
          if (other !== undefined) add(link.type, speaker, other, proof);
        }
      }
    }
    if (filters.coMention && marked.length > 1) {
      const passing = counted;
      let i = 0;
      for (const p of paragraphs ?? paragraphsOf(article.text ?? '')) {
        const inside: NetworkAnnotation[] = [];
        while (i < passing.length && passing[i]!.target.start < p.end) {
          if (passing[i]!.target.start >= p.start) inside.push(passing[i]!);
          i++;
        }
        const ids = [...new Set(inside.map((m) => m.actorId!))].sort();
        for (let x = 0; x < ids.length; x++) {
          for (let y = x + 1; y < ids.length; y++) {
            const first = inside.find((m) => m.actorId === ids[x])!;
            add('co-mention', index.get(ids[x]!)!, index.get(ids[y]!)!, collect ? { articleId: article.id, annotationId: first.id } : null);
          }
        }
      }
    }
  }

  const inGraph = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (mentions[i]! > 0 || claims[i]! > 0) inGraph[i] = 1;
  const graphEdges: NetworkEdge[] = [];
  const proofs = new Map<string, NetworkEvidence[]>();
  for (const e of edges.values()) {
    inGraph[e.source] = inGraph[e.target] = 1;
    const source = actors[e.source]!.id;
    const target = actors[e.target]!.id;
    const id = edgeId(e.type, source, target);
    graphEdges.push({ id, source, target, type: e.type, count: e.count });
    if (e.proofs) proofs.set(id, e.proofs);
  }
  const nodes: NetworkNode[] = [];
  actors.forEach((a, i) => {
    if (inGraph[i]) nodes.push({ id: a.id, name: a.name, kind: a.kind, mentions: mentions[i]!, claims: claims[i]! });
  });
  nodes.sort((a, b) => b.mentions + b.claims - (a.mentions + a.claims) || byName(a.name, b.name));
  return { graph: { nodes, edges: graphEdges }, evidence: proofs };
}

/** One collator for every sort by name (`localeCompare` makes one per call: most of the sort's time at 2,000 actors). */
const byName = new Intl.Collator().compare;

const TYPE_INDEX: Record<NetworkEdgeType, number> = { mentions: 0, supports: 1, contradicts: 2, repeats: 3, 'co-mention': 4 };
