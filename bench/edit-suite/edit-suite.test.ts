import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import { suite } from './suite';

// A slice of the edit suite's dev articles (`npm run bench anchor-bench` runs all of them; the
// held-out articles are kept out of tests so nothing is tuned to them): regressions in
// re-anchoring fail here.
describe('edit suite slice', () => {
  const { dev } = suite(8);

  it('places no annotation somewhere that is not its passage, after articles:update-text', () => {
    for (const scenarios of [dev]) {
      const score = evaluate(scenarios, 'edit');
      const first = score.failures[0];
      expect(score.misplaced, first && `${first.item.kind} "${first.item.target.exact}" after ${first.scenario.edits.join(', ')} in ${first.scenario.article}`).toBe(0);
      expect(score.byKind.unchanged.exact / score.byKind.unchanged.cases).toBeGreaterThanOrEqual(0.99);
      expect(score.byKind.deleted.orphaned).toBe(score.byKind.deleted.cases);
    }
  });

  it('covers every kind of edit, with passages whose words recur elsewhere', () => {
    const cases = dev.flatMap((s) => s.cases);
    for (const kind of ['unchanged', 'typo', 'reword', 'deleted'] as const) {
      expect(cases.filter((c) => c.kind === kind).length).toBeGreaterThan(20);
      expect(cases.filter((c) => c.kind === kind && c.recurs).length).toBeGreaterThan(2);
    }
    const edits = new Set(dev.flatMap((s) => s.edits));
    expect([...edits].sort()).toEqual(expect.arrayContaining(['move paragraph', 'duplicate paragraph after it', 'duplicate paragraph before it', 'insert sentence', 'delete sentence']));
  });
});
