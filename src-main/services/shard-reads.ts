import type { FileHandle } from 'node:fs/promises';
import { mapConcurrent } from '../store/serial-queue';
import { readRange } from './entries-cache-file';

/**
 * An open shard file of the entries cache. A rewrite replaces the file under its name, so every
 * reader holds the handle it started with, and a replaced file is closed once its last reader
 * is done: a read never meets offsets of one file in another.
 */
export class ShardFile {
  private users = 0;
  private retired = false;

  constructor(private readonly handle: FileHandle) {}

  /** Counts a reader in; the handle stays open until `release`. */
  acquire(): this {
    this.users++;
    return this;
  }

  release(): void {
    this.users--;
    if (this.retired && this.users === 0) void this.handle.close().catch(() => undefined);
  }

  /** Reads into `into` when it is large enough (the answer may be longer than `length`: use its start). */
  read(position: number, length: number, into?: Buffer): Promise<Buffer> {
    return readRange(this.handle, position, length, into);
  }

  /** No new readers; closed when the current ones are done. */
  retire(): void {
    if (this.retired) return;
    this.retired = true;
    if (this.users === 0) void this.handle.close().catch(() => undefined);
  }
}

/** A span of bytes wanted from a file, and where the answer goes. */
export interface Wanted {
  file: ShardFile;
  position: number;
  length: number;
  index: number;
}

/** Spans closer than this are read as one (a read costs more than the bytes between them). */
const GAP = 16 * 1024;
/** No single read past this, so that a scan of the whole cache never holds one huge buffer. */
const MAX_READ = 1024 * 1024;
/** Files read at once: each holds one read buffer (at most MAX_READ). */
const FILES_AT_ONCE = 4;

/**
 * Reads spans of shard files, nearby spans together, and hands each span's bytes (a buffer and
 * where the span starts in it) to `take`. The buffer is reused for the next read of the same
 * file (no megabytes of garbage per request): `take` must copy what it keeps. Every file must
 * have been acquired once per span.
 */
export async function readSpans(wanted: readonly Wanted[], take: (index: number, bytes: Buffer, from: number) => void): Promise<void> {
  const byFile = new Map<ShardFile, Wanted[]>();
  for (const w of wanted) {
    const list = byFile.get(w.file);
    if (list) list.push(w);
    else byFile.set(w.file, [w]);
  }
  try {
    await mapConcurrent([...byFile], FILES_AT_ONCE, async ([file, spans]) => {
      spans.sort((a, b) => a.position - b.position);
      let scratch: Buffer | undefined;
      for (let i = 0; i < spans.length; ) {
        const start = spans[i]!.position;
        let end = start + spans[i]!.length;
        let j = i + 1;
        while (j < spans.length && spans[j]!.position - end < GAP && Math.max(end, spans[j]!.position + spans[j]!.length) - start <= MAX_READ) {
          end = Math.max(end, spans[j]!.position + spans[j]!.length);
          j++;
        }
        const bytes = await file.read(start, end - start, scratch);
        scratch = bytes;
        for (let k = i; k < j; k++) take(spans[k]!.index, bytes, spans[k]!.position - start);
        i = j;
      }
    });
  } finally {
    for (const w of wanted) w.file.release();
  }
}
