import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../src-shared/contract';
import { MAX_LANES, ticks, timelineModel, zoomWindow } from './timeline-layout';

type Entry = ChannelOutput<'claims:table'>[number];
const DAY = 86_400_000;

function entry(id: string, published: string, speakerId: string | null, links: NonNullable<Entry['annotation']['claim']>['links'] = []): Entry {
  return {
    articleId: `a-${id}`, articleTitle: id, source: '', published, paragraph: 1, before: '', after: '', links: [],
    annotation: {
      id, articleId: `a-${id}`, kind: 'claim', target: { start: 0, end: 1, exact: id, prefix: '', suffix: '' }, tags: [], note: '', status: 'draft', actorId: null, anchor: 'anchored', createdAt: '', updatedAt: '',
      claim: { speakerId, form: 'paraphrase', medium: '', reliability: null, credibility: null, verification: 'unverified', links },
    },
  };
}

describe('timelineModel', () => {
  it('puts claims in date order, a lane per speaker, undated ones counted apart', () => {
    const model = timelineModel([entry('c', '2026-03-09', 's2'), entry('a', '2026-03-02', 's1'), entry('u', '', 's1'), entry('b', '2026-03-05', 's1'), entry('d', '2026-03-05', null)], (id) => id.toUpperCase());
    expect(model.marks.map((m) => m.entry.annotation.id)).toEqual(['a', 'b', 'd', 'c']);
    expect(model.lanes.map((l) => l.label)).toEqual(['S1', 'S2', 'No speaker']);
    expect(model.undated).toBe(1);
    expect(model.domain[0]).toBeLessThan(Date.parse('2026-03-02'));
    expect(model.domain[1]).toBeGreaterThan(Date.parse('2026-03-09'));
  });

  it('joins linked claims both on the timeline, once (from the side that holds the link as out)', () => {
    const a = entry('a', '2026-03-02', 's1', [{ articleId: 'a-b', annotationId: 'b', type: 'contradicts', direction: 'in' }]);
    const b = entry('b', '2026-03-05', 's2', [{ articleId: 'a-a', annotationId: 'a', type: 'contradicts', direction: 'out' }, { articleId: 'a-x', annotationId: 'x', type: 'supports', direction: 'out' }]);
    const model = timelineModel([a, b], (id) => id);
    expect(model.links.map((l) => `${l.from.entry.annotation.id}-${l.type}-${l.to.entry.annotation.id}`)).toEqual(['b-contradicts-a']);
  });

  it('folds speakers past the lane limit into one lane, and stacks a busy day', () => {
    const many = Array.from({ length: MAX_LANES + 3 }, (_, i) => entry(`c${i}`, '2026-01-01', `s${i}`));
    const model = timelineModel(many, (id) => id);
    expect(model.lanes).toHaveLength(MAX_LANES);
    expect(model.lanes.at(-1)!.label).toBe('4 others');
    expect(model.marks.filter((m) => m.lane === MAX_LANES - 1).map((m) => m.stack)).toEqual([0, 1, 2, 3]);
  });
});

describe('zoom and ticks', () => {
  it('zooms around the anchor, within limits', () => {
    const [a, b] = zoomWindow([0, 100 * DAY], 0.5, 0.5);
    expect([a / DAY, b / DAY]).toEqual([25, 75]);
    const [c, d] = zoomWindow([0, 3 * DAY], 0.1);
    expect((d - c) / DAY).toBe(2);
  });

  it('labels days, months or years as the window widens', () => {
    expect(ticks([Date.parse('2026-03-01'), Date.parse('2026-03-05')], 8)[0]!.label).toBe('2026-03-01');
    // A fortnight, the default window of a few days' claims, is labelled every other day.
    expect(ticks([Date.parse('2026-03-01'), Date.parse('2026-03-16')], 8).map((t) => t.label)).toEqual(['2026-03-02', '2026-03-04', '2026-03-06', '2026-03-08', '2026-03-10', '2026-03-12', '2026-03-14', '2026-03-16']);
    expect(ticks([Date.parse('2026-01-15'), Date.parse('2026-07-15')], 8).map((t) => t.label)).toEqual(['2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07']);
    expect(ticks([Date.parse('2015-06-01'), Date.parse('2025-06-01')], 12).map((t) => t.label)[0]).toBe('2016');
  });
});
