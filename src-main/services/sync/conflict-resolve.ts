import { randomUUID } from 'node:crypto';
import { AppError } from '../../../src-shared/result';
import type { SyncConflictView } from '../../../src-shared/domain/sync';
import type { ArticleFile, ProjectFile } from '../../store/file-schemas';
import type { StoredConflict } from './sync-state';

type Choice = 'ours' | 'theirs' | 'both';
type Item = Record<string, unknown> & { id: string };

/** A value as people read it in the Conflicts list. */
function display(value: unknown): string {
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  if (value === null || value === undefined) return '(removed)';
  if (typeof value !== 'object') return String(value);
  const file = value as Partial<ArticleFile & ProjectFile>;
  if (file.article) {
    const n = file.annotations?.length ?? 0;
    return `“${file.article.title}” with ${n} ${n === 1 ? 'annotation' : 'annotations'}`;
  }
  if (file.actors) return `${file.actors.length} actors, ${file.tags?.length ?? 0} tags`;
  const item = value as { quote?: unknown; name?: unknown; label?: unknown };
  const name = item.quote ?? item.name ?? item.label;
  return typeof name === 'string' ? name : JSON.stringify(value).slice(0, 200);
}

/** Whether both values can be kept side by side: a copy of an item, both texts, both files' items. */
function canKeepBoth(conflict: StoredConflict): boolean {
  if (conflict.kind === 'file') return true;
  if (conflict.kind === 'annotation' || conflict.kind === 'actor' || conflict.kind === 'tag') return true;
  return typeof conflict.ours === 'string' && typeof conflict.theirs === 'string';
}

/** For a whole-file conflict: what differs, field by field, on this side. */
function displayFileSide(side: unknown, other: unknown): string {
  const file = side as Partial<ArticleFile & ProjectFile> | null;
  const otherFile = other as Partial<ArticleFile & ProjectFile> | null;
  if (!file) return '(removed)';
  const lines: string[] = [];
  if (file.article && otherFile?.article) {
    for (const [key, value] of Object.entries(file.article)) {
      if (key === 'updatedAt' || JSON.stringify(value) === JSON.stringify((otherFile.article as Record<string, unknown>)[key])) continue;
      lines.push(`${key === 'text' ? 'text' : key}: ${typeof value === 'string' ? (value.length > 160 ? `${value.slice(0, 160)}…` : value) : JSON.stringify(value)}`);
    }
  }
  lines.push(display(side));
  return lines.join('\n');
}

export function conflictView(conflict: StoredConflict): SyncConflictView {
  const match = /^articles\/(.+)\.json$/.exec(conflict.path);
  return {
    id: conflict.id,
    label: conflict.label,
    kind: conflict.kind,
    articleId: match?.[1] ?? null,
    ours: conflict.kind === 'file' ? displayFileSide(conflict.ours, conflict.theirs) : display(conflict.ours),
    theirs: conflict.kind === 'file' ? displayFileSide(conflict.theirs, conflict.ours) : display(conflict.theirs),
    kept: conflict.kept,
    theirAuthor: conflict.theirAuthor,
    canKeepBoth: canKeepBoth(conflict),
  };
}

/**
 * Applies a choice to the file the conflict lives in (a draft the caller saves as one undoable
 * step). Choosing the side the merge kept changes nothing; "both" keeps the kept value and adds
 * the other beside it (a copy of the item with a new id, or both texts).
 */
export function applyChoice(file: ArticleFile | ProjectFile, conflict: StoredConflict, choice: Choice): void {
  const other: 'ours' | 'theirs' = conflict.kept === 'ours' ? 'theirs' : 'ours';
  if (choice === conflict.kept) return;
  if (choice === 'both' && !canKeepBoth(conflict)) throw new AppError('invalid-input', 'These two values cannot both be kept; choose one.');
  if (conflict.kind === 'file') {
    const value = conflict[other] as ArticleFile | ProjectFile;
    if (choice === other) {
      Object.assign(file, structuredClone(value));
      return;
    }
    // Both: every item the other side has and this one lacks (by id) is added.
    const lists = 'annotations' in file ? (['annotations'] as const) : (['actors', 'tags'] as const);
    for (const key of lists) {
      const mine = (file as unknown as Record<string, Item[] | undefined>)[key] ?? [];
      const theirs = ((value as unknown as Record<string, Item[] | undefined>)[key] ?? []).filter((item) => !mine.some((m) => m.id === item.id));
      mine.push(...structuredClone(theirs));
    }
    return;
  }
  const value = structuredClone(conflict[other]);
  if (conflict.kind === 'article' || conflict.kind === 'project') {
    const target = (conflict.kind === 'article' ? (file as ArticleFile).article : file) as Record<string, unknown>;
    if (!conflict.field) throw new AppError('invalid-input', 'This conflict names no field to set.');
    target[conflict.field] = choice === 'both' ? `${String(target[conflict.field])}\n\n${String(value)}` : value;
    return;
  }
  const list = (conflict.kind === 'annotation' ? (file as ArticleFile).annotations : conflict.kind === 'actor' ? (file as ProjectFile).actors : (file as ProjectFile).tags) as unknown as Item[];
  const index = list.findIndex((item) => item.id === conflict.itemId);
  if (index < 0) throw new AppError('not-found', 'The item this conflict is about no longer exists.');
  const current = list[index]!;
  const changed: Item = conflict.field ? { ...current, [conflict.field]: value } : { ...(value as Item), id: current.id };
  if (choice === 'both') list.push({ ...changed, id: randomUUID() });
  else list[index] = changed;
}
