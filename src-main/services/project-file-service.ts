import { z } from 'zod';
import type { Handlers } from './handlers';
import { reportFileName } from '../../src-shared/report/article-markdown';
import { AppError } from '../../src-shared/result';
import { ARTICLE_FORMAT, articleFileSchema, PROJECT_FORMAT, projectFileSchema } from '../store/file-schemas';
import type { ProjectStore } from '../store/project-store';

export type ProjectFileHandlers = Pick<Handlers, 'project:export' | 'project:import'>;

export const PROJECT_FILE_KIND = 'analyst-workbench-project';
export const PROJECT_FILE_VERSION = 1;

/** The backup / exchange file: everything in the project, in the store's own formats. */
const projectExportSchema = z.object({
  kind: z.literal(PROJECT_FILE_KIND),
  schemaVersion: z.literal(PROJECT_FILE_VERSION),
  exportedAt: z.string(),
  project: projectFileSchema,
  articles: z.array(articleFileSchema),
});

export function projectFileHandlers(store: ProjectStore, now: () => Date = () => new Date()): ProjectFileHandlers {
  return {
    'project:export': async () => {
      const articles = [];
      for await (const file of store.articles()) articles.push(file);
      const exportedAt = now().toISOString();
      const json = JSON.stringify({ kind: PROJECT_FILE_KIND, schemaVersion: PROJECT_FILE_VERSION, exportedAt, project: store.project, articles }, null, 2);
      return { fileName: reportFileName(`${store.project.name} ${exportedAt.slice(0, 10)}`, 'workbench.json'), json: `${json}\n` };
    },

    'project:import': async ({ json }) => {
      if (store.articleCount > 0 || store.project.actors.length > 0 || store.project.tags.length > 0) {
        throw new AppError('conflict', 'A project file can only be restored into an empty project. Start the app with --project and a new, empty folder, then import the file there.');
      }
      const file = parseProjectFile(json);
      // Written beside the project and switched in whole (the store checks emptiness again, then).
      await store.restoreBackup(file.project, file.articles);
      const annotations = file.articles.reduce((n, a) => n + a.annotations.length, 0);
      return { articles: file.articles.length, annotations, actors: file.project.actors.length, tags: file.project.tags.length };
    },
  };
}

/** Validates a project file completely, including every reference between its parts. */
export function parseProjectFile(json: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new AppError('invalid-input', `This is not a project file: it is not valid JSON (${(error as Error).message}).`);
  }
  const kind = (raw as { kind?: unknown } | null)?.kind;
  if (kind !== PROJECT_FILE_KIND) throw new AppError('invalid-input', 'This is not an Analyst Workbench project file (its "kind" is missing or different).');
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > PROJECT_FILE_VERSION) {
    throw new AppError('invalid-input', `This project file was written by a newer version of Analyst Workbench (format ${version}); update the app to import it.`);
  }
  const parsed = projectExportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('invalid-input', `The project file is damaged: ${issue.path.join('.') || 'file'}: ${issue.message}. Nothing was imported.`);
  }
  const file = parsed.data;
  if (file.project.schemaVersion > PROJECT_FORMAT || file.articles.some((a) => a.schemaVersion > ARTICLE_FORMAT)) {
    throw new AppError('invalid-input', 'The project file holds parts in a newer format than this app reads. Nothing was imported.');
  }
  const actorIds = new Set(file.project.actors.map((a) => a.id));
  const tagIds = new Set(file.project.tags.map((t) => t.id));
  const articleIds = new Set<string>();
  for (const [i, { article, annotations }] of file.articles.entries()) {
    if (articleIds.has(article.id)) throw new AppError('invalid-input', `The project file is damaged: article ${article.id} appears twice.`);
    articleIds.add(article.id);
    for (const a of annotations) {
      const where = `articles.${i} (${article.title}), annotation ${a.id}`;
      if (a.actorId && !actorIds.has(a.actorId)) throw new AppError('invalid-input', `The project file is damaged: ${where} names an actor that is not in the file.`);
      if (a.claim?.speakerId && !actorIds.has(a.claim.speakerId)) throw new AppError('invalid-input', `The project file is damaged: ${where} has a speaker that is not in the file.`);
      if (a.tags.some((t) => !tagIds.has(t))) throw new AppError('invalid-input', `The project file is damaged: ${where} uses a tag that is not in the file.`);
      if (a.anchor === 'anchored' && article.text.slice(a.target.start, a.target.end) !== a.target.exact) {
        throw new AppError('invalid-input', `The project file is damaged: ${where} does not match its article's text.`);
      }
      // A link to a claim that is not in the file is kept as it is: the exporting project had it
      // too when the linked article was set aside as damaged, and it tolerates such links.
    }
  }
  return file;
}
