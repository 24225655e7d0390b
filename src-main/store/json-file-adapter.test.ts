import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as durable from './durable-file';
import { z } from 'zod';
import { CorruptFileError, DurableJsonFile, NewerFormatError } from './json-file-adapter';

const schema = z.object({ schemaVersion: z.number(), items: z.array(z.number()) });

async function adapterIn(content?: string) {
  const dir = await mkdtemp(join(tmpdir(), 'adapter-'));
  const path = join(dir, 'data.json');
  if (content !== undefined) await writeFile(path, content);
  return { path, adapter: new DurableJsonFile(path, schema, 1) };
}

describe('DurableJsonFile', () => {
  it('reads a missing file as null (a new file), never as an error', async () => {
    const { adapter } = await adapterIn();
    expect(await adapter.read()).toBeNull();
  });

  it('reports a file that does not parse instead of reading it as empty', async () => {
    const { adapter } = await adapterIn('{"schemaVersion":1,"items":[1,');
    await expect(adapter.read()).rejects.toBeInstanceOf(CorruptFileError);
  });

  it('reports a file that parses but does not match the schema, naming the field', async () => {
    const { adapter } = await adapterIn('{"schemaVersion":1,"items":["x"]}');
    await expect(adapter.read()).rejects.toThrow(/items\.0/);
  });

  it('refuses a file written in a newer format', async () => {
    const { adapter } = await adapterIn('{"schemaVersion":7,"items":[]}');
    await expect(adapter.read()).rejects.toBeInstanceOf(NewerFormatError);
  });

  it('applies writes in call order with the data as it was at each call', async () => {
    const { adapter, path } = await adapterIn();
    const written = vi.spyOn(durable, 'writeFileDurable');
    const data = { schemaVersion: 1, items: [1] };
    const first = adapter.write(data);
    data.items.push(2);
    const second = adapter.write(data);
    await Promise.all([first, second]);
    expect(written.mock.calls.map((call) => JSON.parse(String(call[1])).items)).toEqual([[1], [1, 2]]);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ schemaVersion: 1, items: [1, 2] });
  });
});
