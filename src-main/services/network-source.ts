import { networkArticle, type NetworkArticle } from '../../src-shared/network/network-graph';
import type { ProjectStore } from '../store/project-store';

/**
 * What the network is built from, per article (`networkArticle`: its claims and actor marks, no
 * text), kept in memory once read and replaced from every committed change, so that only the
 * first network of a session reads the article files; a filter change, the next visit to the
 * view or the claims behind a link are answered from memory. Holds a few hundred bytes per claim
 * and mark of the articles the network has read.
 */
export class NetworkSource {
  private readonly articles = new Map<string, NetworkArticle>();
  /** Counts change notifications, so that a read that started before a change does not replace it. */
  private changes = 0;
  private readonly changedAt = new Map<string, number>();

  constructor(private readonly store: ProjectStore) {
    store.onArticleChange((id, file) => {
      this.changedAt.set(id, ++this.changes);
      if (file) this.articles.set(id, networkArticle(file));
      else this.articles.delete(id);
    });
  }

  /** The summaries of these articles (those that exist), read from their files where not yet known. */
  async get(ids: readonly string[]): Promise<NetworkArticle[]> {
    const missing = ids.filter((id) => !this.articles.has(id));
    if (missing.length) {
      const started = this.changes;
      for (const file of await this.store.peekArticles(missing)) {
        const id = file.article.id;
        // Saved while it was read: the notification has already put the newer state here.
        if ((this.changedAt.get(id) ?? 0) > started) continue;
        this.articles.set(id, networkArticle(file));
      }
    }
    const found: NetworkArticle[] = [];
    for (const id of ids) {
      const article = this.articles.get(id);
      if (article) found.push(article);
    }
    return found;
  }
}
