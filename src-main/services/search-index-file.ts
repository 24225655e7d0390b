import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import MiniSearch, { type Options } from 'minisearch';
import { z } from 'zod';
import { TEXT_VERSION } from '../../src-shared/text/version';
import { writeFileDurable } from '../store/durable-file';
import type { FileStamp } from '../store/project-store';

/** The persisted search index, in the project folder beside `index.json`. */
export const SEARCH_INDEX_FILE = 'search-index.json';
/**
 * The file's own layout and what is indexed (fields, notes joined): bump when either changes.
 * The way words are cut and folded is recorded apart (TEXT_VERSION).
 */
export const SEARCH_INDEX_FORMAT = 1;

type Serialised = Parameters<typeof MiniSearch.loadJS>[0];

/**
 * The header is checked before MiniSearch sees the body; MiniSearch checks its own layout
 * (serializationVersion) and the ids are compared with the stamps after loading.
 */
const fileSchema = z.object({
  format: z.literal(SEARCH_INDEX_FORMAT),
  text: z.literal(TEXT_VERSION),
  /** Per article: the size and time of the file its entry was made from. */
  stamps: z.record(z.string(), z.tuple([z.number(), z.number()])),
  index: z.object({ documentCount: z.number().int().nonnegative(), serializationVersion: z.number() }).passthrough(),
});

/** A persisted index that passed every check, and the file stamps its entries were made from. */
export interface LoadedIndex<T> {
  mini: MiniSearch<T>;
  stamps: Map<string, FileStamp>;
}

/**
 * Reads the persisted index. Null when there is none, or when it cannot be trusted: unreadable,
 * cut short by a crash, written by another format or another way of cutting words, or with
 * entries that do not match its stamps. The index is derived data, so the caller rebuilds it.
 */
export async function readSearchIndex<T>(directory: string, options: Options<T>): Promise<LoadedIndex<T> | null> {
  let text: string;
  try {
    text = await readFile(join(directory, SEARCH_INDEX_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = fileSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    const mini = MiniSearch.loadJS(parsed.data.index as unknown as Serialised, options);
    const stamps = new Map(Object.entries(parsed.data.stamps).map(([id, [size, mtimeMs]]) => [id, { size, mtimeMs }]));
    if (mini.documentCount !== stamps.size || [...stamps.keys()].some((id) => !mini.has(id))) return null;
    return { mini, stamps };
  } catch {
    // Garbage or a body MiniSearch refuses: rebuilt, not reported (nothing of the user's is lost).
    return null;
  }
}

/** Writes the index with the stamps of the files its entries were made from; resolves once durable. */
export async function writeSearchIndex<T>(directory: string, mini: MiniSearch<T>, stamps: ReadonlyMap<string, FileStamp>): Promise<void> {
  const record: Record<string, [number, number]> = {};
  for (const [id, stamp] of stamps) record[id] = [stamp.size, stamp.mtimeMs];
  // MiniSearch serialises itself through toJSON; one stringify for header and body.
  const json = JSON.stringify({ format: SEARCH_INDEX_FORMAT, text: TEXT_VERSION, stamps: record, index: mini });
  await writeFileDurable(join(directory, SEARCH_INDEX_FILE), json);
}
