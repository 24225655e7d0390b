import { describe, expect, it } from 'vitest';
import { segmentDistance, unitizingAlpha, type CodedSpan } from './unitizing-alpha';

const span = (coder: number, start: number, length: number): CodedSpan => ({ coder, start, end: start + length });

describe('unitizingAlpha on Krippendorff (2004), Content Analysis 2nd ed., p. 254', () => {
  // The worked example of the book: continuum 150..450, two observers, categories c and k.
  // Expected figures as the book works them out and as DKPro Statistics asserts them in its own
  // test of this example (dkpro-statistics-agreement, unitizing/Krippendorff2004Test.java):
  // category c: Do = 0.0144, De = 0.0532, uα = 0.7286; category k: Do = 0, De = 0.0490, uα = 1.
  const c = [span(0, 225, 70), span(0, 370, 30), span(1, 220, 80), span(1, 355, 20), span(1, 400, 20)];
  const k = [span(0, 180, 60), span(0, 300, 50), span(1, 180, 60), span(1, 300, 50)];
  it('category c', () => {
    const result = unitizingAlpha({ begin: 150, length: 300, coders: 2, spans: c });
    expect(result.observed).toBeCloseTo(0.0144, 4);
    expect(result.expected).toBeCloseTo(0.0532, 4);
    expect(result.alpha).toBeCloseTo(0.7286, 4);
  });
  it('category k', () => {
    const result = unitizingAlpha({ begin: 150, length: 300, coders: 2, spans: k });
    expect(result.observed).toBe(0);
    expect(result.expected).toBeCloseTo(0.049, 4);
    expect(result.alpha).toBe(1);
  });
  it('distances of the book (DKPro Krippendorff2004Test, testDistanceMetric2)', () => {
    const seg = (start: number, length: number, unit: boolean) => ({ start, end: start + length, unit });
    expect(segmentDistance(seg(225, 70, true), seg(220, 80, true))).toBe(50);
    expect(segmentDistance(seg(370, 30, true), seg(355, 20, true))).toBe(850);
    expect(segmentDistance(seg(400, 50, false), seg(400, 20, true))).toBe(400);
  });
});

describe('unitizingAlpha on Krippendorff (1995), Sociological Methodology 25, p. 57', () => {
  // Four pairs of coders over a continuum of 24 (Bertha/Bill, John/Jill, Gerret/Gill,
  // Heather/Hill). Observed disagreements as asserted by DKPro Statistics for this example
  // (unitizing/Krippendorff1995Test.java, testAgreement): A 0.03125, B 2.26736, C 0.02777, D 0.38715.
  const A = [span(0, 2, 8), span(0, 14, 6), span(1, 4, 4), span(1, 15, 2)];
  const B = [span(0, 0, 18), ...[[0, 2], [2, 1], [3, 1], [4, 1], [5, 1], [6, 3], [9, 1]].map(([s, l]) => span(1, s!, l!))];
  const C = [span(0, 2, 6), span(0, 10, 2), span(0, 14, 4), span(0, 20, 2), span(1, 0, 2), span(1, 4, 4), span(1, 10, 4), span(1, 16, 2), span(1, 20, 2)];
  const D = [span(0, 0, 2), span(0, 2, 8), span(0, 10, 4), span(0, 14, 6), span(0, 20, 4), span(1, 0, 4), span(1, 4, 4), span(1, 8, 7), span(1, 15, 2), span(1, 17, 7)];
  it('observed disagreement of each pair', () => {
    const observed = (spans: CodedSpan[]) => unitizingAlpha({ begin: 0, length: 24, coders: 2, spans }).observed;
    expect(observed(A)).toBeCloseTo(0.03125, 5);
    expect(observed(C)).toBeCloseTo(0.02777, 4);
    // B and D have units touching end to end; DKPro keeps them apart, as we do.
    expect(observed(B)).toBeCloseTo(2.26736, 4);
    expect(observed(D)).toBeCloseTo(0.38715, 4);
  });
  it('uα with the continuum stretched 50,000-fold (DKPro: A 0.553, B −0.926, C 0.679, D 0.066, ± 0.02)', () => {
    // DKPro notes a small error in the paper's De and compares its own figures within 0.02.
    const stretch = 50_000;
    const scaled = (spans: CodedSpan[]) => spans.map((s) => ({ coder: s.coder, start: s.start * stretch, end: s.end * stretch }));
    const alpha = (spans: CodedSpan[]) => unitizingAlpha({ begin: 0, length: 24 * stretch, coders: 2, spans: scaled(spans) }).alpha!;
    expect(Math.abs(alpha(A) - 0.553)).toBeLessThan(0.02);
    expect(Math.abs(alpha(B) - -0.926)).toBeLessThan(0.02);
    expect(Math.abs(alpha(C) - 0.679)).toBeLessThan(0.02);
    expect(Math.abs(alpha(D) - 0.066)).toBeLessThan(0.02);
  });
});

