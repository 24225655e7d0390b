/**
 * Plain-language readings of an alpha, after Krippendorff (2004), Content Analysis, 2nd ed.,
 * p. 241: rely on variables with α ≥ .800; consider those with .667 ≤ α < .800 only for drawing
 * tentative conclusions.
 */

/** How far a figure can be relied on. */
export type AgreementLevel = 'reliable' | 'tentative' | 'unreliable' | 'no-data';

export function levelOf(alpha: number | null): AgreementLevel {
  if (alpha === null || !Number.isFinite(alpha)) return 'no-data';
  if (alpha >= 0.8) return 'reliable';
  if (alpha >= 0.667) return 'tentative';
  return 'unreliable';
}

export const READINGS: Record<AgreementLevel, string> = {
  reliable: 'Reliable (α ≥ 0.800)',
  tentative: 'Tentative conclusions only (0.667 ≤ α < 0.800)',
  unreliable: 'Below 0.667: do not rely on these codes',
  'no-data': 'Not enough data to judge',
};

/** "0.743", or "–" when undefined. */
export function formatAlpha(alpha: number | null): string {
  return alpha === null || !Number.isFinite(alpha) ? '–' : alpha.toFixed(3);
}
