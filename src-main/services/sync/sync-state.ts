import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileDurable } from '../../store/durable-file';

/** A conflict the merge listed, kept until the analyst resolves it. */
export const storedConflictSchema = z.object({
  id: z.string(),
  path: z.string(),
  kind: z.enum(['annotation', 'actor', 'tag', 'article', 'project', 'file']),
  itemId: z.string().nullable(),
  field: z.string().nullable(),
  label: z.string(),
  ours: z.unknown(),
  theirs: z.unknown(),
  kept: z.enum(['ours', 'theirs']),
  /** Who made the other side's change (the remote commit's author). */
  theirAuthor: z.string(),
  at: z.string(),
});
export type StoredConflict = z.infer<typeof storedConflictSchema>;

/**
 * What the sync service remembers about a shared project: where it is shared, as whom, and how
 * the last sync went. Kept inside `.git/`, so it is never committed; the token is never here.
 */
export const syncStateSchema = z.object({
  remoteUrl: z.string(),
  username: z.string(),
  authorName: z.string(),
  lastSyncAt: z.string().nullable(),
  lastBroughtIn: z.string(),
  lastSent: z.string(),
  notes: z.array(z.string()),
  conflicts: z.array(storedConflictSchema),
});
export type SyncState = z.infer<typeof syncStateSchema>;

const STATE_FILE = 'workbench-sync.json';

export async function readSyncState(dir: string): Promise<SyncState | null> {
  let text: string;
  try {
    text = await readFile(join(dir, '.git', STATE_FILE), 'utf8');
  } catch {
    return null;
  }
  const parsed = syncStateSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

export async function writeSyncState(dir: string, state: SyncState): Promise<void> {
  await writeFileDurable(join(dir, '.git', STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}
