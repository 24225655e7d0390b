import type { Annotation } from '../../../src-shared/domain/annotation';
import type { Actor } from '../../../src-shared/domain/actor';
import type { Tag } from '../../../src-shared/domain/tag';
import type { ArticleFile, ProjectFile } from '../../store/file-schemas';
import type { MergeItemRef } from './types';

export const PROJECT_PATH = 'project.json';

/** The path of an article's file inside the project folder. */
export const articlePath = (id: string): string => `articles/${id}.json`;

const ARTICLE_PATH = /^articles\/([a-z0-9][a-z0-9-]{0,63})\.json$/;

/** The article id of an article file's path, or null for any other path. */
export function articleIdOfPath(path: string): string | null {
  return ARTICLE_PATH.exec(path)?.[1] ?? null;
}

/** True for the files a project merge understands: project.json and articles/<id>.json. */
export const isProjectDataPath = (path: string): boolean => path === PROJECT_PATH || articleIdOfPath(path) !== null;

const short = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export const annotationRef = (file: ArticleFile, a: Annotation): MergeItemRef => ({ kind: 'annotation', id: a.id, articleId: file.article.id, label: short(a.target.exact) });
export const articleRef = (file: ArticleFile): MergeItemRef => ({ kind: 'article', id: file.article.id, articleId: file.article.id, label: short(file.article.title) });
export const actorRef = (a: Actor): MergeItemRef => ({ kind: 'actor', id: a.id, label: a.name });
export const tagRef = (t: Tag): MergeItemRef => ({ kind: 'tag', id: t.id, label: t.name });
export const projectRef = (p: ProjectFile): MergeItemRef => ({ kind: 'project', id: p.id, label: p.name });
