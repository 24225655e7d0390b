import { describe, expect, it } from 'vitest';
import { buildNetwork, edgeId, networkArticle, type NetworkFilters } from './network-graph';
import { layoutNetwork } from './network-layout';
import { twoArticles } from './test-network-fixture';

const edgesOf = (graph: ReturnType<typeof buildNetwork>['graph']) => graph.edges.map((e) => `${e.type}:${e.source}>${e.target}×${e.count}`).sort();

describe('buildNetwork', () => {
  it('draws mentions inside claims and links between speakers', () => {
    const { graph, evidence } = buildNetwork(twoArticles());
    expect(edgesOf(graph)).toEqual(['contradicts:x2>x1×1', 'mentions:x1>x3×1', 'mentions:x2>x1×1', 'mentions:x2>x3×1']);
    expect(evidence.get(edgeId('contradicts', 'x2', 'x1'))).toEqual([{ articleId: 'a2', annotationId: 'c2' }]);
    // Nodes: every actor in scope, the unmentioned one left out, the most present first.
    expect(graph.nodes.map((n) => n.id)).toEqual(['x3', 'x1', 'x2', 'x4']);
    expect(graph.nodes.find((n) => n.id === 'x3')).toMatchObject({ mentions: 3, claims: 0, kind: 'state' });
    expect(graph.nodes.find((n) => n.id === 'x1')).toMatchObject({ mentions: 2, claims: 1 });
  });

  it('adds co-mention in a paragraph only when asked', () => {
    const { graph } = buildNetwork(twoArticles(), { coMention: true });
    expect(edgesOf(graph).filter((e) => e.startsWith('co-mention'))).toEqual(['co-mention:x1>x2×1', 'co-mention:x1>x3×2', 'co-mention:x2>x3×1', 'co-mention:x3>x4×1']);
  });

  it('filters by date, verification, tag and review status', () => {
    expect(edgesOf(buildNetwork(twoArticles(), { from: '2026-09-05' }).graph)).toEqual(['mentions:x2>x1×1', 'mentions:x2>x3×1']);
    expect(edgesOf(buildNetwork(twoArticles(), { to: '2026-09-05' }).graph)).toEqual(['mentions:x1>x3×1']);
    // A link needs both of its claims in the network.
    expect(edgesOf(buildNetwork(twoArticles(), { verification: 'contested' }).graph)).toEqual(['mentions:x1>x3×1']);
    expect(edgesOf(buildNetwork(twoArticles(), { tagId: 't1' }).graph)).toEqual(['mentions:x1>x3×1']);
    expect(edgesOf(buildNetwork(twoArticles(), { reviewStatus: 'reviewed' }).graph)).toEqual(['mentions:x2>x1×1', 'mentions:x2>x3×1']);
  });

  it('leaves out orphaned claims and undated articles once a date is set', () => {
    const input = twoArticles();
    const orphaned = { ...input, articles: input.articles.map((a) => ({ ...a, annotations: a.annotations.map((x) => (x.id === 'c2' ? { ...x, anchor: 'orphan' as const } : x)) })) };
    expect(edgesOf(buildNetwork(orphaned).graph)).toEqual(['mentions:x1>x3×1']);
    const undated = { ...input, articles: input.articles.map((a) => ({ ...a, article: { ...a.article, published: '' } })) };
    expect(buildNetwork(undated, { from: '2000-01-01' }).graph.edges).toEqual([]);
  });

  it('gives the same graph from the cached summaries of the articles as from their files, under every filter', () => {
    const input = twoArticles();
    const slim = { actors: input.actors, articles: input.articles.map(networkArticle) };
    // The summaries keep no text: co-mention comes from the paragraphs they keep.
    expect(slim.articles.every((a) => a.article.text === undefined)).toBe(true);
    const cases: NetworkFilters[] = [{}, { coMention: true }, { from: '2026-09-05' }, { verification: 'contested', coMention: true }, { tagId: 't1' }, { reviewStatus: 'reviewed' }];
    for (const filters of cases) {
      const full = buildNetwork(input, filters);
      const cached = buildNetwork(slim, filters);
      expect(cached.graph).toEqual(full.graph);
      expect(cached.evidence).toEqual(full.evidence);
    }
    expect(buildNetwork(slim, { coMention: true }).graph.edges.some((e) => e.type === 'co-mention')).toBe(true);
    // Without evidence asked for, the same graph and no evidence.
    const bare = buildNetwork(input, {}, { evidence: false });
    expect(bare.graph).toEqual(buildNetwork(input).graph);
    expect(bare.evidence.size).toBe(0);
  });

  it('lays out the same graph the same way, every node placed', () => {
    const { graph } = buildNetwork(twoArticles());
    const a = layoutNetwork(graph);
    expect([...a.keys()].sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect([...layoutNetwork(graph).values()]).toEqual([...a.values()]);
    for (const { x, y } of a.values()) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
  });
});
