import { randomUUID } from 'node:crypto';
import { reanchorAll } from '../../../src-shared/anchoring/reanchor';
import type { Annotation } from '../../../src-shared/domain/annotation';
import type { ArticleFile, ProjectFile } from '../../store/file-schemas';
import { validArticle } from './article';
import { validProject } from './project';
import { annotationRef } from './refs';
import { MergeError, type MergeConflict, type MergeNote, type MergeOutcome } from './types';
import { elementKey, isPlainObject, mergeSet } from './values';

/** What the analyst chose for a conflict: one side's value, or both where that makes sense. */
export type ConflictChoice = 'ours' | 'theirs' | 'both';

type ProjectData = ArticleFile | ProjectFile;

const isArticleFile = (file: ProjectData): file is ArticleFile => 'article' in file;

/**
 * Applies the analyst's choice for a conflict to the merged file it belongs to, and answers the
 * file validated as every save (a failure throws `MergeError`, the given file untouched).
 * - `ours` / `theirs`: that side's value. Choosing the other article text places every
 *   annotation on it again (re-anchoring), and lists those that become orphans.
 * - `both`: free text is kept as both texts one after the other; lists of values as their union;
 *   an annotation is duplicated (ours' value on the original, theirs' on a copy with a new id
 *   and no claim links). Where none of these makes a valid file, `both` is refused
 *   (see `canKeepBoth`).
 */
export function resolveConflict<T extends ProjectData>(file: T, conflict: MergeConflict, choice: ConflictChoice, newId: () => string = randomUUID): MergeOutcome<T> {
  const notes: MergeNote[] = [];
  if (choice !== 'both') {
    const draft = structuredClone(file);
    if (conflict.item.kind === 'article' && conflict.fields.length === 1 && conflict.fields[0] === 'text' && isArticleFile(draft)) {
      chooseText(draft, conflict[choice] as string, conflict.file, notes);
    } else {
      setValue(draft, conflict, conflict[choice]);
    }
    return { merged: valid(draft, conflict.file), conflicts: [], notes };
  }
  for (const strategy of [joinTexts, unionLists, duplicateAnnotation]) {
    const draft = structuredClone(file);
    if (!strategy(draft, conflict, newId)) continue;
    try {
      return { merged: valid(draft, conflict.file), conflicts: [], notes };
    } catch {
      // The next way of keeping both may fit.
    }
  }
  throw new MergeError('Both values cannot be kept here: choose one of them.', conflict.file);
}

/** True when `resolveConflict(file, conflict, 'both')` would succeed. */
export function canKeepBoth(file: ProjectData, conflict: MergeConflict): boolean {
  try {
    resolveConflict(file, conflict, 'both', () => '00000000-0000-4000-8000-000000000000');
    return true;
  } catch {
    return false;
  }
}

function valid<T extends ProjectData>(file: T, path: string): T {
  return (isArticleFile(file) ? validArticle(file, path) : validProject(file)) as T;
}

/** The item a conflict is about, in a (copied) file. */
function itemOf(file: ProjectData, conflict: MergeConflict): Record<string, unknown> {
  const { kind, id } = conflict.item;
  let item: unknown;
  if (isArticleFile(file)) {
    if (kind === 'article') item = file.article.id === id ? file.article : undefined;
    else if (kind === 'annotation') item = file.annotations.find((a) => a.id === id);
  } else if (kind === 'project') item = file;
  else if (kind === 'actor') item = file.actors.find((a) => a.id === id);
  else if (kind === 'tag') item = file.tags.find((t) => t.id === id);
  if (!isPlainObject(item)) throw new MergeError(`The ${kind} this conflict is about is no longer in ${conflict.file}.`, conflict.file);
  return item;
}

/** Writes a value where the conflict points; `undefined` removes a key or an element. */
function setValue(file: ProjectData, conflict: MergeConflict, value: unknown): void {
  let container: unknown = itemOf(file, conflict);
  const path = [...conflict.path];
  if (conflict.fields.length === 0 && path.length === 0) {
    const item = container as Record<string, unknown>;
    for (const key of Object.keys(item)) delete item[key];
    Object.assign(item, structuredClone(value));
    return;
  }
  const element = conflict.fields.length === 0 ? path.pop() : undefined;
  for (const segment of path) {
    container = typeof segment === 'string' ? (isPlainObject(container) ? container[segment] : undefined) : Array.isArray(container) ? container.find((x) => elementKey(x) === segment.id) : undefined;
    if (container === undefined || container === null) throw new MergeError('The place this conflict is about is no longer in the file.', conflict.file);
  }
  if (element !== undefined && typeof element !== 'string') {
    if (!Array.isArray(container)) throw new MergeError('The list this conflict is about is no longer in the file.', conflict.file);
    const at = container.findIndex((x) => elementKey(x) === element.id);
    if (value === undefined) {
      if (at !== -1) container.splice(at, 1);
    } else if (at === -1) container.push(structuredClone(value));
    else container[at] = structuredClone(value);
    return;
  }
  const target = container as Record<string, unknown>;
  if (conflict.fields.length === 1) {
    if (value === undefined) delete target[conflict.fields[0]!];
    else target[conflict.fields[0]!] = structuredClone(value);
    return;
  }
  for (const field of conflict.fields) {
    const v = isPlainObject(value) ? value[field] : undefined;
    if (v === undefined) delete target[field];
    else target[field] = structuredClone(v);
  }
}

