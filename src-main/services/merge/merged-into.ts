import type { ProjectFile } from '../../store/file-schemas';

/**
 * Records in project.json that an actor or tag was merged into another, so that a sync can point
 * the other side's new references to the merged item at the survivor (docs/merge.md). Earlier
 * records that named the merged item as survivor now name the new survivor, so one lookup is enough.
 */
export function recordMerge(project: ProjectFile, mergedId: string, survivorId: string): void {
  const records: Record<string, string> = {};
  for (const [from, to] of Object.entries(project.mergedInto ?? {})) records[from] = to === mergedId ? survivorId : to;
  records[mergedId] = survivorId;
  delete records[survivorId];
  project.mergedInto = records;
}
