import type { Handlers } from './handlers';
import { annotationsCsv, claimsCsv } from '../../src-shared/export/csv';
import { reportFileName } from '../../src-shared/report/article-markdown';
import { buildReport, reportToMarkdown, type ReportInput } from '../../src-shared/report/project-report';
import type { ReportScope } from '../../src-shared/report/report-options';
import { AppError } from '../../src-shared/result';
import type { ProjectStore } from '../store/project-store';
import { actorOf } from './validate';

export type ReportHandlers = Pick<Handlers, 'reports:markdown' | 'export:csv'>;

export function reportHandlers(store: ProjectStore, now: () => Date = () => new Date()): ReportHandlers {
  return {
    'reports:markdown': async (options) => {
      const input = await loadScope(store, options.scope, now);
      const markdown = reportToMarkdown(buildReport(input, options));
      const title = markdown.slice(2, markdown.indexOf('\n')).replace(/\\/g, '');
      return { fileName: reportFileName(title), markdown };
    },

    'export:csv': async ({ table, scope }) => {
      const input = await loadScope(store, scope, now);
      const csv = table === 'claims' ? claimsCsv(input) : annotationsCsv(input);
      return { fileName: reportFileName(`${input.projectName} ${table} ${input.generatedAt.slice(0, 10)}`, 'csv'), csv };
    },
  };
}

/** Loads the project-wide data and the articles a scope covers (only those). */
export async function loadScope(store: ProjectStore, scope: ReportScope, now: () => Date): Promise<ReportInput> {
  const project = store.project;
  let ids: string[];
  switch (scope.kind) {
    case 'article':
      ids = [scope.articleId];
      break;
    case 'articles':
      ids = scope.articleIds;
      break;
    case 'project':
      ids = [...store.summaries()].map((s) => s.id);
      break;
    case 'actor':
      actorOf(project, scope.actorId);
      ids = [...store.summaries()].filter((s) => s.actorMentions[scope.actorId] || s.speakerClaims[scope.actorId]).map((s) => s.id);
      break;
  }
  const articles = [];
  for (const id of ids) {
    const file = await store.readArticle(id);
    if (!file) throw new AppError('not-found', 'An article in the report is no longer in the project. Reload the library and try again.');
    articles.push({ article: file.article, annotations: file.annotations });
  }
  return { projectName: project.name, projectNotes: project.notes, actors: project.actors, tags: project.tags, articles, generatedAt: now().toISOString() };
}
