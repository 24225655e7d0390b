import type { Handlers } from '../api/handlers';
import sample from '../../resources/sample/meeting-at-the-un.json';

/**
 * Fills a brand-new default project with one made-up article and a few highlights, so that a
 * first-time user sees what the tool does. It goes through the same handlers as the user's own
 * work, so the sample is stored exactly like real data.
 */
export async function seedSampleProject(handlers: Pick<Handlers, 'articles:create' | 'annotations:create'>): Promise<void> {
  const article = await handlers['articles:create']({
    title: sample.title,
    source: sample.source,
    url: sample.url,
    published: sample.published,
    text: sample.text,
  });
  for (const exact of sample.highlights) {
    const start = article.text.indexOf(exact);
    if (start === -1) throw new Error(`The sample highlight "${exact}" is not in the sample text.`);
    await handlers['annotations:create']({ articleId: article.id, start, end: start + exact.length, exact, kind: 'highlight' });
  }
}