function chooseText(file: ArticleFile, text: string, path: string, notes: MergeNote[]): void {
  if (file.article.text === text) return;
  const results = reanchorAll(file.article.text, text, file.annotations.map((a) => a.target), file.annotations.map((a) => a.anchor === 'anchored'));
  file.annotations.forEach((a, i) => {
    const result = results[i]!;
    if (result.status === 'anchored') {
      a.target = result.target;
      a.anchor = 'anchored';
      return;
    }
    if (a.anchor === 'anchored') notes.push({ kind: 'orphaned', file: path, item: annotationRef(file, a), message: 'Its passage is not in the chosen text: it is listed with the orphans, to be re-attached or deleted.' });
    a.anchor = 'orphan';
    a.target = { ...a.target, start: 0, end: Math.min(1, text.length) };
  });
  file.article.text = text;
}

/** Two free texts (notes, descriptions): both kept, ours first. */
function joinTexts(file: ProjectData, conflict: MergeConflict): boolean {
  const { ours, theirs } = conflict;
  if (conflict.fields.length !== 1 || typeof ours !== 'string' || typeof theirs !== 'string' || conflict.fields[0] === 'text') return false;
  const multiline = /note|description/i.test(conflict.fields[0]!) || ours.includes('\n') || theirs.includes('\n');
  const joined = ours.includes(theirs) ? ours : theirs.includes(ours) ? theirs : [ours, theirs].filter((s) => s.trim()).join(multiline ? '\n\n' : ' / ');
  setValue(file, conflict, joined);
  return true;
}

/** Two lists of plain values (tags, aliases): their union. */
function unionLists(file: ProjectData, conflict: MergeConflict): boolean {
  const { ours, theirs } = conflict;
  if (conflict.fields.length !== 1 || !Array.isArray(ours) || !Array.isArray(theirs)) return false;
  if (![...ours, ...theirs].every((x) => typeof x === 'string' || typeof x === 'number')) return false;
  setValue(file, conflict, mergeSet([], ours, theirs));
  return true;
}

/** The annotation twice: ours' value on it, theirs' on a copy (same passage, new id, no links). */
function duplicateAnnotation(file: ProjectData, conflict: MergeConflict, newId: () => string): boolean {
  if (!isArticleFile(file) || conflict.item.kind !== 'annotation') return false;
  if (conflict.path.some((s) => typeof s !== 'string')) return false; // one claim link: choose it or not
  setValue(file, conflict, conflict.ours);
  const original = file.annotations.find((a) => a.id === conflict.item.id)!;
  const copy: Annotation = structuredClone(original);
  copy.id = newId();
  file.annotations.splice(file.annotations.indexOf(original) + 1, 0, copy);
  const copyId = copy.id;
  setValue(file, { ...conflict, item: { ...conflict.item, id: copyId } }, conflict.theirs);
  // A whole-item conflict writes theirs' id too: the copy keeps its own.
  copy.id = copyId;
  if (copy.claim) copy.claim.links = [];
  return true;
}

/** A project's merged files by path, as `mergeProjectTree` answers them. */
export type MergedFiles = ReadonlyMap<string, ProjectData>;

/**
 * `resolveConflict` on the file of a merged project the conflict belongs to; for a claim link it
 * also sets the link's other end, so both claims keep saying the same. Answers the files it
 * changed (by path), each validated.
 */
export function resolveConflictInFiles(files: MergedFiles, conflict: MergeConflict, choice: ConflictChoice, newId: () => string = randomUUID): MergeOutcome<Map<string, ProjectData>> {
  const file = files.get(conflict.file);
  if (!file) throw new MergeError(`${conflict.file} is no longer in the project.`, conflict.file);
  const outcome = resolveConflict(file, conflict, choice, newId);
  const changed = new Map<string, ProjectData>([[conflict.file, outcome.merged]]);
  const last = conflict.path[conflict.path.length - 1];
  const isLink = conflict.fields.length === 0 && typeof last === 'object' && conflict.path.includes('links') && choice !== 'both';
  if (isLink && conflict.item.articleId) {
    const chosen = conflict[choice] as ClaimLinkValue | undefined;
    const [articleId, annotationId] = last.id.split('/') as [string, string];
    const otherPath = `articles/${articleId}.json`;
    const other = structuredClone(changed.get(otherPath) ?? files.get(otherPath));
    const claim = other && isArticleFile(other) ? other.annotations.find((a) => a.id === annotationId)?.claim : undefined;
    if (other && claim) {
      const self = { articleId: conflict.item.articleId, annotationId: conflict.item.id };
      claim.links = claim.links.filter((l) => !(l.articleId === self.articleId && l.annotationId === self.annotationId));
      if (chosen) claim.links.push({ ...self, type: chosen.type, direction: chosen.direction === 'out' ? 'in' : 'out' });
      changed.set(otherPath, valid(other, otherPath));
    }
  }
  return { merged: changed, conflicts: [], notes: outcome.notes };
}

interface ClaimLinkValue {
  type: 'supports' | 'contradicts' | 'repeats';
  direction: 'in' | 'out';
}
