import type { PdfTextRun } from './pdf-paragraphs';

/** A text run with the direction of its baseline, in radians from the page's x axis. */
export interface AngledRun extends PdfTextRun {
  angle: number;
}

/** The baseline direction of a pdf.js text item's transform [a, b, c, d, e, f]. */
export function runAngle(transform: readonly number[]): number {
  return Math.atan2(transform[1] ?? 0, transform[0] ?? 1);
}

/**
 * The runs of one page turned so that its text reads left to right with lines going down, as
 * the paragraph builder expects: a page whose text is drawn turned (a landscape table on a
 * portrait page, a scan's text layer set sideways) otherwise has its lines grouped by the wrong
 * axis and read backwards. The page's direction is that of most of its text (by characters); runs
 * are turned about the origin, which keeps their order along and across lines. A page's own
 * /Rotate needs nothing: pdf.js reports positions before it is applied.
 */
export function uprightRuns(runs: readonly AngledRun[]): PdfTextRun[] {
  const angle = dominantAngle(runs);
  const strip = ({ angle: _angle, ...run }: AngledRun): PdfTextRun => run;
  if (Math.abs(angle) < 1e-3) return runs.map(strip);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return runs.map((run) => ({ ...strip(run), x: run.x * cos + run.y * sin, y: -run.x * sin + run.y * cos }));
}

/** The angle carrying most characters, to the nearest degree (so float noise does not split a page). */
function dominantAngle(runs: readonly AngledRun[]): number {
  const weight = new Map<number, number>();
  for (const run of runs) {
    const length = run.str.trim().length;
    if (length === 0) continue;
    const degrees = ((Math.round((run.angle * 180) / Math.PI) % 360) + 360) % 360;
    weight.set(degrees, (weight.get(degrees) ?? 0) + length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [degrees, total] of weight) {
    if (total > bestWeight) [best, bestWeight] = [degrees, total];
  }
  return (best * Math.PI) / 180;
}
