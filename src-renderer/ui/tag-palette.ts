/**
 * The colours offered to new tags, in turn. A tag's colour tints text backgrounds mixed with the
 * paper at the theme's `--tag-tint` (theme.css), so any colour keeps the text readable; these are
 * also checked one by one in `theme-contrast.test.ts`.
 */
export const TAG_PALETTE: readonly string[] = ['#f2c94c', '#f2994a', '#eb5757', '#6fcf97', '#56ccf2', '#bb6bd9', '#9b9b9b', '#2d9cdb'];
