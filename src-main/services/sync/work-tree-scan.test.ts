import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../store/test-helpers';
import { blobId, WorkTreeScan, writeLooseObject } from './work-tree-scan';

describe('WorkTreeScan', () => {
  it('computes the ids Git computes and writes objects Git can read', async () => {
    const dir = await tempDir('scan-');
    execFileSync('git', ['init', '--quiet', dir]);
    const text = Buffer.from('{\n  "schemaVersion": 1\n}\n');
    await writeFile(join(dir, 'project.json'), text);
    const expected = execFileSync('git', ['hash-object', 'project.json'], { cwd: dir }).toString().trim();
    expect(blobId(text)).toBe(expected);
    expect(await writeLooseObject(dir, 'blob', text)).toBe(expected);
    expect(execFileSync('git', ['cat-file', '-p', expected], { cwd: dir }).toString()).toBe(text.toString());
  });

  it('lists only shared files, and after the first scan looks again only at files reported changed', async () => {
    const dir = await tempDir('scan-');
    await mkdir(join(dir, '.git'), { recursive: true });
    await mkdir(join(dir, 'articles'));
    await writeFile(join(dir, 'project.json'), '{}');
    await writeFile(join(dir, 'articles', 'a1.json'), '{"a":1}');
    await writeFile(join(dir, 'articles', '.a1.json.x.tmp'), '{');
    await writeFile(join(dir, 'articles', 'a1.json.damaged-2026'), '{');
    await writeFile(join(dir, 'index.json'), '{}');
    const scan = new WorkTreeScan(dir);
    const first = await scan.current();
    expect([...first.keys()].sort()).toEqual(['articles/a1.json', 'project.json']);

    await writeFile(join(dir, 'articles', 'a1.json'), '{"a":2}');
    expect((await scan.current()).get('articles/a1.json')).toBe(first.get('articles/a1.json'));
    scan.markChanged('articles/a1.json');
    expect((await scan.current()).get('articles/a1.json')).toBe(blobId(Buffer.from('{"a":2}')));
  });
});
