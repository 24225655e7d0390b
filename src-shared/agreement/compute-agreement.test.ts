import { describe, expect, it } from 'vitest';
import { agreementCsv, agreementMarkdown } from './agreement-export';
import type { AgreementFigure } from './agreement-schema';
import type { CodedAnnotation } from './align';
import { computeAgreement } from './compute-agreement';
import { curationUnits } from './disagreements';

let next = 0;
function claim(coder: number, start: number, end: number, speakerId: string | null, reliability: string | null = 'B', credibility: number | null = 2): CodedAnnotation {
  return { id: `a${next++}`, kind: 'claim', start, end, tags: [], actorId: null, claim: { speakerId, reliability, credibility, verification: 'unverified' }, coder };
}
function mention(coder: number, start: number, end: number, actorId: string, tags: string[] = []): CodedAnnotation {
  return { id: `a${next++}`, kind: 'actor', start, end, tags, actorId, claim: null, coder };
}
const byKey = (figures: AgreementFigure[], measure: string): AgreementFigure => figures.find((f) => f.measure === measure)!;

describe('computeAgreement', () => {
  it('identical coding by two analysts: every figure with data is 1 and reads reliable', () => {
    const annotations = [0, 1].flatMap((c) => [mention(c, 0, 5, 'x', ['t']), mention(c, 20, 25, 'y'), claim(c, 30, 60, 'x', 'B', 2), claim(c, 70, 90, 'y', 'C', 3)]);
    const report = computeAgreement({ analysts: ['Ana', 'Ben'], articles: [{ id: 'p', title: 'P', length: 100, annotations }], tags: new Map([['t', 'Threat']]) });
    for (const f of report.overall.filter((g) => g.measure !== 'verification')) {
      expect(f.alpha, f.label).toBe(1);
      expect(f.reading).toContain('Reliable');
    }
    // Every claim says "unverified": no variation, so alpha is undefined, read as no data.
    expect(byKey(report.overall, 'verification').alpha).toBeNull();
    expect(byKey(report.overall, 'verification').reading).toBe('Not enough data to judge');
    expect(report.overall.find((f) => f.tagId === 't')!.label).toBe('Where: tag Threat');
    expect(byKey(report.overall, 'speaker').units).toBe(2);
  });

  it('speaker disagreement on one of two matched claims, with hand-computed nominal alpha', () => {
    // Units (x, x) and (x, y) — codes x=0, y=1. Coincidences: o_xx = 2, o_xy = o_yx = 1; n_x = 3, n_y = 1, n.. = 4.
    // Do = 2/4 = 0.5; De = 2·3·1/(4·3) = 0.5; alpha = 1 − 0.5/0.5 = 0.
    const annotations = [claim(0, 0, 10, 'x'), claim(1, 2, 10, 'x'), claim(0, 50, 60, 'x'), claim(1, 50, 61, 'y')];
    const report = computeAgreement({ analysts: ['Ana', 'Ben'], articles: [{ id: 'p', title: 'P', length: 100, annotations }], tags: new Map() });
    expect(byKey(report.overall, 'speaker').alpha).toBeCloseTo(0, 12);
    expect(byKey(report.overall, 'speaker').reading).toBe('Below 0.667: do not rely on these codes');
    expect(byKey(report.perArticle, 'where-claim').alpha).toBeLessThan(1);
  });

  it('pools articles overall and keeps per-article rows', () => {
    const a = { id: 'a', title: 'A', length: 50, annotations: [mention(0, 0, 5, 'x'), mention(1, 0, 5, 'x')] };
    const b = { id: 'b', title: 'B', length: 50, annotations: [mention(0, 10, 15, 'x'), mention(1, 10, 15, 'y')] };
    const report = computeAgreement({ analysts: ['Ana', 'Ben'], articles: [a, b], tags: new Map() });
    expect(report.perArticle.filter((f) => f.measure === 'actor').map((f) => f.articleId)).toEqual(['a', 'b']);
    expect(byKey(report.overall, 'actor').units).toBe(2);
    expect(byKey(report.overall, 'where-actor').alpha).toBe(1);
  });

  it('exports CSV with negative alphas as numbers and a Markdown section', () => {
    const annotations = [claim(0, 0, 40, 'x'), claim(1, 30, 41, 'x')];
    const report = computeAgreement({ analysts: ['Ana', 'Ben'], articles: [{ id: 'p', title: 'Port | Aurel', length: 100, annotations }], tags: new Map() });
    const csv = agreementCsv(report);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFScope,Article id,Measure,Metric,Alpha,Units,Reading,Analysts');
    const where = csv.split('\r\n').find((l) => l.startsWith('Overall,,Where: claims'))!;
    expect(where).toMatch(/,-0\.\d+,/);
    const md = agreementMarkdown(report);
    expect(md).toContain('## Intercoder agreement');
    expect(md).toContain('### Port \\| Aurel');
    expect(md).toContain('| Speaker of a claim | nominal | – | 1 | Not enough data to judge |');
  });
});

describe('curationUnits', () => {
  it('lists disagreements first, with what differs', () => {
    const annotations = [claim(0, 0, 10, 'x'), claim(1, 0, 10, 'x'), claim(0, 50, 60, 'x', 'A'), claim(1, 52, 60, 'x', 'B'), mention(1, 80, 85, 'z')];
    const units = curationUnits(annotations, ['Ana', 'Ben']);
    // Disagreements in text order (the claim at 50, then the mention at 80), then agreements.
    expect(units.map((u) => u.differences)).toEqual([['Passage', 'Reliability'], ['Not marked by Ana'], []]);
  });
});
