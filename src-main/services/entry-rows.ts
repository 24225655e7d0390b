import { crc32 } from 'node:zlib';
import { reliabilitySchema, verificationSchema, type Credibility, type Reliability, type Verification } from '../../src-shared/domain/claim';
import type { EntryParts } from './library-entries';

/*
 * Each cached entry is a row of ROW_FIELDS 32-bit integers, kept in memory: enough to choose,
 * count and order entries without reading them. The entry itself (annotation, context,
 * paragraph) is JSON on disk, read when a view shows it.
 */

/** Where the entry's JSON starts, in its article's bytes. */
export const OFFSET = 0;
export const LENGTH = 1;
/** The annotation's start in the text (order within an article). */
export const START = 2;
/** Kind flags, verification, reliability and credibility, packed (see `packOf`). */
export const PACK = 3;
/** The mentioned actor and the claim's speaker, as actor numbers (`ActorNumbers`), 0 for none. */
export const ACTOR = 4;
export const SPEAKER = 5;
/** CRC-32 of the entry's JSON: a damaged byte on disk is caught when the entry is read. */
export const HASH = 6;
export const ROW_FIELDS = 7;

export const IS_CLAIM = 1;
export const IS_DRAFT = 2;
export const IS_ORPHAN = 4;

const VERIFICATIONS = verificationSchema.options;
const RELIABILITIES = reliabilitySchema.options;

export const flagsOf = (pack: number) => pack & 0xf;
export const verificationOf = (pack: number): Verification | null => VERIFICATIONS[((pack >> 4) & 0xf) - 1] ?? null;
export const reliabilityOf = (pack: number): Reliability | null => RELIABILITIES[((pack >> 8) & 0xf) - 1] ?? null;
export const credibilityOf = (pack: number): Credibility | null => {
  const value = (pack >> 12) & 0xf;
  return value >= 1 && value <= 6 ? (value as Credibility) : null;
};

function packOf(parts: EntryParts): number {
  const a = parts.annotation;
  const flags = (a.claim ? IS_CLAIM : 0) | (a.status === 'draft' ? IS_DRAFT : 0) | (a.anchor === 'orphan' ? IS_ORPHAN : 0);
  if (!a.claim) return flags;
  const verification = VERIFICATIONS.indexOf(a.claim.verification) + 1;
  const reliability = a.claim.reliability ? RELIABILITIES.indexOf(a.claim.reliability) + 1 : 0;
  return flags | (verification << 4) | (reliability << 8) | ((a.claim.credibility ?? 0) << 12);
}

/** Actor ids as small numbers (1, 2, …), so that rows hold numbers; 0 stands for none. */
export class ActorNumbers {
  private readonly numbers = new Map<string, number>();
  private readonly ids: string[] = [''];

  of(id: string | null | undefined): number {
    if (!id) return 0;
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.ids.length;
      this.ids.push(id);
      this.numbers.set(id, n);
    }
    return n;
  }

  /** The number of an actor already seen, or undefined (no row can hold an actor never seen). */
  known(id: string): number | undefined {
    return this.numbers.get(id);
  }

  idOf(n: number): string | null {
    return n > 0 ? this.ids[n] ?? null : null;
  }
}

/** CRC-32 of bytes (as a signed integer, the way rows hold it); zlib's, at native speed. */
export function checksum(bytes: Buffer, from = 0, to = bytes.length): number {
  return crc32(bytes.subarray(from, to)) | 0;
}

/** The stored form of one entry: a JSON array, so that no key is repeated a million times. */
type StoredEntry = [paragraph: number, before: string, after: string, annotation: EntryParts['annotation']];

/** An article's entries as rows and the bytes they point into. */
export function encodeEntries(parts: readonly EntryParts[], actors: ActorNumbers): { rows: Int32Array; bytes: Buffer } {
  const rows = new Int32Array(parts.length * ROW_FIELDS);
  const chunks: Buffer[] = [];
  let offset = 0;
  parts.forEach((p, i) => {
    const json = Buffer.from(JSON.stringify([p.paragraph, p.before, p.after, p.annotation] satisfies StoredEntry), 'utf8');
    const r = i * ROW_FIELDS;
    rows[r + OFFSET] = offset;
    rows[r + LENGTH] = json.length;
    rows[r + START] = p.annotation.target.start;
    rows[r + PACK] = packOf(p);
    rows[r + ACTOR] = actors.of(p.annotation.actorId);
    rows[r + SPEAKER] = actors.of(p.annotation.claim?.speakerId);
    rows[r + HASH] = checksum(json);
    chunks.push(json);
    offset += json.length;
  });
  return { rows, bytes: Buffer.concat(chunks, offset) };
}

/** Reads one entry back; null when its bytes do not hash to what its row says (damaged on disk). */
export function decodeEntry(bytes: Buffer, from: number, to: number, hash: number): EntryParts | null {
  if (checksum(bytes, from, to) !== hash) return null;
  try {
    const [paragraph, before, after, annotation] = JSON.parse(bytes.toString('utf8', from, to)) as StoredEntry;
    return { paragraph, before, after, annotation };
  } catch {
    return null;
  }
}
