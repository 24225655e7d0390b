import { z } from 'zod';
import { actorKindSchema, type Actor } from '../domain/actor';
import { reviewStatusSchema, type Annotation } from '../domain/annotation';
import { verificationSchema } from '../domain/claim';
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

/** What the graph is built from: the actor registry and the article files in scope. */
export interface NetworkInput {
  actors: readonly Pick<Actor, 'id' | 'name' | 'kind'>[];
  articles: readonly { article: { id: string; published: string; text: string }; annotations: readonly Annotation[] }[];
}

export const edgeId = (type: NetworkEdgeType, source: string, target: string): string => `${type}:${source}:${target}`;

/** Whether an article's date passes the date bounds. */
export function inDateRange(published: string, filters: NetworkFilters): boolean {
  if (!filters.from && !filters.to) return true;
  return published !== '' && (!filters.from || published >= filters.from) && (!filters.to || published <= filters.to);
}

function claimPasses(a: Annotation, filters: NetworkFilters): boolean {
  return (
    a.claim !== null &&
    (!filters.tagId || a.tags.includes(filters.tagId)) &&
    (!filters.verification || a.claim.verification === filters.verification) &&
    (!filters.reviewStatus || a.status === filters.reviewStatus)
  );
}

/**
 * Builds the network of who says what about whom. Edges run from a claim's speaker to each actor
 * marked inside the claim's passage (mentions), from a claim's speaker to the speaker of the
 * claim it supports, contradicts or repeats (its links marked `out`), and, when asked, between
 * actors marked in one paragraph (co-mention, source < target). Orphaned annotations (their
 * passage lost after an edit) and self-loops are left out; an edge's evidence lists the claims
 * (or mentions) behind it, in article order. Pure: the same input gives the same graph.
 */
export function buildNetwork(input: NetworkInput, filters: NetworkFilters = {}): { graph: NetworkGraph; evidence: Map<string, NetworkEvidence[]> } {
  const known = new Map(input.actors.map((a) => [a.id, a]));
  const mentions = new Map<string, number>();
  const claims = new Map<string, number>();
  const edges = new Map<string, NetworkEdge>();
  const evidence = new Map<string, NetworkEvidence[]>();
  const add = (type: NetworkEdgeType, source: string, target: string, proof: NetworkEvidence) => {
    if (source === target || !known.has(source) || !known.has(target)) return;
    const id = edgeId(type, source, target);
    const edge = edges.get(id);
    if (edge) edge.count++;
    else edges.set(id, { id, source, target, type, count: 1 });
    const list = evidence.get(id);
    if (list) list.push(proof);
    else evidence.set(id, [proof]);
  };

  // Speakers of passing claims, by `articleId/annotationId`, for the links' other ends.
  const speakerOf = new Map<string, string>();
  const inScope = input.articles.filter(({ article }) => inDateRange(article.published, filters));
  for (const { article, annotations } of inScope) {
    for (const a of annotations) if (a.anchor === 'anchored' && a.claim?.speakerId && claimPasses(a, filters)) speakerOf.set(`${article.id}/${a.id}`, a.claim.speakerId);
  }

  for (const { article, annotations } of inScope) {
    const marked = annotations.filter((a) => a.kind === 'actor' && a.actorId && a.anchor === 'anchored' && known.has(a.actorId)).sort((x, y) => x.target.start - y.target.start);
    // Mentions obey the tag and review-status filters too: "who is talked about in what is tagged X".
    const counted = marked.filter((m) => (!filters.tagId || m.tags.includes(filters.tagId)) && (!filters.reviewStatus || m.status === filters.reviewStatus));
    for (const m of counted) mentions.set(m.actorId!, (mentions.get(m.actorId!) ?? 0) + 1);
    for (const claim of annotations) {
      const speaker = claim.claim?.speakerId;
      if (!speaker || claim.anchor !== 'anchored' || !speakerOf.has(`${article.id}/${claim.id}`)) continue;
      claims.set(speaker, (claims.get(speaker) ?? 0) + 1);
      const proof = { articleId: article.id, annotationId: claim.id };
      const { start, end } = claim.target;
      const named = new Set<string>();
      for (const m of marked) {
        if (m.target.start >= end) break;
        if (m.target.end > start && m.target.start < end) named.add(m.actorId!);
      }
      for (const target of named) add('mentions', speaker, target, proof);
      for (const link of claim.claim!.links) {
        if (link.direction !== 'out') continue;
        const other = speakerOf.get(`${link.articleId}/${link.annotationId}`);
        if (other) add(link.type, speaker, other, proof);
      }
    }
    if (filters.coMention && marked.length > 1) {
      const passing = counted;
      let i = 0;
      for (const p of paragraphsOf(article.text)) {
        const inside: Annotation[] = [];
        while (i < passing.length && passing[i]!.target.start < p.end) {
          if (passing[i]!.target.start >= p.start) inside.push(passing[i]!);
          i++;
        }
        const ids = [...new Set(inside.map((m) => m.actorId!))].sort();
        for (let x = 0; x < ids.length; x++) {
          for (let y = x + 1; y < ids.length; y++) {
            const first = inside.find((m) => m.actorId === ids[x])!;
            add('co-mention', ids[x]!, ids[y]!, { articleId: article.id, annotationId: first.id });
          }
        }
      }
    }
  }

  const inGraph = new Set<string>([...mentions.keys(), ...claims.keys()]);
  for (const e of edges.values()) inGraph.add(e.source).add(e.target);
  const nodes = input.actors
    .filter((a) => inGraph.has(a.id))
    .map((a) => ({ id: a.id, name: a.name, kind: a.kind, mentions: mentions.get(a.id) ?? 0, claims: claims.get(a.id) ?? 0 }))
    .sort((a, b) => b.mentions + b.claims - (a.mentions + a.claims) || a.name.localeCompare(b.name));
  return { graph: { nodes, edges: [...edges.values()] }, evidence };
}
