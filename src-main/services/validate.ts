import { MAX_ACTOR_NAME, MAX_ALIASES, type Actor } from '../../src-shared/domain/actor';
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

/** How two spellings of a name are compared: ignoring case, spacing and Unicode form. */
const aliasKey = (alias: string) => alias.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** Aliases without blanks, duplicates (ignoring case and spacing) or a copy of the name; inner spaces collapsed. */
export function cleanAliases(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([aliasKey(name)]);
  const result: string[] = [];
  for (const alias of aliases.map((a) => a.replace(/\s+/g, ' ').trim()).filter(Boolean)) {
    const key = aliasKey(alias);
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(alias);
  }
  return result;
}

/**
 * The actor's aliases with the words of a marked mention added, or null when they should not be
 * added: already known, longer than a name may be, across paragraphs, or the list is full. The
 * mention is marked either way; the alias only helps Find mentions.
 */
export function aliasesWithSelection(actor: Pick<Actor, 'name' | 'aliases'>, selection: string): string[] | null {
  if (selection.includes('\n')) return null;
  const alias = selection.replace(/\s+/g, ' ').trim();
  if (!alias || alias.length > MAX_ACTOR_NAME || actor.aliases.length >= MAX_ALIASES) return null;
  const next = cleanAliases(actor.name, [...actor.aliases, alias]);
  return next.length > actor.aliases.length ? next : null;
}
