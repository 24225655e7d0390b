import { open, rm, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { join } from 'node:path';
import { z } from 'zod';
import type { ArticleSummary } from '../../src-shared/domain/article';
import { TEXT_VERSION } from '../../src-shared/text/version';
import { writeFileDurable } from './durable-file';
import { SUMMARY_VERSION } from './file-schemas';
import type { IndexEntry } from './summary-index';

/**
 * `index.jsonl`: the summary cache written whole. A header line, then a line per article, an
 * array of values (`[id, size, mtimeMs, presentKeys, ...commonValues, ...otherValues]`): about a
 * third of the bytes an object per summary would take, and no schema pass: the header's CRC-32
 * of the rows' bytes tells a damaged file from a sound one (the threat is a torn write or a
 * flipped bit, not forgery: the file is the user's own derived data, and CRC-32 is ten times
 * cheaper than SHA-256 on 25 MB). The cache is derived data: a file that fails any check is
 * rebuilt from the articles.
 *
 * Written for a fast open at 100,000 articles: the rows are pure ASCII (other characters written
 * as JSON escapes), so each is decoded as Latin-1, a copy rather than a UTF-8 decode; each row is
 * parsed on its own, so its array dies young; and an empty count map is written as 0 and read as
 * one shared frozen object, so the read allocates (and the collector copies) a few objects per
 * article instead of ten.
 */
export const SUMMARY_CACHE_FILE = 'index.jsonl';
/** Written by earlier versions (one object per summary, checked by schema): replaced at the next write. */
export const OLD_SUMMARY_CACHE_FILE = 'index.json';
/** The file's layout: bump when it changes. What the summaries hold is SUMMARY_VERSION. */
export const SUMMARY_CACHE_FORMAT = 4;
/** Keys per summary are marked present in a 31-bit mask. */
const MAX_KEYS = 31;

/**
 * Keys every summary has, written first in this order without a mask bit, so that reading builds
 * each summary as one object literal (a key looked up per value was most of the read's time at
 * 100,000 articles). Keys not listed here (optional ones, or one added later) follow, marked in
 * the row's mask; a file written with another list is read the slow, general way.
 */
const COMMON_KEYS = ['title', 'source', 'url', 'published', 'status', 'createdAt', 'updatedAt', 'wordCount', 'annotationCount', 'claimCount', 'orphanCount', 'actorMentions', 'speakerClaims', 'tagCounts', 'statusCounts', 'verificationCounts'] as const;
const COMMON = COMMON_KEYS.length;
/** The summary's count maps: empty ones (most of them) are written as 0. */
const COUNT_KEYS: ReadonlySet<string> = new Set(['actorMentions', 'speakerClaims', 'tagCounts', 'statusCounts', 'verificationCounts']);
/** Every empty count map read from the file: summaries are never changed in place (a change makes a new one). */
const EMPTY: Readonly<Record<string, number>> = Object.freeze({});
const counts = (value: unknown) => (value === 0 ? EMPTY : value);

const headerSchema = z.object({
  format: z.literal(SUMMARY_CACHE_FORMAT),
  summaries: z.literal(SUMMARY_VERSION),
  text: z.literal(TEXT_VERSION),
  /** The keys every row has, first and in this order (COMMON_KEYS when written by this version). */
  common: z.array(z.string()),
  /** The other summary keys a row's values stand for, in order (a key absent from a summary has no value). */
  keys: z.array(z.string()).max(MAX_KEYS),
  count: z.number().int().nonnegative(),
  /** CRC-32 of the rows line's bytes. */
  crc32: z.number().int().nonnegative(),
});

type Header = z.infer<typeof headerSchema>;
type Row = [id: string, size: number, mtimeMs: number, present: number, ...values: unknown[]];
const FIRST = 4;

/** Bytes read at a time: two buffers of this size are reused for the whole file, so reading it touches no fresh memory. */
const CHUNK = 1 << 20;

/**
 * The summaries the file holds, or null when there is none or it fails a check. Read a chunk at
 * a time into two buffers taken in turn, each chunk's rows parsed while the next is read: no
 * buffer of the file's size (25 MB at 100,000 articles, whose first touch alone took 115 ms on a
 * virtual machine), and the disk and the parse overlap. Nothing is returned before the CRC-32 of
 * the whole file matched.
 */
export async function readSummaryCache(directory: string): Promise<Map<string, IndexEntry> | null> {
  let handle: FileHandle;
  try {
    handle = await open(join(directory, SUMMARY_CACHE_FILE), 'r');
  } catch {
    return null;
  }
  try {
    const buffers = [Buffer.allocUnsafeSlow(CHUNK), Buffer.allocUnsafeSlow(CHUNK)];
    let turn = 0;
    let pending = handle.read(buffers[0]!, 0, CHUNK, null);
    /** The start of a line that runs on into the next chunk (a copy: its buffer is read into again). */
    let carry: Buffer | null = null;
    let header: Header | null = null;
    let fast = false;
    let check = 0;
    const entries = new Map<string, IndexEntry>();
    /** Takes one line: the header, then a row; false when the file is not what it should be. */
    const line = (bytes: Buffer, from: number, to: number, withNewline: boolean): boolean => {
      if (!header) {
        const parsed = headerSchema.safeParse(JSON.parse(bytes.toString('utf8', from, to)));
        if (!parsed.success) return false;
        header = parsed.data;
        const common = header.common;
        fast = common.length === COMMON && common.every((key, k) => key === COMMON_KEYS[k]);
        return true;
      }
      check = crc32(bytes.subarray(from, withNewline ? to + 1 : to), check);
      return takeRow(JSON.parse(bytes.toString('latin1', from, to)), header, fast, entries);
    };
    for (;;) {
      const { bytesRead } = await pending;
      const chunk = buffers[turn]!.subarray(0, bytesRead);
      turn ^= 1;
      if (bytesRead === 0) break;
      pending = handle.read(buffers[turn]!, 0, CHUNK, null);
      let at = 0;
      for (let end = chunk.indexOf(10); end >= 0; at = end + 1, end = chunk.indexOf(10, at)) {
        if (carry) {
          const joined = Buffer.concat([carry, chunk.subarray(at, end + 1)]);
          carry = null;
          if (!line(joined, 0, joined.length - 1, true)) return null;
        } else if (!line(chunk, at, end, true)) return null;
      }
      if (at < chunk.length) carry = carry ? Buffer.concat([carry, chunk.subarray(at)]) : Buffer.from(chunk.subarray(at));
    }
    // The last row has no newline after it.
    if (carry && !line(carry, 0, carry.length, false)) return null;
    // Set inside `line`, which the compiler does not follow.
    const read = header as Header | null;
    return read && check === read.crc32 && entries.size === read.count ? entries : null;
  } catch {
    return null;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** One row into `entries`; false when it is not a row. */
function takeRow(row: unknown, header: Header, fast: boolean, entries: Map<string, IndexEntry>): boolean {
  if (!Array.isArray(row) || typeof row[0] !== 'string') return false;
  const { keys, common } = header;
  const [id, size, mtimeMs, present] = row as Row;
  let summary: Record<string, unknown>;
  if (fast) {
    // prettier-ignore
    summary = { id, title: row[4], source: row[5], url: row[6], published: row[7], status: row[8], createdAt: row[9], updatedAt: row[10], wordCount: row[11], annotationCount: row[12], claimCount: row[13], orphanCount: row[14], actorMentions: counts(row[15]), speakerClaims: counts(row[16]), tagCounts: counts(row[17]), statusCounts: counts(row[18]), verificationCounts: counts(row[19]) };
  } else {
    summary = { id };
    common.forEach((key, k) => (summary[key] = COUNT_KEYS.has(key) ? counts(row[FIRST + k]) : row[FIRST + k]));
  }
  for (let k = 0, at = FIRST + common.length; k < keys.length; k++) if (present & (1 << k)) summary[keys[k]!] = row[at++];
  entries.set(id, { size, mtimeMs, summary: summary as ArticleSummary });
  return true;
}

/** Writes every summary; resolves once durable, then drops the file of the older layout. */
export async function writeSummaryCache(directory: string, entries: Iterable<readonly [string, IndexEntry]>): Promise<void> {
  const keys: string[] = [];
  const slot = new Map<string, number>();
  const rows: Row[] = [];
  for (const [id, { size, mtimeMs, summary }] of entries) {
    let present = 0;
    const values: unknown[] = [];
    const record = summary as unknown as Record<string, unknown>;
    for (const key of COMMON_KEYS) if (record[key] === undefined) throw new Error(`a summary lacks ${key}`);
    for (const [key, value] of Object.entries(summary)) {
      if (key === 'id' || value === undefined || (COMMON_KEYS as readonly string[]).includes(key)) continue;
      let k = slot.get(key);
      if (k === undefined) {
        k = keys.length;
        if (k >= MAX_KEYS) throw new Error(`a summary has more than ${MAX_KEYS} keys`);
        keys.push(key);
        slot.set(key, k);
      }
      present |= 1 << k;
      values[k] = value;
    }
    const common = COMMON_KEYS.map((key) => (COUNT_KEYS.has(key) && isEmpty(record[key]) ? 0 : record[key]));
    rows.push([id, size, mtimeMs, present, ...common, ...values.filter((_, k) => present & (1 << k))]);
  }
  const body = Buffer.from(rows.map(asciiJson).join('\n'), 'latin1');
  const header = { format: SUMMARY_CACHE_FORMAT, summaries: SUMMARY_VERSION, text: TEXT_VERSION, common: COMMON_KEYS, keys, count: rows.length, crc32: crc32(body) };
  await writeFileDurable(join(directory, SUMMARY_CACHE_FILE), [Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), body]);
  await rm(join(directory, OLD_SUMMARY_CACHE_FILE), { force: true });
}

const isEmpty = (value: unknown) => typeof value === 'object' && value !== null && Object.keys(value).length === 0;

/** JSON with every character past ASCII written as an escape (JSON.stringify already escapes lone surrogates). */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
