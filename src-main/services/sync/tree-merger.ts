import { isDeepStrictEqual } from 'node:util';

/**
 * A project as Git holds it, parsed: path inside the project folder (`project.json`,
 * `articles/<id>.json`) → the file's parsed JSON. Only the paths a merge needs are present.
 */
export type ProjectTree = ReadonlyMap<string, unknown>;

/** Which side a merge kept for a conflict, or which the analyst chose. */
export type MergeSide = 'ours' | 'theirs';

/**
 * Two edits of the same field of the same item: the merge kept one value (`kept`) by its stated
 * rule and lists the other so the analyst can choose (or keep both, where both can coexist).
 */
export interface MergeConflict {
  /** Stable within one merge; the service gives each stored conflict its own id. */
  id: string;
  /** The file the item lives in (`project.json` or `articles/<id>.json`). */
  path: string;
  /** What kind of item: `file` when a merger could only compare whole files. */
  kind: 'annotation' | 'actor' | 'tag' | 'article' | 'project' | 'file';
  /** The item's id (null for the article or project itself, or a whole file). */
  itemId: string | null;
  /** The field both sides changed (null for a whole item or file). */
  field: string | null;
  /** For people: what was edited on both sides. */
  label: string;
  ours: unknown;
  theirs: unknown;
  kept: MergeSide;
}

/** What a three-way merge produced. */
export interface TreeMergeResult {
  /** Every path that differs from `ours` after the merge → its merged content, or null when deleted. */
  files: Map<string, unknown | null>;
  conflicts: MergeConflict[];
  /** For people: what the merge did that deserves a mention (kept edits over deletions, orphans). */
  notes: string[];
}

/**
 * A three-way merge of parsed project files by identity (never as text). The sync service takes
 * one by injection; the real one lives in `src-main/services/merge/`.
 */
export type TreeMerger = (base: ProjectTree, ours: ProjectTree, theirs: ProjectTree) => Promise<TreeMergeResult>;

/**
 * A stand-in that merges whole files: a file changed on one side only takes that side; a file
 * changed differently on both sides takes the remote's version (already shared, so every analyst
 * who merges ends with the same file) and lists the local one as a `file` conflict, so nothing is
 * lost but nothing inside the file is merged either. Used until the merge by identity lands.
 */
export const fileLevelMerger: TreeMerger = async (base, ours, theirs) => {
  const files = new Map<string, unknown | null>();
  const conflicts: MergeConflict[] = [];
  const paths = new Set([...base.keys(), ...ours.keys(), ...theirs.keys()]);
  for (const path of [...paths].sort()) {
    const b = base.get(path) ?? null;
    const o = ours.get(path) ?? null;
    const t = theirs.get(path) ?? null;
    if (isDeepStrictEqual(o, t) || isDeepStrictEqual(t, b)) continue;
    if (isDeepStrictEqual(o, b)) {
      files.set(path, t);
      continue;
    }
    // Both sides changed the file: an edit wins over a deletion; otherwise theirs stays and ours is listed.
    if (o === null) {
      files.set(path, t);
      continue;
    }
    if (t === null) continue;
    files.set(path, t);
    conflicts.push({ id: `c${conflicts.length + 1}`, path, kind: 'file', itemId: null, field: null, label: `${describeFile(path, t)} was changed on both sides`, ours: o, theirs: t, kept: 'theirs' });
  }
  return { files, conflicts, notes: [] };
};

function describeFile(path: string, content: unknown): string {
  const title = (content as { article?: { title?: unknown } } | null)?.article?.title;
  if (typeof title === 'string') return `“${title}”`;
  return path === 'project.json' ? 'The project’s actors, tags or notes' : path;
}
