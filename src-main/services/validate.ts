import { AppError } from '../../src-shared/result';
import type { ArticleFile, ProjectFile } from '../store/file-schemas';

/** Lookups that turn a missing reference into the error a user can act on. */
export function actorOf(project: ProjectFile, id: string) {
  const actor = project.actors.find((a) => a.id === id);
  if (!actor) throw new AppError('not-found', 'That actor is no longer in the registry. Reload and pick another.');
  return actor;
}

export function tagOf(project: ProjectFile, id: string) {
  const tag = project.tags.find((t) => t.id === id);
  if (!tag) throw new AppError('not-found', 'That tag is no longer in the codebook. Reload and pick another.');
  return tag;
}

export function assertTagsExist(project: ProjectFile, ids: readonly string[]): void {
  for (const id of ids) tagOf(project, id);
}

export function annotationOf(file: ArticleFile, id: string) {
  const annotation = file.annotations.find((a) => a.id === id);
  if (!annotation) throw new AppError('not-found', 'That annotation no longer exists; it may have been deleted or undone.');
  return annotation;
}

export const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** Aliases without blanks, duplicates (ignoring case) or a copy of the name. */
export function cleanAliases(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([name.trim().toLowerCase()]);
  const result: string[] = [];
  for (const alias of aliases.map((a) => a.trim()).filter(Boolean)) {
    const key = alias.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(alias);
  }
  return result;
}
