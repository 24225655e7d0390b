import type { ChannelOutput } from '../../../src-shared/contract';

type Entry = ChannelOutput<'claims:table'>[number];

const DAY = 86_400_000;
/** Most speaker lanes drawn; the rest share one "Others" lane, so the timeline stays readable. */
export const MAX_LANES = 12;

export interface TimelineMark {
  entry: Entry;
  key: string;
  lane: number;
  /** Publication day, ms since the epoch (UTC). */
  time: number;
  /** Position among the marks of one lane and day, so marks of a busy day sit side by side. */
  stack: number;
}

export interface TimelineModel {
  lanes: { id: string; label: string }[];
  marks: TimelineMark[];
  /** Pairs of marks joined by a link both of whose ends are on the timeline. */
  links: { from: TimelineMark; to: TimelineMark; type: 'supports' | 'contradicts' | 'repeats' }[];
  /** Claims whose article has no date: not on the timeline, counted. */
  undated: number;
  domain: [number, number];
}

/**
 * Lays out claims by publication date, one lane per speaker (most claims first; past
 * `MAX_LANES`, an "Others" lane), in date order, with the links between claims on it.
 */
export function timelineModel(entries: readonly Entry[], speakerName: (id: string) => string): TimelineModel {
  const dated = entries.filter((e) => e.annotation.claim && /^\d{4}-\d{2}-\d{2}$/.test(e.published));
  const counts = new Map<string, number>();
  for (const e of dated) counts.set(e.annotation.claim!.speakerId ?? '', (counts.get(e.annotation.claim!.speakerId ?? '') ?? 0) + 1);
  const order = [...counts.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : counts.get(b)! - counts.get(a)! || speakerName(a).localeCompare(speakerName(b))));
  const kept = order.slice(0, order.length > MAX_LANES ? MAX_LANES - 1 : MAX_LANES);
  const lanes = kept.map((id) => ({ id, label: id ? speakerName(id) : 'No speaker' }));
  if (kept.length < order.length) lanes.push({ id: '*others', label: `${order.length - kept.length} others` });
  const laneOf = new Map(kept.map((id, i) => [id, i]));
  const sorted = [...dated].sort((a, b) => a.published.localeCompare(b.published) || a.articleTitle.localeCompare(b.articleTitle) || a.annotation.target.start - b.annotation.target.start);
  const stacks = new Map<string, number>();
  const marks = sorted.map((entry) => {
    const lane = laneOf.get(entry.annotation.claim!.speakerId ?? '') ?? lanes.length - 1;
    const time = Date.parse(`${entry.published}T00:00:00Z`);
    const slot = `${lane}/${time}`;
    const stack = stacks.get(slot) ?? 0;
    stacks.set(slot, stack + 1);
    return { entry, key: `${entry.articleId}/${entry.annotation.id}`, lane, time, stack };
  });
  const byKey = new Map(marks.map((m) => [m.key, m]));
  const links: TimelineModel['links'] = [];
  for (const from of marks) {
    for (const link of from.entry.annotation.claim!.links) {
      const to = link.direction === 'out' ? byKey.get(`${link.articleId}/${link.annotationId}`) : undefined;
      if (to) links.push({ from, to, type: link.type });
    }
  }
  const times = marks.map((m) => m.time);
  const lo = times.length ? Math.min(...times) : Date.now();
  const hi = times.length ? Math.max(...times) : lo;
  // At least a fortnight across, and a margin, so a single day is not stretched over the width.
  const span = Math.max(hi - lo, 14 * DAY);
  const mid = (lo + hi) / 2;
  return { lanes, marks, links, undated: entries.length - dated.length, domain: [mid - span * 0.55, mid + span * 0.55] };
}

/** Zooms the visible window `[start, end]` by `factor` (< 1 zooms in) around `anchor` (0–1 across). */
export function zoomWindow([start, end]: [number, number], factor: number, anchor = 0.5): [number, number] {
  const width = Math.min(Math.max((end - start) * factor, 2 * DAY), 200 * 365 * DAY);
  const at = start + (end - start) * anchor;
  return [at - width * anchor, at + width * (1 - anchor)];
}

/** Ticks for the axis: a step of days, weeks, months or years that gives about `count` of them. */
export function ticks([start, end]: [number, number], count: number): { time: number; label: string }[] {
  const span = end - start;
  const steps: [number, (d: Date) => string][] = [
    [DAY, (d) => d.toISOString().slice(0, 10)],
    // Every other day: a fortnight (the narrowest default window) gets seven labels, not two.
    [2 * DAY, (d) => d.toISOString().slice(0, 10)],
    [7 * DAY, (d) => d.toISOString().slice(0, 10)],
    [30 * DAY, (d) => d.toISOString().slice(0, 7)],
    [91 * DAY, (d) => d.toISOString().slice(0, 7)],
    [365 * DAY, (d) => d.toISOString().slice(0, 4)],
    [5 * 365 * DAY, (d) => d.toISOString().slice(0, 4)],
  ];
  const [step, format] = steps.find(([s]) => span / s <= count) ?? steps[steps.length - 1]!;
  const result: { time: number; label: string }[] = [];
  const first = new Date(start);
  // Months and years start on their first day, so labels read as calendar units.
  let t = step >= 365 * DAY ? Date.UTC(first.getUTCFullYear() + 1, 0, 1) : step >= 30 * DAY ? Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1) : Math.ceil(start / step) * step;
  while (t <= end && result.length < 200) {
    result.push({ time: t, label: format(new Date(t)) });
    if (step >= 365 * DAY) t = Date.UTC(new Date(t).getUTCFullYear() + step / (365 * DAY), 0, 1);
    else if (step >= 30 * DAY) t = Date.UTC(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth() + Math.round(step / (30 * DAY)), 1);
    else t += step;
  }
  return result;
}
