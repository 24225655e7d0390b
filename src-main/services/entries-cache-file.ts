import { createHash } from 'node:crypto';
import { mkdir, open, readdir, rm, type FileHandle } from 'node:fs/promises';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { isTempFileName, writeFileDurable } from '../store/durable-file';
import type { FileStamp } from '../store/project-store';
import { ACTOR, LENGTH, OFFSET, ROW_FIELDS, SPEAKER, type ActorNumbers } from './entry-rows';

/** The entries cache lives in this folder of the project, one file per shard of the articles. */
export const ENTRIES_CACHE_DIR = 'entries-cache';
/** The files' layout and what an entry holds (library-entries.ts, entry-rows.ts): bump when either changes. */
export const ENTRIES_FORMAT = 1;
/**
 * Articles are spread over this many files by a hash of their id, so that a change rewrites one
 * file of a sixty-fourth of the cache (about 10 MB at 100,000 articles of 10 entries each).
 */
export const SHARDS = 64;
const MAGIC = 'AWEC';
/** Magic, header length, SHA-256 of the header and the rows. */
const PREFIX = 40;

/** Which file holds an article's entries. */
export function shardOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % SHARDS;
}

export const shardPath = (directory: string, shard: number) => join(directory, ENTRIES_CACHE_DIR, `${shard.toString(16).padStart(2, '0')}.bin`);

const headerSchema = z.object({
  format: z.literal(ENTRIES_FORMAT),
  shards: z.literal(SHARDS),
  shard: z.number().int(),
  /** Rows are written as the machine holds them: a file from another byte order is rebuilt. */
  endianness: z.literal(endianness()),
  /** The actor ids that rows name, numbered from 1 in this file. */
  actors: z.array(z.string()),
  /** Per article: id, size and time of the file its entries were made from, how the entries name it, its rows and bytes. */
  articles: z.array(z.tuple([z.string(), z.number(), z.number(), z.string(), z.string(), z.string(), z.number().int().positive(), z.number().int().nonnegative()])),
  rows: z.number().int().nonnegative(),
  body: z.number().int().nonnegative(),
});

/** One article's cached entries in a shard file. */
export interface ShardArticle {
  id: string;
  stamp: FileStamp;
  title: string;
  source: string;
  published: string;
  /** Rows with the actor numbers of the caller's `ActorNumbers`. */
  rows: Int32Array;
  /** Where its entries' bytes start in the file, and how many there are. */
  offset: number;
  length: number;
}

/** A shard file that passed every check, held open for reading entries ('damaged' when one is there and failed them). */
export interface LoadedShard {
  handle: FileHandle;
  articles: ShardArticle[];
}

const align4 = (n: number) => (n + 3) & ~3;

async function readExactly(handle: FileHandle, position: number, length: number, into?: Buffer): Promise<Buffer> {
  // Never from Node's shared pool: rows are viewed as an Int32Array, which needs an aligned start.
  const buffer = into && into.length >= length ? into : Buffer.allocUnsafeSlow(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) throw new Error('The file ended early.');
    done += bytesRead;
  }
  return buffer;
}

/**
 * Reads a shard's header and rows (not the entries themselves), keeping the file open. Null when
 * there is none, 'damaged' when it cannot be trusted: cut short by a crash, damaged, another
 * format. The cache is derived data, so its articles are simply made again.
 */
export async function readShard(directory: string, shard: number, actors: ActorNumbers): Promise<LoadedShard | 'damaged' | null> {
  let handle: FileHandle;
  try {
    handle = await open(shardPath(directory, shard), 'r');
  } catch {
    return null;
  }
  try {
    const { size } = await handle.stat();
    if (size < PREFIX) throw new Error('too short');
    const prefix = await readExactly(handle, 0, PREFIX);
    if (prefix.toString('latin1', 0, 4) !== MAGIC) throw new Error('not an entries cache');
    const headerLength = prefix.readUInt32LE(4);
    if (PREFIX + headerLength > size) throw new Error('header past the end');
    const headerBytes = await readExactly(handle, PREFIX, headerLength);
    const header = headerSchema.parse(JSON.parse(headerBytes.toString('utf8')));
    const rowsStart = align4(PREFIX + headerLength);
    const rowBytes = header.rows * ROW_FIELDS * 4;
    const bodyStart = rowsStart + rowBytes;
    if (header.shard !== shard || bodyStart + header.body !== size) throw new Error('sizes do not add up');
    const rowsBuffer = await readExactly(handle, rowsStart, rowBytes);
    const digest = createHash('sha256').update(headerBytes).update(rowsBuffer).digest();
    if (!digest.equals(prefix.subarray(8, 40))) throw new Error('checksum');
    const all = new Int32Array(rowsBuffer.buffer, rowsBuffer.byteOffset, header.rows * ROW_FIELDS);
    const numbers = header.actors.map((id) => actors.of(id));
    const articles: ShardArticle[] = [];
    let row = 0;
    let offset = bodyStart;
    for (const [id, fileSize, mtimeMs, title, source, published, count, length] of header.articles) {
      const rows = all.subarray(row * ROW_FIELDS, (row + count) * ROW_FIELDS);
      for (let r = 0; r < rows.length; r += ROW_FIELDS) {
        if (rows[r + OFFSET]! < 0 || rows[r + LENGTH]! < 0 || rows[r + OFFSET]! + rows[r + LENGTH]! > length) throw new Error('an entry past its article');
        for (const field of [ACTOR, SPEAKER]) {
          const n = rows[r + field]!;
          if (n < 0 || n > numbers.length) throw new Error('an unknown actor');
          rows[r + field] = n === 0 ? 0 : numbers[n - 1]!;
        }
      }
      articles.push({ id, stamp: { size: fileSize, mtimeMs }, title, source, published, rows, offset, length });
      row += count;
      offset += length;
    }
    if (row !== header.rows || offset !== size) throw new Error('sizes do not add up');
    return { handle, articles };
  } catch {
    await handle.close().catch(() => undefined);
    return 'damaged';
  }
}

