import type { Handlers } from './handlers';
import { articleToMarkdown, reportFileName } from '../../src-shared/report/article-markdown';
import { AppError } from '../../src-shared/result';
import type { ProjectStore } from '../store/project-store';

export type ExportHandlers = Pick<Handlers, 'export:article-markdown'>;

export function exportHandlers(store: ProjectStore): ExportHandlers {
  return {
    'export:article-markdown': async ({ articleId }) => {
      const file = await store.readArticle(articleId);
      if (!file) throw new AppError('not-found', 'That article is no longer in the project. Reload the library.');
      return { fileName: reportFileName(file.article.title), markdown: articleToMarkdown(file.article, file.annotations) };
    },
  };
}
