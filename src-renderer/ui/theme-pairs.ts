/**
 * The colour pairs of theme.css that carry text, and the contrast each must keep in both themes.
 * `theme-contrast.test.ts` checks them against the tokens as the CSS declares them. A new token
 * that text is drawn on (or in) gets its pairs here. See docs/ui.md.
 */

/** One text colour on one background, by token name (without the leading `--`). */
export interface ContrastPair {
  text: string;
  on: string;
  /** WCAG ratio the pair must reach: 4.5 for text (AA), 3 for large text and controls' edges. */
  min: number;
}

const AA = 4.5;

function all(text: string, backgrounds: readonly string[], min = AA): ContrastPair[] {
  return backgrounds.map((on) => ({ text, on, min }));
}

/** Every surface text is drawn on. */
export const SURFACES = ['bg', 'panel', 'paper', 'subtle-bg', 'field-bg', 'hover', 'selected', 'chosen', 'chosen-open', 'chip-bg', 'tab-bg'] as const;

/** The backgrounds of annotated text, one per kind. */
export const HIGHLIGHTS = ['hl-highlight', 'hl-actor', 'hl-claim', 'hl-suggestion'] as const;

export const CONTRAST_PAIRS: readonly ContrastPair[] = [
  ...all('ink', [...SURFACES, ...HIGHLIGHTS, 'banner-warning-bg', 'banner-error-bg', 'danger-bg']),
  ...all('muted', ['bg', 'panel', 'paper', 'subtle-bg', 'field-bg', 'hover', 'selected', 'chosen', 'chosen-open']),
  ...all('quote-ink', ['panel', 'subtle-bg', 'paper', ...HIGHLIGHTS]),
  ...all('chip-ink', ['chip-bg']),
  ...all('accent', ['bg', 'panel', 'paper', 'selected']),
  ...all('accent-ink', ['accent']),
  ...all('danger', ['bg', 'panel', 'subtle-bg', 'danger-bg', 'banner-error-bg']),
  ...all('warning-ink', ['bg', 'panel', 'subtle-bg']),
  ...all('success-ink', ['bg', 'panel', 'subtle-bg']),
  ...all('float-ink', ['float-bg', 'float-hover']),
  // The network's nodes and links and the timelines' marks: graphics on the page and on panels (WCAG 1.4.11).
  ...['person', 'organization', 'state', 'group', 'other', 'mentions', 'supports', 'contradicts', 'repeats', 'co-mention'].flatMap((name) => all(`net-${name}`, ['bg', 'panel'], 3)),
  ...['corroborated', 'contested', 'false', 'unverified'].flatMap((name) => all(`verification-${name}`, ['bg', 'panel'], 3)),
  // The focus ring and a selected annotation's outline must stand out from what they surround.
  ...all('focus', ['bg', 'panel', 'paper'], 3),
];
