import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import type { NetworkAnnotation, NetworkArticle } from '../../src-shared/network/network-graph';
import { TEXT_VERSION } from '../../src-shared/text/version';
import { writeFileDurable } from '../store/durable-file';
import { asciiJson } from '../store/summary-cache-file';
import type { FileStamp } from '../store/project-store';

/**
 * `network-cache.jsonl`: the network summaries of the articles the Network view has read
 * (`networkArticle`: claims, actor marks and paragraph bounds, no text), so that the first
 * network of a session is built without reading two thousand article files. A header line
 * (`format`, `text`, `count`, `crc32` of the rows' bytes), then a row per article:
 * `[id, size, mtimeMs, published, paragraphs, annotations]`, paragraphs as a flat list of
 * bounds and each annotation as an array (about half the bytes of objects). Rows are ASCII, like
 * index.jsonl's. Each row carries the size and time of the article file it was made from: a row
 * is used only while the store's stamp for that article is the same (else the file is read
 * again). Derived data: a file that fails a check is ignored and written anew.
 */
export const NETWORK_CACHE_FILE = 'network-cache.jsonl';
/** Bump when the rows' layout or what `networkArticle` keeps changes. */
export const NETWORK_CACHE_FORMAT = 1;

const headerSchema = z.object({
  format: z.literal(NETWORK_CACHE_FORMAT),
  text: z.literal(TEXT_VERSION),
  count: z.number().int().nonnegative(),
  crc32: z.number().int().nonnegative(),
});

type AnnotationRow = [id: string, kind: NetworkAnnotation['kind'], actorId: string | null, anchor: NetworkAnnotation['anchor'], tags: string[], status: NetworkAnnotation['status'], start: number, end: number, claim: [speakerId: string | null, verification: string, links: unknown[]] | null];
type Row = [id: string, size: number, mtimeMs: number, published: string, paragraphs: number[], annotations: AnnotationRow[]];

export interface CachedNetworkArticle {
  stamp: FileStamp;
  article: NetworkArticle;
}

function encode(id: string, stamp: FileStamp, article: NetworkArticle): Row {
  const paragraphs: number[] = [];
  for (const p of article.paragraphs ?? []) paragraphs.push(p.start, p.end);
  const annotations = article.annotations.map((a): AnnotationRow => [a.id, a.kind, a.actorId, a.anchor, [...a.tags], a.status, a.target.start, a.target.end, a.claim && [a.claim.speakerId, a.claim.verification, [...a.claim.links]]]);
  return [id, stamp.size, stamp.mtimeMs, article.article.published, paragraphs, annotations];
}

function decode(row: Row): CachedNetworkArticle {
  const [id, size, mtimeMs, published, flat, rows] = row;
  const paragraphs: { start: number; end: number }[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) paragraphs.push({ start: flat[i]!, end: flat[i + 1]! });
  const annotations = rows.map(
    ([annotationId, kind, actorId, anchor, tags, status, start, end, claim]): NetworkAnnotation => ({
      id: annotationId,
      kind,
      actorId,
      anchor,
      tags,
      status,
      target: { start, end },
      claim: claim && ({ speakerId: claim[0], verification: claim[1], links: claim[2] } as NetworkAnnotation['claim']),
    }),
  );
  return { stamp: { size, mtimeMs }, article: { article: { id, published }, paragraphs, annotations } };
}

const isRow = (row: unknown): row is Row =>
  Array.isArray(row) && row.length === 6 && typeof row[0] === 'string' && typeof row[1] === 'number' && typeof row[2] === 'number' && typeof row[3] === 'string' && Array.isArray(row[4]) && Array.isArray(row[5]);

/** The cached network summaries by article id, or null when there is no file or it fails a check. */
export async function readNetworkCache(directory: string): Promise<Map<string, CachedNetworkArticle> | null> {
  let file: Buffer;
  try {
    file = await readFile(join(directory, NETWORK_CACHE_FILE));
  } catch {
    return null;
  }
  try {
    const newline = file.indexOf(10);
    if (newline < 0) return null;
    const header = headerSchema.safeParse(JSON.parse(file.subarray(0, newline).toString('utf8')));
    if (!header.success) return null;
    const body = file.subarray(newline + 1);
    if (crc32(body) !== header.data.crc32) return null;
    const found = new Map<string, CachedNetworkArticle>();
    for (let at = 0; at < body.length; ) {
      let end = body.indexOf(10, at);
      if (end < 0) end = body.length;
      const row = JSON.parse(body.toString('latin1', at, end)) as unknown;
      at = end + 1;
      if (!isRow(row)) return null;
      found.set(row[0], decode(row));
    }
    return found.size === header.data.count ? found : null;
  } catch {
    return null;
  }
}

/** Writes the summaries whole; resolves once the file is durable. */
export async function writeNetworkCache(directory: string, articles: Iterable<readonly [string, FileStamp, NetworkArticle]>): Promise<number> {
  const rows: string[] = [];
  for (const [id, stamp, article] of articles) rows.push(asciiJson(encode(id, stamp, article)));
  const body = Buffer.from(rows.join('\n'), 'latin1');
  const header = { format: NETWORK_CACHE_FORMAT, text: TEXT_VERSION, count: rows.length, crc32: crc32(body) };
  await writeFileDurable(join(directory, NETWORK_CACHE_FILE), [Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), body]);
  return rows.length;
}
