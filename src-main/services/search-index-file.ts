import { open, rm } from 'node:fs/promises';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { TEXT_VERSION } from '../../src-shared/text/version';
import { writeFileDurable } from '../store/durable-file';
import type { FileStamp } from '../store/project-store';
import { FIELDS, InvertedIndex } from './inverted-index';

/** The persisted search index, in the project folder beside `index.json`. */
export const SEARCH_INDEX_FILE = 'search-index.bin';
/** Written by earlier versions (MiniSearch's JSON): removed once the new file is written. */
const OLD_SEARCH_INDEX_FILE = 'search-index.json';
/**
 * The file's own layout and what is indexed (fields, notes joined): bump when either changes.
 * The way words are cut and folded is recorded apart (TEXT_VERSION).
 */
export const SEARCH_INDEX_FORMAT = 4;
const MAGIC = 'AWSI';

const count = z.number().int().nonnegative();
/**
 * The header is a JSON line between the magic and the body; the body's check sum is checked
 * before any of it is used. Format 4 keeps the ids and terms in the body as lines of UTF-8 and
 * the file stamps as arrays, so reading them is a split, not a parse of 300,000 JSON values.
 */
const headerSchema = z.object({
  format: z.literal(SEARCH_INDEX_FORMAT),
  text: z.literal(TEXT_VERSION),
  fields: z.literal(FIELDS.join(',')),
  /** Typed arrays are written as the machine holds them: a file from another byte order is rebuilt. */
  endianness: z.literal(endianness()),
  documents: count,
  terms: count,
  postings: count,
  /** Bytes of the ids' and the terms' lines. */
  idBytes: count,
  termBytes: count,
  /**
   * CRC-32 of the body: a flipped bit or a torn write anywhere means a rebuild, never wrong
   * results. (Format 2 used SHA-256, twice the time on 50 MB; the threat is damage, not forgery:
   * the file is the user's own derived data.)
   */
  crc32: count,
});

/**
 * A persisted index that passed every check, and per document number the size and time of the
 * article file its entry was made from (-1 where unknown).
 */
export interface LoadedIndex {
  index: InvertedIndex;
  ids: readonly string[];
  sizes: Float64Array;
  mtimes: Float64Array;
}

/** The body, in this order: 8-byte arrays first, so that every array starts aligned for its type. */
const layout = (documents: number, terms: number, postings: number, idBytes: number, termBytes: number) => [
  documents * 8, // file sizes (Float64)
  documents * 8, // file times (Float64, ms)
  documents * FIELDS.length * 4, // words per field per document (Uint32)
  terms * FIELDS.length * 4, // postings per field per term (Uint32)
  postings * 4, // documents (Uint32)
  postings, // counts (Uint8)
  idBytes,
  termBytes,
];

const align8 = (n: number) => (n + 7) & ~7;

