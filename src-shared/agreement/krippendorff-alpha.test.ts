import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from './krippendorff-alpha';

/**
 * Reliability data of Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
 * University of Pennsylvania, repository.upenn.edu/asc_papers/43, section C ("Multiple Values,
 * Missing Data"): 4 observers × 12 units, `null` where an observer gave no value.
 * Rows are units, columns observers A, B, C, D.
 */
const KRIPPENDORFF_2011: (number | null)[][] = [
  [1, 1, null, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [null, 5, 5, 5],
  [null, null, 1, 1],
  [null, 3, null, null],
];

describe('krippendorffAlpha on Krippendorff (2011), section C', () => {
  // Expected figures as printed in Krippendorff (2011), section C: α_nominal = 0.743,
  // α_ordinal = 0.815, α_interval = 0.849, α_ratio = 0.797 (also asserted by pyirr's test of the
  // same data, tests/test_kripp_alpha.py). The paper gives three decimals, so we compare at three.
  it('nominal: 0.743', () => {
    expect(krippendorffAlpha(KRIPPENDORFF_2011, 'nominal').alpha).toBeCloseTo(0.743, 3);
  });
  it('ordinal: 0.815', () => {
    expect(krippendorffAlpha(KRIPPENDORFF_2011, 'ordinal').alpha).toBeCloseTo(0.815, 3);
  });
  it('interval: 0.849', () => {
    expect(krippendorffAlpha(KRIPPENDORFF_2011, 'interval').alpha).toBeCloseTo(0.849, 3);
  });
  it('ratio: 0.797', () => {
    expect(krippendorffAlpha(KRIPPENDORFF_2011, 'ratio').alpha).toBeCloseTo(0.797, 3);
  });
  it('counts the pairable values (n.. = 40 in the paper) and leaves out unit 12, which one observer coded', () => {
    const result = krippendorffAlpha(KRIPPENDORFF_2011, 'nominal');
    expect(result.values).toBe(40);
    expect(result.units).toBe(11);
  });
});

describe('krippendorffAlpha invariants (no published figure: hand-checked)', () => {
  it('is 1 when every coder gives every unit the same value', () => {
    expect(krippendorffAlpha([[1, 1], [2, 2], [3, 3]], 'nominal').alpha).toBe(1);
    expect(krippendorffAlpha([[1, 1], [2, 2], [3, 3]], 'ordinal').alpha).toBe(1);
  });
  it('is undefined when there is no variation at all (De = 0) or nothing pairable', () => {
    expect(krippendorffAlpha([[1, 1], [1, 1]], 'nominal').alpha).toBeNull();
    expect(krippendorffAlpha([[1, null], [null, 2]], 'nominal').alpha).toBeNull();
  });
  it('does not depend on the order of units or of coders', () => {
    const units = [...KRIPPENDORFF_2011].reverse();
    const coders = KRIPPENDORFF_2011.map((row) => [row[3]!, row[1]!, row[0]!, row[2]!].map((v) => v ?? null));
    for (const metric of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
      const base = krippendorffAlpha(KRIPPENDORFF_2011, metric).alpha!;
      expect(krippendorffAlpha(units, metric).alpha).toBeCloseTo(base, 12);
      expect(krippendorffAlpha(coders, metric).alpha).toBeCloseTo(base, 12);
    }
  });
  it('two coders, two units, total disagreement: hand computation gives 1 − 1/(2/3) = −0.5', () => {
    // Units (a, b), (b, a): o_ab = o_ba = 2, n_a = n_b = 2, n.. = 4.
    // Do = (o_ab + o_ba)/n.. = 4/4 = 1; De = (n_a n_b + n_b n_a)/(n..(n.. − 1)) = 8/12 = 2/3.
    expect(krippendorffAlpha([[1, 2], [2, 1]], 'nominal').alpha).toBeCloseTo(-0.5, 12);
  });
});
