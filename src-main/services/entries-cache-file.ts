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
/*
 * In a file, entries are laid out by speaker or mentioned actor (then article, then position), not
 * by article: an actor's dossier is one or two nearby reads per file, not one read per article.
 * Each row holds the entry's absolute position in the file.
 */
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
  /** Per article: id, size and time of the file its entries were made from, how the entries name it, and its number of rows. */
  articles: z.array(z.tuple([z.string(), z.number(), z.number(), z.string(), z.string(), z.string(), z.number().int().positive()])),
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
  /** Rows with the actor numbers of the caller's `ActorNumbers`, and each entry's position in the file. */
  rows: Int32Array;
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
    for (const [id, fileSize, mtimeMs, title, source, published, count] of header.articles) {
      const rows = all.subarray(row * ROW_FIELDS, (row + count) * ROW_FIELDS);
      for (let r = 0; r < rows.length; r += ROW_FIELDS) {
        if (rows[r + OFFSET]! < bodyStart || rows[r + LENGTH]! < 0 || rows[r + OFFSET]! + rows[r + LENGTH]! > size) throw new Error('an entry outside the file');
        for (const field of [ACTOR, SPEAKER]) {
          const n = rows[r + field]!;
          if (n < 0 || n > numbers.length) throw new Error('an unknown actor');
          rows[r + field] = n === 0 ? 0 : numbers[n - 1]!;
        }
      }
      articles.push({ id, stamp: { size: fileSize, mtimeMs }, title, source, published, rows });
      row += count;
    }
    if (row !== header.rows) throw new Error('sizes do not add up');
    return { handle, articles };
  } catch {
    await handle.close().catch(() => undefined);
    return 'damaged';
  }
}

/** What a shard file is written from: each article with its entries' bytes, row by row. */
export interface ShardWrite extends ShardArticle {
  entries: readonly Uint8Array[];
}

/**
 * Writes a shard durably (temporary file, fsync, rename), then opens it for reading; resolves
 * with the open file and, per article, each entry's position in it.
 */
export async function writeShard(directory: string, shard: number, articles: readonly ShardWrite[], actors: ActorNumbers): Promise<{ handle: FileHandle; offsets: Int32Array[] }> {
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
  // Body order: by speaker or mentioned actor (none first), then article, then position.
  const order: [article: number, row: number][] = [];
  articles.forEach((a, k) => {
    for (let r = 0; r < a.rows.length; r += ROW_FIELDS) order.push([k, r]);
  });
  const groupOf = ([k, r]: [number, number]) => articles[k]!.rows[r + SPEAKER]! || articles[k]!.rows[r + ACTOR]!;
  order.sort((x, y) => groupOf(x) - groupOf(y) || x[0] - y[0] || x[1] - y[1]);
  // The header lists the actors the rows name: number them first.
  for (const [k, r] of order) {
    localOf(articles[k]!.rows[r + ACTOR]!);
    localOf(articles[k]!.rows[r + SPEAKER]!);
  }
  const headerBytes = Buffer.from(
    JSON.stringify({
      format: ENTRIES_FORMAT,
      shards: SHARDS,
      shard,
      endianness: endianness(),
      actors: actorIds,
      articles: articles.map((a) => [a.id, a.stamp.size, a.stamp.mtimeMs, a.title, a.source, a.published, a.rows.length / ROW_FIELDS]),
      rows: rowCount,
      body: order.reduce((sum, [k, r]) => sum + articles[k]!.entries[r / ROW_FIELDS]!.length, 0),
    } satisfies z.input<typeof headerSchema>),
    'utf8',
  );
  const bodyStart = align4(PREFIX + headerBytes.length) + rowCount * ROW_FIELDS * 4;
  const offsets = articles.map((a) => new Int32Array(a.rows.length / ROW_FIELDS));
  const body: Uint8Array[] = [];
  let chunk: Uint8Array[] = [];
  let chunkBytes = 0;
  let position = bodyStart;
  for (const [k, r] of order) {
    const bytes = articles[k]!.entries[r / ROW_FIELDS]!;
    offsets[k]![r / ROW_FIELDS] = position;
    position += bytes.length;
    // Written in chunks of about a megabyte, not one write per entry.
    chunk.push(bytes);
    chunkBytes += bytes.length;
    if (chunkBytes >= 1 << 20) {
      body.push(Buffer.concat(chunk, chunkBytes));
      chunk = [];
      chunkBytes = 0;
    }
  }
  if (chunkBytes > 0) body.push(Buffer.concat(chunk, chunkBytes));
  const rows = new Int32Array(rowCount * ROW_FIELDS);
  let at = 0;
  articles.forEach((article, k) => {
    rows.set(article.rows, at);
    for (let r = 0; r < article.rows.length; r += ROW_FIELDS) {
      rows[at + r + OFFSET] = offsets[k]![r / ROW_FIELDS]!;
      rows[at + r + ACTOR] = localOf(article.rows[r + ACTOR]!);
      rows[at + r + SPEAKER] = localOf(article.rows[r + SPEAKER]!);
    }
    at += article.rows.length;
  });
  const rowBytes = new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength);
  const prefix = Buffer.alloc(align4(PREFIX + headerBytes.length) - headerBytes.length);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(headerBytes.length, 4);
  createHash('sha256').update(headerBytes).update(rowBytes).digest().copy(prefix, 8);
  const path = shardPath(directory, shard);
  await mkdir(join(directory, ENTRIES_CACHE_DIR), { recursive: true });
  await writeFileDurable(path, [prefix.subarray(0, PREFIX), headerBytes, prefix.subarray(PREFIX), rowBytes, ...body]);
  // Opened before anything else can replace it: the offsets are this file's.
  return { handle: await open(path, 'r'), offsets };
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
