import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { articleSummarySchema } from '../../src-shared/domain/article';
import { TEXT_VERSION } from '../../src-shared/text/version';
import { SUMMARY_VERSION } from './file-schemas';
import type { IndexEntry } from './summary-index';

/**
 * `index.log`: the changes to the summary cache since `index.json` was last written whole, one
 * JSON line each, so that a save in a library of 100,000 articles appends a few hundred bytes
 * instead of rewriting 40 MB. Like `index.json` it is derived data: every entry is checked
 * against its article file's size and time at open, so a line older than `index.json` (a crash
 * between compacting and removing the log) or a torn last line costs a re-read, never a wrong
 * summary.
 */
export const SUMMARY_LOG = 'index.log';

const LOG_FORMAT = 1;
const headerSchema = z.object({ log: z.literal(LOG_FORMAT), summaries: z.literal(SUMMARY_VERSION), text: z.literal(TEXT_VERSION) });
const recordSchema = z.union([
  z.object({ id: z.string(), size: z.number(), mtimeMs: z.number(), summary: articleSummarySchema }),
  z.object({ id: z.string(), deleted: z.literal(true) }),
]);

/** One change: an article's new summary, or null when it was deleted. */
export type LogChange = readonly [id: string, entry: IndexEntry | null];

export interface LogContents {
  changes: LogChange[];
  /** Lines read, header included: how much a compaction would save. */
  lines: number;
  /** The log ended in a line that could not be read (a crash while appending) or had another format. */
  damaged: boolean;
}

/** The log's changes in the order they were written; an absent log is an empty one. */
export async function readSummaryLog(directory: string): Promise<LogContents> {
  let text: string;
  try {
    text = await readFile(join(directory, SUMMARY_LOG), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { changes: [], lines: 0, damaged: false };
    return { changes: [], lines: 0, damaged: true };
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length === 0) return { changes: [], lines: 0, damaged: false };
  if (!headerSchema.safeParse(parse(lines[0]!)).success) return { changes: [], lines: lines.length, damaged: true };
  const changes: LogChange[] = [];
  for (let i = 1; i < lines.length; i++) {
    const record = recordSchema.safeParse(parse(lines[i]!));
    // Lines are appended in order: nothing after an unreadable one can be trusted to follow it.
    if (!record.success) return { changes, lines: lines.length, damaged: true };
    const value = record.data;
    changes.push('deleted' in value ? [value.id, null] : [value.id, { size: value.size, mtimeMs: value.mtimeMs, summary: value.summary }]);
  }
  return { changes, lines: lines.length, damaged: false };
}

/** Appends changes (with a header when the log is new) and waits until they are on disk. */
export async function appendSummaryLog(directory: string, changes: readonly LogChange[], isNew: boolean): Promise<void> {
  if (changes.length === 0) return;
  const lines = changes.map(([id, entry]) => JSON.stringify(entry ? { id, ...entry } : { id, deleted: true }));
  if (isNew) lines.unshift(JSON.stringify({ log: LOG_FORMAT, summaries: SUMMARY_VERSION, text: TEXT_VERSION }));
  const handle = await open(join(directory, SUMMARY_LOG), isNew ? 'w' : 'a');
  try {
    await handle.writeFile(`${lines.join('\n')}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes the log once `index.json` holds everything it said. */
export async function removeSummaryLog(directory: string): Promise<void> {
  await rm(join(directory, SUMMARY_LOG), { force: true });
}

function parse(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
