import type { Handlers } from './handlers';
import { sliceWhole } from '../../src-shared/anchoring/quote-selector';
import type { ChannelOutput } from '../../src-shared/contract';
import { buildNetwork, edgeId, inDateRange, type NetworkFilters } from '../../src-shared/network/network-graph';
import { paragraphsOf } from '../../src-shared/text/canonical';
import type { ProjectStore } from '../store/project-store';

export type NetworkHandlers = Pick<Handlers, 'network:graph' | 'network:edge'>;
type Entry = ChannelOutput<'network:edge'>[number];

/**
 * The network view's data, computed here from the summaries and article files (the renderer
 * never sees the texts). Only articles that can add to the network are read: those in the date
 * range with a claim, or with two mentions when co-mention is asked for.
 */
export function networkHandlers(store: ProjectStore): NetworkHandlers {
  async function load(filters: NetworkFilters) {
    const ids: string[] = [];
    for (const s of store.summaries()) {
      if (!inDateRange(s.published, filters)) continue;
      const mentions = Object.values(s.actorMentions).reduce((sum, n) => sum + n, 0);
      if (s.claimCount > 0 || mentions > 0) ids.push(s.id);
    }
    const files = await store.peekArticles(ids);
    const actors = store.project.actors;
    return { files, network: buildNetwork({ actors, articles: files }, filters) };
  }

  return {
    'network:graph': async ({ filters }) => (await load(filters)).network.graph,

    'network:edge': async ({ source, target, type, filters }) => {
      const { files, network } = await load({ ...filters, coMention: filters.coMention || type === 'co-mention' });
      const proofs = network.evidence.get(edgeId(type, source, target)) ?? [];
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
