/**
 * The three-way merge of project data by identity, for Sync (docs/merge.md). Pure functions over
 * parsed files: no file I/O, so the Git layer reads and writes, and this decides.
 */
export { mergeArticleFile } from './article';
export { mergeProjectFile } from './project';
export { mergeProjectTree, type ProjectTreeFiles, type ProjectTreeOptions, type ProjectTreeOutcome, type ProjectTreeSides } from './tree';
export { canKeepBoth, resolveConflict, resolveConflictInFiles, type ConflictChoice, type MergedFiles } from './resolve';
export { articleIdOfPath, articlePath, isProjectDataPath, PROJECT_PATH } from './refs';
export {
  MergeError,
  type MergeConflict,
  type MergeItemKind,
  type MergeItemRef,
  type MergeNote,
  type MergeNoteKind,
  type MergeOutcome,
  type MergePathSegment,
  type MergeSide,
} from './types';
