/**
 * What a three-way merge of project data answers: the merged file, the conflicts it decided by
 * rule (each holding both values, so the analyst can choose again), and notes on what it did
 * that the analyst should hear about. See docs/merge.md for the rules.
 */

/** `ours` is the local project (the one being synced); `theirs` is what the remote brought. */
export type MergeSide = 'ours' | 'theirs';

/** What kind of item a conflict or a note is about. */
export type MergeItemKind = 'project' | 'article' | 'annotation' | 'actor' | 'tag';

/** An item of the project: the project itself, an article, an annotation, an actor or a tag. */
export interface MergeItemRef {
  kind: MergeItemKind;
  id: string;
  /** For an annotation (and an article): the article it belongs to. */
  articleId?: string;
  /** Words for people: an annotation's quote, an actor's or tag's name, an article's title. */
  label: string;
}

/**
 * A step inside an item towards the value in conflict: an object key, or the identity of an
 * element of a list of items (a claim link is identified as `<articleId>/<annotationId>`).
 */
export type MergePathSegment = string | { id: string };

/**
 * The same field (or fields that only make sense together, such as an annotation's `target`
 * and `anchor`) of the same item was changed differently on both sides. The merge kept one
 * value by its rule (`kept`); both values are held here, so the analyst can choose again with
 * `resolveConflict` (ours, theirs, or both where that makes sense: `canKeepBoth`).
 */
export interface MergeConflict {
  /** Stable within one merge result: file, item and field. */
  id: string;
  /** The project file the item lives in: `project.json` or `articles/<id>.json`. */
  file: string;
  item: MergeItemRef;
  /** From the item to the object holding `fields` (empty: the item itself). */
  path: MergePathSegment[];
  /**
   * The fields decided together. One field: `ours`/`theirs` are its values. Several: they are
   * objects holding those fields. Empty: the element addressed by the path's last `{ id }`
   * segment (`ours`/`theirs` are whole elements, `undefined` where a side removed it) or, with
   * an empty path, the whole item.
   */
  fields: string[];
  ours: unknown;
  theirs: unknown;
  /** Which value the merged file holds. */
  kept: MergeSide;
  /** The rule that chose it, for people. */
  rule: string;
}

export type MergeNoteKind =
  /** Deleted on one side and edited on the other: the edited item was kept. */
  | 'kept-edited'
  /** An annotation whose passage could not be found in the kept text (kept as an orphan). */
  | 'orphaned'
  /** References to an actor or tag merged into another now name the survivor. */
  | 'followed-merge'
  /** An actor or tag deleted on one side but still named by the other side's data: brought back. */
  | 'restored'
  /** Two tags got the same name or hotkey: one was renamed or lost its hotkey. */
  | 'renamed'
  /** A loop of affiliations or parent tags formed by the two sides' changes was broken. */
  | 'loop-broken'
  /** A claim link that only one end still held was completed, or a link to a claim gone was dropped. */
  | 'link-repaired'
  /** Anything else worth telling. */
  | 'info';

/** Something the merge did that the analyst should hear about (not a choice to make). */
export interface MergeNote {
  kind: MergeNoteKind;
  file: string;
  item?: MergeItemRef;
  message: string;
}

/** A merged file with what happened on the way. */
export interface MergeOutcome<T> {
  merged: T;
  conflicts: MergeConflict[];
  notes: MergeNote[];
}

/**
 * The merge could not produce a valid result (a side holds data this build cannot read, or
 * the merged file fails its schema). Nothing is half-merged: the caller keeps its files.
 */
export class MergeError extends Error {
  constructor(
    message: string,
    /** The project file concerned, when one is. */
    readonly file?: string,
  ) {
    super(message);
    this.name = 'MergeError';
  }
}