/** What a shard file is written from: each article with its entries' bytes. */
export interface ShardWrite extends Omit<ShardArticle, 'offset' | 'length'> {
  bytes: Uint8Array;
}

/**
 * Writes a shard durably (temporary file, fsync, rename), then opens it for reading; resolves
 * with the open file and where each article's bytes now start.
 */
export async function writeShard(directory: string, shard: number, articles: readonly ShardWrite[], actors: ActorNumbers): Promise<{ handle: FileHandle; offsets: number[] }> {
  const local = new Map<number, number>();
  const actorIds: string[] = [];
  const localOf = (n: number) => {
    if (n === 0) return 0;
    let m = local.get(n);
    if (m === undefined) {
      actorIds.push(actors.idOf(n) ?? '');
      m = actorIds.length;
      local.set(n, m);
    }
    return m;
  };
  const rowCount = articles.reduce((sum, a) => sum + a.rows.length / ROW_FIELDS, 0);
  const rows = new Int32Array(rowCount * ROW_FIELDS);
  let at = 0;
  for (const article of articles) {
    rows.set(article.rows, at);
    for (let r = at; r < at + article.rows.length; r += ROW_FIELDS) {
      rows[r + ACTOR] = localOf(rows[r + ACTOR]!);
      rows[r + SPEAKER] = localOf(rows[r + SPEAKER]!);
    }
    at += article.rows.length;
  }
  const body = articles.reduce((sum, a) => sum + a.bytes.length, 0);
  const headerBytes = Buffer.from(
    JSON.stringify({
      format: ENTRIES_FORMAT,
      shards: SHARDS,
      shard,
      endianness: endianness(),
      actors: actorIds,
      articles: articles.map((a) => [a.id, a.stamp.size, a.stamp.mtimeMs, a.title, a.source, a.published, a.rows.length / ROW_FIELDS, a.bytes.length]),
      rows: rowCount,
      body,
    } satisfies z.input<typeof headerSchema>),
    'utf8',
  );
  const rowBytes = new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength);
  const prefix = Buffer.alloc(align4(PREFIX + headerBytes.length) - headerBytes.length);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(headerBytes.length, 4);
  createHash('sha256').update(headerBytes).update(rowBytes).digest().copy(prefix, 8);
  const path = shardPath(directory, shard);
  await mkdir(join(directory, ENTRIES_CACHE_DIR), { recursive: true });
  await writeFileDurable(path, [prefix.subarray(0, PREFIX), headerBytes, prefix.subarray(PREFIX), rowBytes, ...articles.map((a) => a.bytes)]);
  // Opened before anything else can replace it: the offsets below are this file's.
  const handle = await open(path, 'r');
  const offsets: number[] = [];
  let offset = align4(PREFIX + headerBytes.length) + rowBytes.length;
  for (const a of articles) {
    offsets.push(offset);
    offset += a.bytes.length;
  }
  return { handle, offsets };
}

/** Removes a shard that holds no article any more. */
export async function removeShard(directory: string, shard: number): Promise<void> {
  await rm(shardPath(directory, shard), { force: true });
}

/** Removes temporary files that a crash during a write left in the cache folder. */
export async function removeLeftovers(directory: string): Promise<void> {
  const names = await readdir(join(directory, ENTRIES_CACHE_DIR)).catch(() => [] as string[]);
  await Promise.all(names.filter(isTempFileName).map((name) => rm(join(directory, ENTRIES_CACHE_DIR, name), { force: true })));
}

/** Reads `length` bytes at `position` of an open shard file, into the start of `into` when it is large enough. */
export function readRange(handle: FileHandle, position: number, length: number, into?: Buffer): Promise<Buffer> {
  return readExactly(handle, position, length, into);
}
