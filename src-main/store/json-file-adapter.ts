import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import type { ZodType } from 'zod';
import { writeFileDurable } from './durable-file';
import { SerialQueue } from './serial-queue';

/** A file exists but cannot be used: it does not parse or does not match its schema. */
export class CorruptFileError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'CorruptFileError';
  }
}

/** A file written by a newer version of the app, which this version must not touch. */
export class NewerFormatError extends Error {
  constructor(
    readonly path: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(`written in format ${found}; this version of Analyst Workbench reads up to format ${supported}`);
    this.name = 'NewerFormatError';
  }
}

/**
 * lowdb adapter for one JSON file with three properties the stock adapters lack:
 * - a write resolves only once the bytes are durable (see writeFileDurable);
 * - writes are applied in call order, each with the data as it was when write() was called;
 * - a file that does not parse or validate is reported as CorruptFileError, never read as empty.
 */
export class DurableJsonFile<T extends { schemaVersion: number }> implements Adapter<T> {
  /** Writes apply in order; a failed write does not block the ones queued after it. */
  private readonly queue = new SerialQueue();

  constructor(
    readonly path: string,
    private readonly schema: ZodType<T>,
    private readonly supportedVersion: number,
  ) {}

  async read(): Promise<T | null> {
    let raw: string;
    try {
      raw = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return this.parse(raw);
  }

  parse(raw: string): T {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      throw new CorruptFileError(this.path, `not valid JSON (${(error as Error).message})`);
    }
    const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (typeof version === 'number' && version > this.supportedVersion) {
      throw new NewerFormatError(this.path, version, this.supportedVersion);
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
      throw new CorruptFileError(this.path, `does not match the expected format${where}: ${first?.message ?? 'invalid'}`);
    }
    return parsed.data;
  }

  write(data: T): Promise<void> {
    const text = `${JSON.stringify(data, null, 2)}\n`;
    return this.queue.run(() => writeFileDurable(this.path, text));
  }
}
