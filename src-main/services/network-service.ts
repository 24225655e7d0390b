import type { Handlers } from './handlers';
import { sliceWhole } from '../../src-shared/anchoring/quote-selector';
import type { ChannelOutput } from '../../src-shared/contract';
import { buildNetwork, edgeId, inDateRange, type NetworkFilters } from '../../src-shared/network/network-graph';
import { paragraphsOf } from '../../src-shared/text/canonical';
import type { ProjectStore } from '../store/project-store';
import { NetworkSource } from './network-source';

export type NetworkHandlers = Pick<Handlers, 'network:graph' | 'network:edge'>;
type Entry = ChannelOutput<'network:edge'>[number];

/**
 * The network view's data, computed here (the renderer never sees the texts) from the articles'
 * network summaries (`NetworkSource`: read from the files once, then kept current). Only articles
 * that can add to the network are asked for: those in the date range with a claim or a mention.
 * The claims behind an edge read only the files they quote from.
 */
export function networkHandlers(store: ProjectStore): NetworkHandlers {
  const source = new NetworkSource(store);

  async function build(filters: NetworkFilters, evidence: boolean) {
    const ids: string[] = [];
    for (const s of store.summaries()) {
      if (!inDateRange(s.published, filters)) continue;
      const mentions = Object.values(s.actorMentions).reduce((sum, n) => sum + n, 0);
      if (s.claimCount > 0 || mentions > 0) ids.push(s.id);
    }
    return { ids, network: buildNetwork({ actors: store.project.actors, articles: await source.get(ids) }, filters, { evidence }) };
  }

  return {
    'network:graph': async ({ filters }) => (await build(filters, false)).network.graph,

    'network:edge': async ({ source: from, target, type, filters }) => {
      const { ids, network } = await build({ ...filters, coMention: filters.coMention || type === 'co-mention' }, true);
      const proofs = network.evidence.get(edgeId(type, from, target)) ?? [];
      // The articles of the claims behind the edge, and those in the network that they link to (for their quotes).
      const behind = new Set(proofs.map((p) => `${p.articleId}/${p.annotationId}`));
      const inScope = new Set(ids);
      const wanted = new Set(proofs.map((p) => p.articleId));
      for (const article of await source.get([...wanted])) {
        for (const a of article.annotations) {
          if (!behind.has(`${article.article.id}/${a.id}`)) continue;
          for (const link of a.claim?.links ?? []) if (inScope.has(link.articleId)) wanted.add(link.articleId);
        }
      }
      const files = await store.peekArticles([...wanted]);
      const byId = new Map(files.map((f) => [f.article.id, f]));
      const claimText = new Map<string, string>();
      for (const f of files) for (const a of f.annotations) if (a.claim) claimText.set(`${f.article.id}/${a.id}`, a.target.exact);
      const entries: Entry[] = [];
      for (const { articleId, annotationId } of proofs) {
        const file = byId.get(articleId);
        const annotation = file?.annotations.find((a) => a.id === annotationId);
        if (!file || !annotation) continue;
        const { article } = file;
        const { start, end } = annotation.target;
        const paragraphs = paragraphsOf(article.text);
        const at = paragraphs.findIndex((p) => p.end > start);
        entries.push({
          articleId,
          articleTitle: article.title,
          source: article.source,
          published: article.published,
          paragraph: (at === -1 ? paragraphs.length - 1 : at) + 1,
          before: sliceWhole(article.text, start - 120, start),
          after: sliceWhole(article.text, end, end + 120),
          annotation,
          links: (annotation.claim?.links ?? []).map((l) => ({ ...l, text: claimText.get(`${l.articleId}/${l.annotationId}`) ?? '(a claim in an article not in the network)' })),
        });
      }
      return entries.sort((a, b) => (a.published || '9999').localeCompare(b.published || '9999') || a.articleTitle.localeCompare(b.articleTitle) || a.annotation.target.start - b.annotation.target.start);
    },
  };
}
