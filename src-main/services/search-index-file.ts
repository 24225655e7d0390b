import { readFile, rm } from 'node:fs/promises';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { TEXT_VERSION } from '../../src-shared/text/version';
import { writeFileDurable } from '../store/durable-file';
import type { FileStamp } from '../store/project-store';
import { FIELDS, InvertedIndex, type IndexSnapshot } from './inverted-index';

/** The persisted search index, in the project folder beside `index.json`. */
export const SEARCH_INDEX_FILE = 'search-index.bin';
/** Written by earlier versions (MiniSearch's JSON): removed once the new file is written. */
const OLD_SEARCH_INDEX_FILE = 'search-index.json';
/**
 * The file's own layout and what is indexed (fields, notes joined): bump when either changes.
 * The way words are cut and folded is recorded apart (TEXT_VERSION).
 */
export const SEARCH_INDEX_FORMAT = 3;
const MAGIC = 'AWSI';

/** The header is a JSON line between the magic and the arrays; the body's hash is checked before any of it is used. */
const headerSchema = z.object({
  format: z.literal(SEARCH_INDEX_FORMAT),
  text: z.literal(TEXT_VERSION),
  fields: z.literal(FIELDS.join(',')),
  /** Typed arrays are written as the machine holds them: a file from another byte order is rebuilt. */
  endianness: z.literal(endianness()),
  /** Per document number: the article id, and the size and time of the file its entry was made from (checked below, not by schema: 100,000 of each). */
  ids: z.array(z.unknown()),
  sizes: z.array(z.unknown()),
  mtimes: z.array(z.unknown()),
  terms: z.array(z.unknown()),
  postings: z.number().int().nonnegative(),
  /**
   * CRC-32 of the body: a flipped bit or a torn write anywhere means a rebuild, never wrong
   * results. (Format 2 used SHA-256, twice the time on 50 MB; the threat is damage, not forgery:
   * the file is the user's own derived data.)
   */
  crc32: z.number().int().nonnegative(),
});

/** A persisted index that passed every check, and the file stamps its entries were made from. */
export interface LoadedIndex {
  index: InvertedIndex;
  stamps: Map<string, FileStamp>;
}

const allOf = <T>(values: unknown[], is: (value: unknown) => value is T): values is T[] => values.every(is);
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number';

/** A 4-byte-aligned copy when `bytes` does not start on a multiple of 4 (small files come from a shared pool). */
function aligned(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
}

/**
 * Reads the persisted index. Null when there is none, or when it cannot be trusted: unreadable,
 * cut short by a crash, damaged, written by another format or another way of cutting words. The
 * index is derived data, so the caller rebuilds it.
 */
export async function readSearchIndex(directory: string): Promise<LoadedIndex | null> {
  let file: Uint8Array;
  try {
    file = aligned(await readFile(join(directory, SEARCH_INDEX_FILE)));
  } catch {
    return null;
  }
  try {
    if (file.length < 8 || Buffer.from(file.buffer, file.byteOffset, 4).toString('latin1') !== MAGIC) return null;
    const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
    const headerLength = view.getUint32(4, true);
    if (8 + headerLength > file.length) return null;
    const parsed = headerSchema.safeParse(JSON.parse(Buffer.from(file.buffer, file.byteOffset + 8, headerLength).toString('utf8')));
    if (!parsed.success) return null;
    const header = parsed.data;
    const bodyStart = align4(8 + headerLength);
    const docCount = header.ids.length;
    if (header.sizes.length !== docCount || header.mtimes.length !== docCount) return null;
    if (!allOf(header.ids, isString) || !allOf(header.sizes, isNumber) || !allOf(header.mtimes, isNumber) || !allOf(header.terms, isString)) return null;
    const ids = header.ids as string[];
    const fileSizes = header.sizes as number[];
    const mtimes = header.mtimes as number[];
    const terms = header.terms as string[];
    const sizes = [docCount * FIELDS.length * 4, terms.length * FIELDS.length * 4, header.postings * 4, header.postings];
    if (bodyStart + sizes.reduce((a, b) => a + b, 0) !== file.length) return null;
    const body = file.subarray(bodyStart);
    if (crc32(body) !== header.crc32) return null;
    let at = file.byteOffset + bodyStart;
    const take = <T>(make: (buffer: ArrayBufferLike, offset: number, length: number) => T, bytes: number, length: number): T => {
      const made = make(file.buffer, at, length);
      at += bytes;
      return made;
    };
    const snapshot: IndexSnapshot = {
      ids,
      terms,
      fieldLengths: take((b, o, l) => new Uint32Array(b, o, l), sizes[0]!, docCount * FIELDS.length),
      counts: take((b, o, l) => new Uint32Array(b, o, l), sizes[1]!, terms.length * FIELDS.length),
      docs: take((b, o, l) => new Uint32Array(b, o, l), sizes[2]!, header.postings),
      tfs: take((b, o, l) => new Uint8Array(b, o, l), sizes[3]!, header.postings),
    };
    const index = InvertedIndex.fromSnapshot(snapshot);
    return { index, stamps: new Map(ids.map((id, doc) => [id, { size: fileSizes[doc]!, mtimeMs: mtimes[doc]! }])) };
  } catch {
    // Garbage, or arrays that do not fit together: rebuilt, not reported (nothing of the user's is lost).
    return null;
  }
}

const align4 = (n: number) => (n + 3) & ~3;

/**
 * Writes the index (compacted) with the stamps of the files its entries were made from; resolves
 * once durable. The arrays are written as they are, after a small JSON header.
 */
export async function writeSearchIndex(directory: string, index: InvertedIndex, stamps: ReadonlyMap<string, FileStamp>): Promise<void> {
  const snapshot = index.snapshot();
  const parts = [snapshot.fieldLengths, snapshot.counts, snapshot.docs, snapshot.tfs].map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  // Checked part by part rather than copied into one buffer: at 100,000 articles the arrays are tens of MB.
  let check = 0;
  for (const part of parts) check = crc32(part, check);
  const header = Buffer.from(
    JSON.stringify({
      format: SEARCH_INDEX_FORMAT,
      text: TEXT_VERSION,
      fields: FIELDS.join(','),
      endianness: endianness(),
      ids: snapshot.ids,
      sizes: snapshot.ids.map((id) => stamps.get(id)?.size ?? -1),
      mtimes: snapshot.ids.map((id) => stamps.get(id)?.mtimeMs ?? -1),
      terms: snapshot.terms,
      postings: snapshot.docs.length,
      crc32: check,
    }),
    'utf8',
  );
  const start = Buffer.alloc(align4(8 + header.length) - header.length);
  start.write(MAGIC, 0, 'latin1');
  start.writeUInt32LE(header.length, 4);
  await writeFileDurable(join(directory, SEARCH_INDEX_FILE), [start.subarray(0, 8), header, start.subarray(8), ...parts]);
  await rm(join(directory, OLD_SEARCH_INDEX_FILE), { force: true });
}
