import { randomUUID } from 'node:crypto';
import type { Handlers } from './handlers';
import { MAX_ARTICLE_TEXT, type Article, type ArticlePatch } from '../../src-shared/domain/article';
import { stampCreated, stampUpdated, type AuthorProvider } from '../../src-shared/domain/author';
import { canonicalizeText } from '../../src-shared/text/canonical';
import { resolveLanguage } from '../../src-shared/text/detect-language';
import { AppError } from '../../src-shared/result';
import { reanchorAll } from '../../src-shared/anchoring/reanchor';
import { createReanchorer, type Reanchorer } from './reanchorer';
import type { ProjectStore } from '../store/project-store';
import { onArticle } from './annotations-service';
import type { History } from './history';

export type ArticleHandlers = Pick<Handlers, 'project:info' | 'articles:list' | 'articles:get' | 'articles:create' | 'articles:update' | 'articles:update-text'>;

/** The language and direction given, else guessed from the text's script. */
export function languageOf(text: string, given: { language?: string | undefined; direction?: 'ltr' | 'rtl' | undefined }): Pick<Article, 'language' | 'direction'> {
  const guessed = given.language === undefined || given.direction === undefined ? resolveLanguage(text, { lang: given.language ?? '' }) : null;
  return { language: given.language ?? guessed?.language ?? '', direction: given.direction ?? guessed?.direction ?? 'ltr' };
}

export function articleHandlers(store: ProjectStore, history: History, now: () => Date, author: AuthorProvider, reanchorer: Reanchorer = createReanchorer()): ArticleHandlers {
  return {
    'project:info': async () => ({
      name: store.project.name,
      directory: store.directory,
      articleCount: store.articleCount,
      problems: [...store.problems],
      checking: store.isChecking,
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
      stampCreated(article, author());
      await store.createArticle(article);
      return article;
    },

    'articles:update': ({ id, patch }) =>
      history.record(stepLabel(patch), (tx) =>
        onArticle(tx, id, (file) => {
          const { direction, ...fields } = patch;
          Object.assign(file.article, Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
          if (direction === 'auto') delete file.article.direction;
          else if (direction) file.article.direction = direction;
          file.article.updatedAt = now().toISOString();
          stampUpdated(file.article, author());
          return file.article;
        }),
      ),

    'articles:update-text': async ({ id, text: raw }) => {
      const text = canonicalizeText(raw);
      if (text.length === 0) throw new AppError('invalid-input', 'Text is empty: paste the corrected article text.');
      // Re-anchoring a long article runs in a worker while other requests are answered; the
      // results are applied only if the article has not changed meanwhile (else computed again).
      for (let attempt = 0; ; attempt++) {
        const before = await store.readArticle(id);
        if (!before) throw new AppError('not-found', 'That article is no longer in the project. Reload the library.');
        const targets = before.annotations.map((a) => a.target);
        const results = await reanchorer.run(before.article.text, text, targets, before.annotations.map((a) => a.anchor === 'anchored'));
        const placedFor = new Map(before.annotations.map((a, i) => [a.id, { target: a.target, anchor: a.anchor, result: results[i]! }]));
        const outcome = await history.record('Edit article text', (tx) =>
          onArticle(tx, id, (file) => {
            // Throwing before any change leaves the file unwritten and no step on the undo stack.
            if (file.article.text !== before.article.text) throw new ChangedMeanwhile();
            let orphaned = 0;
            // Annotations added or moved while the worker ran are few: placed here, in-thread.
            const late = file.annotations.filter((a) => {
              const known = placedFor.get(a.id);
              return !known || known.target !== a.target || known.anchor !== a.anchor;
            });
            const lateResults = late.length ? reanchorAll(file.article.text, text, late.map((a) => a.target), late.map((a) => a.anchor === 'anchored')) : [];
            for (const annotation of file.annotations) {
              const lateAt = late.indexOf(annotation);
              const placed = lateAt === -1 ? placedFor.get(annotation.id)!.result : lateResults[lateAt]!;
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
            stampUpdated(file.article, author());
            return { article: file.article, annotations: file.annotations, orphaned };
          }),
        ).catch((error: unknown) => {
          if (error instanceof ChangedMeanwhile) return null;
          throw error;
        });
        if (outcome) return outcome;
        if (attempt >= 2) throw new AppError('conflict', 'The article text was changed by another edit while this one was being saved; nothing of this edit was saved. Open the article again and repeat the edit.');
      }
    },
  };
}

/** The undo menu's name for an edit of these fields. */
function stepLabel(patch: ArticlePatch): string {
  const keys = Object.keys(patch);
  if (keys.length === 1 && patch.status) return 'Change article status';
  if (keys.every((k) => k === 'language' || k === 'direction')) return 'Change article language';
  if (keys.length === 1 && patch.byline !== undefined) return 'Edit byline';
  return 'Edit article details';
}

/** The article's text changed while its annotations were being placed for the new text. */
class ChangedMeanwhile extends Error {}