describe('unitizingAlpha, small cases', () => {
  it('DKPro UnitizingAgreementTest example: Do 0.9100, De 0.5351, uα −0.7003', () => {
    // r0: -11111111-   r1: --1-1-1---  (continuum of 10, one category)
    const result = unitizingAlpha({ begin: 0, length: 10, coders: 2, spans: [span(0, 1, 8), span(1, 2, 1), span(1, 4, 1), span(1, 6, 1)] });
    // DKPro compares these within 0.0001 (assertEquals(…, 0.0001)); so do we.
    expect(Math.abs(result.observed - 0.91)).toBeLessThan(1e-4);
    expect(Math.abs(result.expected - 0.5351)).toBeLessThan(1e-4);
    expect(Math.abs(result.alpha! - -0.7003)).toBeLessThan(1e-4);
  });
  it('one unit by one of three coders: Do = De, uα = 0 (hand-computed)', () => {
    // Segments: coder 0 unit [0,1) + gap [1,20); coders 1 and 2 one gap [0,20) each.
    // Do = 2·(1² + 1²)/(3·2·20²) = 4/2400. De = (2/20)·(1²·(19 + 20 + 20))/(60·59 − 0) = 5.9/3540 = 4/2400.
    const result = unitizingAlpha({ begin: 0, length: 20, coders: 3, spans: [span(0, 0, 1)] });
    expect(result.observed).toBeCloseTo(4 / 2400, 12);
    expect(result.expected).toBeCloseTo(4 / 2400, 12);
    expect(result.alpha).toBe(0);
  });
  it('no unit at all: undefined', () => {
    expect(unitizingAlpha({ begin: 0, length: 20, coders: 3, spans: [] }).alpha).toBeNull();
  });
  it('identical units from three coders: 1', () => {
    const spans = [0, 1, 2].flatMap((c) => [span(c, 3, 4), span(c, 12, 5)]);
    expect(unitizingAlpha({ begin: 0, length: 30, coders: 3, spans }).alpha).toBe(1);
  });
  it('does not depend on which coder is which', () => {
    const spans = [span(0, 2, 6), span(1, 3, 6), span(2, 10, 3), span(1, 11, 3)];
    const swapped = spans.map((s) => ({ ...s, coder: (s.coder + 1) % 3 }));
    const a = unitizingAlpha({ begin: 0, length: 30, coders: 3, spans }).alpha!;
    expect(unitizingAlpha({ begin: 0, length: 30, coders: 3, spans: swapped }).alpha).toBeCloseTo(a, 12);
  });
  it('joins a coder’s overlapping units into one', () => {
    const joined = unitizingAlpha({ begin: 0, length: 30, coders: 2, spans: [span(0, 2, 6), span(0, 5, 5), span(1, 2, 8)] });
    expect(joined.alpha).toBe(1);
    expect(joined.units).toBe(2);
  });
});
