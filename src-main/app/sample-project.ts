import type { Router } from '../api/router';
import sample from '../../resources/sample/meeting-at-the-un.json';

/**
 * Fills a brand-new default project with one made-up article, its actors, two graded claims and
 * a tagged highlight, so that a first-time user sees what the tool does. It goes through the
 * router like the user's own work, so the sample is validated and stored exactly like real data.
 */
export async function seedSampleProject(router: Router): Promise<void> {
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await router.handle(channel, input);
    if (!result.ok) throw new Error(`Could not create the sample project (${channel}): ${result.error.message}`);
    return result.value as T;
  };
  const article = await call<{ id: string; text: string }>('articles:create', {
    title: sample.title,
    source: sample.source,
    url: sample.url,
    published: sample.published,
    text: sample.text,
  });
  const tags = new Map<string, string>();
  for (const tag of sample.tags) tags.set(tag.name, (await call<{ id: string }>('tags:create', tag)).id);
  const actors = new Map<string, string>();
  for (const { affiliation, ...fields } of sample.actors as (typeof sample.actors[number] & { affiliation?: string })[]) {
    const created = await call<{ id: string }>('actors:create', { ...fields, affiliationId: affiliation ? actors.get(affiliation) : null });
    actors.set(fields.name, created.id);
    const found = await call<{ start: number; end: number }[]>('actors:find-mentions', { actorId: created.id, articleId: article.id });
    if (found.length > 0) await call('actors:accept-mentions', { actorId: created.id, mentions: found.map((m) => ({ articleId: article.id, start: m.start, end: m.end })) });
  }
  const range = (exact: string) => {
    const start = article.text.indexOf(exact);
    if (start === -1) throw new Error(`The sample passage "${exact}" is not in the sample text.`);
    return { articleId: article.id, start, end: start + exact.length, exact };
  };
  for (const claim of sample.claims) {
    await call('annotations:create', {
      ...range(claim.exact),
      kind: 'claim',
      tags: claim.tags.map((name) => tags.get(name)),
      note: claim.note,
      claim: {
        speakerId: actors.get(claim.speaker) ?? null,
        form: claim.form,
        medium: claim.medium,
        reliability: claim.reliability,
        credibility: claim.credibility,
        verification: claim.verification,
      },
    });
  }
  for (const highlight of sample.highlights) {
    await call('annotations:create', { ...range(highlight.exact), kind: 'highlight', tags: highlight.tags.map((name) => tags.get(name)), note: highlight.note });
  }
}
