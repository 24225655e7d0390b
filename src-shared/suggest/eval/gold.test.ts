import { describe, expect, it } from 'vitest';
import { parseGold } from './gold';

describe('parseGold', () => {
  it('strips the marks and keeps offsets into the plain text', () => {
    const g = parseGold('t', 'title: T\nregistry: Wang Yi|person|Wang; United Nations|organization|UN\n---\n“{q Wang Yi; direct; statement}[China|state] wants peace{/q},” [Wang|person|Wang Yi] said.\n');
    expect(g.text).toBe('“China wants peace,” Wang said.');
    expect(g.mentions).toEqual([
      { start: 1, end: 6, kind: 'state', canonical: 'China' },
      { start: 21, end: 25, kind: 'person', canonical: 'Wang Yi' },
    ]);
    expect(g.claims).toEqual([{ start: 1, end: 18, speaker: 'Wang Yi', form: 'direct', medium: 'statement' }]);
    expect(g.registry[1]).toEqual({ id: 'gold-actor-2', name: 'United Nations', kind: 'organization', aliases: ['UN'] });
  });

  it('rejects a malformed file with its name', () => {
    expect(() => parseGold('bad.txt', 'title: x\n---\n{q A; maybe}x{/q}')).toThrow(/bad.txt/);
    expect(() => parseGold('bad.txt', 'no header')).toThrow(/---/);
    expect(() => parseGold('bad.txt', 'title: x\n---\n{q A; direct}never closed')).toThrow(/not closed/);
  });
});
