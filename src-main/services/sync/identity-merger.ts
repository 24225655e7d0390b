import { mergeProjectTree, type MergeConflict as ItemConflict } from '../merge';
import type { MergeConflict, TreeMerger } from './tree-merger';

/**
 * The sync service's merger: the three-way merge by identity of src-main/services/merge
 * (docs/merge.md) over the files either side changed plus project.json. Each conflict keeps the
 * merge's own description (`detail`), so a choice is applied by the same code that merged
 * (`resolveConflict`), field paths and claim links included.
 */
export const identityMerger: TreeMerger = async (base, ours, theirs) => {
  const outcome = mergeProjectTree({ base: base.size > 0 ? base : null, ours, theirs });
  const files = new Map<string, unknown | null>();
  for (const path of outcome.changed) files.set(path, outcome.merged.get(path) ?? null);
  for (const path of outcome.deleted) files.set(path, null);
  return { files, conflicts: outcome.conflicts.map(toSyncConflict), notes: outcome.notes.map((note) => note.message) };
};

function toSyncConflict(conflict: ItemConflict): MergeConflict {
  const field = conflict.fields.length === 1 ? conflict.fields[0]! : null;
  const what = field ?? (conflict.fields.length > 1 ? conflict.fields.join(' and ') : 'item');
  return {
    id: conflict.id,
    path: conflict.file,
    kind: conflict.item.kind,
    itemId: conflict.item.kind === 'project' ? null : conflict.item.id,
    field,
    label: `${conflict.item.label || conflict.item.kind}: ${what} changed on both sides (${conflict.rule})`,
    ours: conflict.ours,
    theirs: conflict.theirs,
    kept: conflict.kept,
    detail: conflict,
  };
}
