import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../src-shared/domain/article';
import { asciiJson, readSummaryCache, SUMMARY_CACHE_FILE, SUMMARY_CACHE_FORMAT, writeSummaryCache } from './summary-cache-file';
import type { IndexEntry } from './summary-index';
import { tempDir } from './test-helpers';

const base: ArticleSummary = {
  id: 'a1',
  title: 'Harbour talks',
  source: 'Wire',
  url: '',
  published: '2026-05-14',
  status: 'todo',
  createdAt: '2026-05-14T10:00:00.000Z',
  updatedAt: '2026-05-14T10:00:00.000Z',
  wordCount: 812,
  annotationCount: 3,
  claimCount: 1,
  orphanCount: 0,
  actorMentions: { x: 2 },
  speakerClaims: {},
  tagCounts: {},
  statusCounts: { draft: 3 },
  verificationCounts: { unverified: 1 },
};

function entries(): Map<string, IndexEntry> {
  const rich: ArticleSummary = {
    ...base,
    id: 'a2',
    title: 'محادثات الميناء',
    language: 'ar',
    direction: 'rtl',
    byline: 'Lena Marsh',
    assignedTo: ['Ana', 'Ben'],
    createdBy: null,
    updatedBy: { name: 'Ana', email: '' },
    origin: { fileName: 'a.html', format: 'html', sha256: 'f'.repeat(64), importedAt: '2026-05-14T10:00:00.000Z' },
  };
  return new Map([
    ['a1', { size: 100, mtimeMs: 1.5, summary: base }],
    ['a2', { size: 200, mtimeMs: 2.25, summary: rich }],
  ]);
}

describe('the summary cache file', () => {
  it('reads back exactly what it wrote, optional fields, nulls and all', async () => {
    const dir = await tempDir();
    await writeSummaryCache(dir, entries());
    expect(await readSummaryCache(dir)).toEqual(entries());
  });

  it('writes only ASCII (Arabic, emoji and a lone surrogate as escapes) and reads every character back', async () => {
    const dir = await tempDir();
    const odd = new Map(entries());
    const title = 'Café “talks” 😀 \ud800 end';
    odd.set('a3', { size: 3, mtimeMs: 3, summary: { ...base, id: 'a3', title, source: 'Ünïcode \u2028 wire' } });
    await writeSummaryCache(dir, odd);
    const bytes = await readFile(join(dir, SUMMARY_CACHE_FILE));
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    const read = await readSummaryCache(dir);
    expect(read).toEqual(odd);
    expect(read?.get('a3')?.summary.title).toBe(title);
    expect(JSON.parse(asciiJson(['محادثات']))).toEqual(['محادثات']);
  });

  it('reads every empty count map as one frozen object, so that none is changed in place by mistake', async () => {
    const dir = await tempDir();
    await writeSummaryCache(dir, entries());
    const read = await readSummaryCache(dir);
    const a1 = read?.get('a1')?.summary;
    expect(a1?.speakerClaims).toEqual({});
    expect(a1?.speakerClaims).toBe(read?.get('a2')?.summary.speakerClaims);
    expect(Object.isFrozen(a1?.tagCounts)).toBe(true);
    expect(a1?.actorMentions).toEqual({ x: 2 });
  });

  it('reads a file whose common keys differ from this version’s, the general way', async () => {
    const dir = await tempDir();
    await writeSummaryCache(dir, entries());
    const path = join(dir, SUMMARY_CACHE_FILE);
    const text = await readFile(path, 'utf8');
    const newline = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, newline));
    // The same rows, described with the common keys in another order: values follow their keys.
    const rows = text.slice(newline + 1).split('\n').map((line) => JSON.parse(line) as unknown[]);
    const order = [...header.common].reverse();
    for (const row of rows) row.splice(4, order.length, ...order.map((key: string) => row[4 + header.common.indexOf(key)]));
    const body = rows.map(asciiJson).join('\n');
    await writeFile(path, `${JSON.stringify({ ...header, common: order, crc32: crc32(Buffer.from(body, 'latin1')) })}\n${body}`);
    expect(await readSummaryCache(dir)).toEqual(entries());
  });

  it('reads a file of many chunks: rows across chunk boundaries, and one row longer than a chunk', async () => {
    const dir = await tempDir();
    const many = new Map<string, IndexEntry>();
    for (let i = 0; i < 6_000; i++) {
      const id = `m${i}`;
      many.set(id, { size: i, mtimeMs: i + 0.5, summary: { ...base, id, title: `Talks round ${i} ${'é'.repeat(i % 97)} ${'x'.repeat(i % 301)}` } });
    }
    // About 1.5 MB in one row (a chunk is 1 MB).
    many.set('long', { size: 1, mtimeMs: 1, summary: { ...base, id: 'long', title: 'Long', source: 'w'.repeat(1_500_000) } });
    many.set('after', { size: 2, mtimeMs: 2, summary: { ...base, id: 'after' } });
    await writeSummaryCache(dir, many);
    const path = join(dir, SUMMARY_CACHE_FILE);
    expect((await readFile(path)).length).toBeGreaterThan(3 * 1024 * 1024);
    expect(await readSummaryCache(dir)).toEqual(many);
    // A flipped bit in a later chunk is still caught.
    const bytes = await readFile(path);
    const at = bytes.lastIndexOf('Talks round 5999');
    bytes[at] = 't'.charCodeAt(0);
    await writeFile(path, bytes);
    expect(await readSummaryCache(dir)).toBeNull();
  });

  it.each([
    ['a flipped bit in the rows', (text: string) => text.slice(0, -3) + (text.at(-3) === '1' ? '2' : '1') + text.slice(-2)],
    ['cut short', (text: string) => text.slice(0, text.length - 10)],
    ['no rows', (text: string) => text.slice(0, text.indexOf('\n'))],
    ['a row left out', (text: string) => text.slice(0, text.lastIndexOf('\n'))],
    ['a header counting a row more than there are', (text: string) => text.replace('"count":2', '"count":3')],
    ['another format', (text: string) => text.replace(`"format":${SUMMARY_CACHE_FORMAT}`, `"format":${SUMMARY_CACHE_FORMAT + 1}`)],
    ['a character changed to another of the same length', (text: string) => text.replace('Harbour', 'Harbor_')],
  ])('is refused when %s', async (_case, damage) => {
    const dir = await tempDir();
    await writeSummaryCache(dir, entries());
    const path = join(dir, SUMMARY_CACHE_FILE);
    const damaged = damage(await readFile(path, 'utf8'));
    expect(damaged).not.toBe(await readFile(path, 'utf8'));
    await writeFile(path, damaged);
    expect(await readSummaryCache(dir)).toBeNull();
  });
});
