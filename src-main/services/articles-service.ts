import { randomUUID } from 'node:crypto';
import type { Handlers } from '../api/handlers';
import { MAX_ARTICLE_TEXT, type Article } from '../../src-shared/domain/article';
import { canonicalizeText } from '../../src-shared/text/canonical';
import { AppError } from '../../src-shared/result';
import type { ProjectStore } from '../store/project-store';

export type ArticleHandlers = Pick<Handlers, 'project:info' | 'articles:list' | 'articles:get' | 'articles:create'>;

export function articleHandlers(store: ProjectStore, now: () => Date = () => new Date()): ArticleHandlers {
  return {
    'project:info': async () => ({
      name: store.project.name,
      directory: store.directory,
      articleCount: store.articleCount,
      problems: [...store.problems],
    }),

    'articles:list': async () => store.listSummaries(),

    'articles:get': async ({ id }) => {
      const file = await store.readArticle(id);
      if (!file) throw new AppError('not-found', 'That article is no longer in the project. Reload the library.');
      return { article: file.article, annotations: file.annotations };
    },

    'articles:create': async (input) => {
      const text = canonicalizeText(input.text);
      if (text.length === 0) throw new AppError('invalid-input', 'Text is empty: paste the article text.');
      if (text.length > MAX_ARTICLE_TEXT) throw new AppError('too-large', 'Text is larger than 5 MB: split the article or shorten it.');
      const stamp = now().toISOString();
      const article: Article = {
        id: randomUUID(),
        title: input.title,
        source: input.source,
        url: input.url,
        published: input.published,
        text,
        status: 'todo',
        createdAt: stamp,
        updatedAt: stamp,
      };
      await store.createArticle(article);
      return article;
    },
  };
}