/** The whole file in one read into memory of its own (offset 0, so typed arrays can be views on it). */
async function readWhole(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.allocUnsafeSlow(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(bytes, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return bytes.subarray(0, at);
  } finally {
    await handle.close();
  }
}

const lines = (bytes: Uint8Array): string[] => (bytes.length === 0 ? [] : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8').split('\n'));

/**
 * The file's bytes, or null when there is none or it cannot be read. Started as the project
 * opens (see openWorkbench): the read, tens of MB at 100,000 articles, then runs in the thread
 * pool while the store reads its own caches, and nothing is trusted until `parseSearchIndex`.
 */
export async function readSearchIndexFile(directory: string): Promise<Uint8Array | null> {
  return readWhole(join(directory, SEARCH_INDEX_FILE)).catch(() => null);
}

/** Bytes checked between two pauses (a few milliseconds' work). */
const CRC_SLICE = 4 * 1024 * 1024;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The index a file's bytes hold, when they pass every check (else null: none, unreadable, cut
 * short by a crash, damaged, written by another format or another way of cutting words; the index
 * is derived data, so the caller rebuilds it). Checked in slices of a
 * few milliseconds with a turn of the event loop between them: requests made meanwhile (the
 * library's first page, right after opening) are answered without waiting for the whole load.
 */
export async function parseSearchIndex(file: Uint8Array): Promise<LoadedIndex | null> {
  try {
    if (file.length < 8 || Buffer.from(file.buffer, file.byteOffset, 4).toString('latin1') !== MAGIC) return null;
    const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
    const headerLength = view.getUint32(4, true);
    if (8 + headerLength > file.length) return null;
    const parsed = headerSchema.safeParse(JSON.parse(Buffer.from(file.buffer, file.byteOffset + 8, headerLength).toString('utf8')));
    if (!parsed.success) return null;
    const { documents, terms: termCount, postings, idBytes, termBytes, crc32: check } = parsed.data;
    const bodyStart = align8(8 + headerLength);
    const sizes = layout(documents, termCount, postings, idBytes, termBytes);
    if (bodyStart + sizes.reduce((a, b) => a + b, 0) !== file.length) return null;
    let sum = 0;
    for (let from = bodyStart; from < file.length; from += CRC_SLICE) {
      sum = crc32(file.subarray(from, Math.min(file.length, from + CRC_SLICE)), sum);
      await pause();
    }
    if (sum !== check) return null;
    let at = file.byteOffset + bodyStart;
    let part = 0;
    const take = <T>(make: (buffer: ArrayBufferLike, offset: number, length: number) => T, width: number): T => {
      const bytes = sizes[part++]!;
      const made = make(file.buffer, at, bytes / width);
      at += bytes;
      return made;
    };
    const fileSizes = take((b, o, l) => new Float64Array(b, o, l), 8);
    const mtimes = take((b, o, l) => new Float64Array(b, o, l), 8);
    const fieldLengths = take((b, o, l) => new Uint32Array(b, o, l), 4);
    const counts = take((b, o, l) => new Uint32Array(b, o, l), 4);
    const docs = take((b, o, l) => new Uint32Array(b, o, l), 4);
    const tfs = take((b, o, l) => new Uint8Array(b, o, l), 1);
    const ids = lines(take((b, o, l) => new Uint8Array(b, o, l), 1));
    const terms = lines(take((b, o, l) => new Uint8Array(b, o, l), 1));
    if (ids.length !== documents || terms.length !== termCount) return null;
    const index = await InvertedIndex.fromSnapshotInSlices({ ids, terms, fieldLengths, counts, docs, tfs }, pause);
    return { index, ids, sizes: fileSizes, mtimes };
  } catch {
    // Garbage, or arrays that do not fit together: rebuilt, not reported (nothing of the user's is lost).
    return null;
  }
}

/**
 * Writes the index (compacted) with the stamps of the files its entries were made from; resolves
 * once durable. The arrays are written as they are, after a small JSON header.
 */
export async function writeSearchIndex(directory: string, index: InvertedIndex, stamps: ReadonlyMap<string, FileStamp>): Promise<void> {
  const snapshot = index.snapshot();
  // Lines of text: an id or a term holding a line break would shift every line after it.
  const text = (values: string[], what: string) => {
    if (values.some((value) => value.includes('\n'))) throw new Error(`${what} holds a line break`);
    return Buffer.from(values.join('\n'), 'utf8');
  };
  const ids = text(snapshot.ids, 'an article id');
  const terms = text(snapshot.terms, 'a term');
  const fileSizes = Float64Array.from(snapshot.ids, (id) => stamps.get(id)?.size ?? -1);
  const mtimes = Float64Array.from(snapshot.ids, (id) => stamps.get(id)?.mtimeMs ?? -1);
  const parts = [fileSizes, mtimes, snapshot.fieldLengths, snapshot.counts, snapshot.docs, snapshot.tfs, ids, terms].map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  // Checked part by part rather than copied into one buffer: at 100,000 articles the arrays are tens of MB.
  let check = 0;
  for (const part of parts) check = crc32(part, check);
  const header = Buffer.from(
    JSON.stringify({
      format: SEARCH_INDEX_FORMAT,
      text: TEXT_VERSION,
      fields: FIELDS.join(','),
      endianness: endianness(),
      documents: snapshot.ids.length,
      terms: snapshot.terms.length,
      postings: snapshot.docs.length,
      idBytes: ids.length,
      termBytes: terms.length,
      crc32: check,
    }),
    'utf8',
  );
  const start = Buffer.alloc(align8(8 + header.length) - header.length);
  start.write(MAGIC, 0, 'latin1');
  start.writeUInt32LE(header.length, 4);
  await writeFileDurable(join(directory, SEARCH_INDEX_FILE), [start.subarray(0, 8), header, start.subarray(8), ...parts]);
  await rm(join(directory, OLD_SEARCH_INDEX_FILE), { force: true });
}
