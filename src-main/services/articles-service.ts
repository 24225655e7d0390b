import { randomUUID } from 'node:crypto';
import type { Handlers } from './handlers';
import { MAX_ARTICLE_TEXT, type Article } from '../../src-shared/domain/article';
import { canonicalizeText } from '../../src-shared/text/canonical';
import { resolveLanguage } from '../../src-shared/text/language';
import { AppError } from '../../src-shared/result';
import { reanchor } from '../../src-shared/anchoring/reanchor';
import type { ProjectStore } from '../store/project-store';
import { onArticle } from './annotations-service';
import type { History } from './history';

export type ArticleHandlers = Pick<Handlers, 'project:info' | 'articles:list' | 'articles:get' | 'articles:create' | 'articles:update' | 'articles:update-text'>;

/** The language and direction given, else guessed from the text's script. */
export function languageOf(text: string, given: { language?: string | undefined; direction?: 'ltr' | 'rtl' | undefined }): Pick<Article, 'language' | 'direction'> {
  const guessed = given.language === undefined || given.direction === undefined ? resolveLanguage(text, { lang: given.language ?? '' }) : null;
  return { language: given.language ?? guessed?.language ?? '', direction: given.direction ?? guessed?.direction ?? 'ltr' };
}

export function articleHandlers(store: ProjectStore, history: History, now: () => Date = () => new Date()): ArticleHandlers {
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
        ...(input.byline ? { byline: input.byline } : {}),
        text,
        ...languageOf(text, input),
        status: 'todo',
        note: '',
        createdAt: stamp,
        updatedAt: stamp,
      };
      await store.createArticle(article);
      return article;
    },

    'articles:update': ({ id, patch }) =>
      history.record(patch.status && Object.keys(patch).length === 1 ? 'Change article status' : 'Edit article details', (tx) =>
        onArticle(tx, id, (file) => {
          Object.assign(file.article, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
          file.article.updatedAt = now().toISOString();
          return file.article;
        }),
      ),

    'articles:update-text': ({ id, text: raw }) => {
      const text = canonicalizeText(raw);
      if (text.length === 0) throw new AppError('invalid-input', 'Text is empty: paste the corrected article text.');
      return history.record('Edit article text', (tx) =>
        onArticle(tx, id, (file) => {
          let orphaned = 0;
          for (const annotation of file.annotations) {
            const placed = reanchor(text, annotation.target);
            if (placed.status === 'anchored') {
              annotation.target = placed.target;
              annotation.anchor = 'anchored';
            } else {
              // The old selectors stay as they were: they are what a user re-attaches from.
              if (annotation.anchor !== 'orphan') orphaned++;
              annotation.anchor = 'orphan';
              annotation.target = { ...annotation.target, start: 0, end: Math.min(1, text.length) };
            }
          }
          file.article.text = text;
          file.article.updatedAt = now().toISOString();
          return { article: file.article, annotations: file.annotations, orphaned };
        }),
      );
    },
  };
}
