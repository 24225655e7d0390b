import { randomUUID } from 'node:crypto';
import type { Handlers } from '../api/handlers';
import { describeRange, RangeError } from '../../src-shared/anchoring/quote-selector';
import type { Annotation } from '../../src-shared/domain/annotation';
import { AppError } from '../../src-shared/result';
import type { ArticleFile } from '../store/file-schemas';
import { ArticleMissingError, type ProjectStore } from '../store/project-store';

export type AnnotationHandlers = Pick<Handlers, 'annotations:create' | 'annotations:delete'>;

export function annotationHandlers(store: ProjectStore, now: () => Date = () => new Date()): AnnotationHandlers {
  return {
    'annotations:create': ({ articleId, start, end, exact, kind }) =>
      onArticle(store, articleId, (file) => {
        let target;
        try {
          target = describeRange(file.article.text, start, end);
        } catch (error) {
          if (error instanceof RangeError) throw new AppError('invalid-input', error.message);
          throw error;
        }
        if (exact !== undefined && exact !== target.exact) {
          throw new AppError('conflict', 'The article changed since it was opened: the selected text is not where it was. Reopen the article and select again.');
        }
        const stamp = now().toISOString();
        const annotation: Annotation = {
          id: randomUUID(),
          articleId,
          kind,
          target,
          tags: [],
          note: '',
          status: 'draft',
          createdAt: stamp,
          updatedAt: stamp,
        };
        file.annotations.push(annotation);
        return annotation;
      }),

    'annotations:delete': ({ articleId, id }) =>
      onArticle(store, articleId, (file) => {
        const index = file.annotations.findIndex((a) => a.id === id);
        if (index === -1) throw new AppError('not-found', 'That annotation no longer exists; it may already have been deleted.');
        file.annotations.splice(index, 1);
        return { id };
      }),
  };
}

async function onArticle<R>(store: ProjectStore, articleId: string, change: (file: ArticleFile) => R): Promise<R> {
  try {
    return await store.updateArticle(articleId, change);
  } catch (error) {
    if (error instanceof ArticleMissingError) throw new AppError('not-found', error.message);
    throw error;
  }
}
