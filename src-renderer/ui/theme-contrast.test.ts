import { describe, expect, it } from 'vitest';
import { contrastRatio, mixSrgb, over, parseColor, type Rgba } from './contrast';
import { TAG_PALETTE } from './tag-palette';
import { CONTRAST_PAIRS, HIGHLIGHTS } from './theme-pairs';
// The file the app loads, as text (a Vite `?raw` import the layer rules cannot resolve to a file).
// eslint-disable-next-line boundaries/dependencies
import css from './theme.css?raw';

// The test checks what the CSS declares, not a copy of it.

type Tokens = Map<string, string>;

/** The declarations of one rule block of theme.css, by selector. */
function block(selector: string): Tokens {
  const start = css.indexOf(`${selector} {`);
  if (start === -1) throw new Error(`theme.css has no block ${selector}`);
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  const tokens: Tokens = new Map();
  for (const match of body.matchAll(/--([\w-]+)\s*:\s*([^;]+);/g)) tokens.set(match[1]!, match[2]!.trim());
  return tokens;
}

const light = block(':root');
// The dark theme overrides some tokens and inherits the others, as the cascade does.
const themes: Record<'light' | 'dark', Tokens> = { light, dark: new Map([...light, ...block(":root[data-theme='dark']")]) };

function raw(tokens: Tokens, name: string, seen: string[] = []): string {
  const value = tokens.get(name);
  if (value === undefined) throw new Error(`No token --${name}`);
  const reference = /^var\(--([\w-]+)\)$/.exec(value);
  if (!reference) return value;
  if (seen.includes(name)) throw new Error(`Token --${name} refers to itself`);
  return raw(tokens, reference[1]!, [...seen, name]);
}

function color(tokens: Tokens, name: string): Rgba {
  const parsed = parseColor(raw(tokens, name));
  if (!parsed) throw new Error(`--${name} is not a colour: ${raw(tokens, name)}`);
  // A translucent token is seen over the page.
  return parsed.a < 1 ? over(parsed, color(tokens, 'bg')) : parsed;
}

function share(tokens: Tokens, name: string): number {
  const match = /^([\d.]+)%$/.exec(raw(tokens, name));
  if (!match) throw new Error(`--${name} is not a percentage`);
  return Number(match[1]) / 100;
}

// The corners of the RGB cube: if these pass, a tag of any colour the user picks keeps its text readable.
const CUBE = ['#000000', '#ffffff', '#ff0000', '#00ff00', '#0000ff', '#ffff00', '#00ffff', '#ff00ff'];

describe.each(['light', 'dark'] as const)('the %s theme', (theme) => {
  const tokens = themes[theme];

  it.each(CONTRAST_PAIRS.map((p) => [p.text, p.on, p.min] as const))('keeps --%s on --%s at %s:1 or more', (text, on, min) => {
    const ratio = contrastRatio(color(tokens, text), color(tokens, on));
    expect(ratio, `--${text} on --${on}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(min);
  });

  it.each([...TAG_PALETTE, ...CUBE])('keeps text readable on a tag tinted %s', (tag) => {
    const background = mixSrgb(parseColor(tag)!, share(tokens, 'tag-tint'), color(tokens, 'paper'));
    const ratio = contrastRatio(color(tokens, 'ink'), background);
    expect(ratio, `ink on ${tag} at --tag-tint: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(4.5);
  });

  it('tells the kinds of annotation apart from the paper and from each other', () => {
    const paper = color(tokens, 'paper');
    const fills = HIGHLIGHTS.map((name) => color(tokens, name));
    // Backgrounds are not text, so no AA figure applies; they must still differ visibly.
    for (const fill of fills) expect(contrastRatio(fill, paper)).toBeGreaterThan(1.1);
    expect(new Set(fills.map((f) => `${f.r},${f.g},${f.b}`)).size).toBe(fills.length);
  });
});

describe('theme.css', () => {
  it('declares in the dark block only tokens the light block has', () => {
    const dark = block(":root[data-theme='dark']");
    expect([...dark.keys()].filter((name) => !light.has(name))).toEqual([]);
  });

  it('fails a pair that breaks contrast (the check can fail)', () => {
    expect(contrastRatio(parseColor('#777777')!, parseColor('#ffffff')!)).toBeLessThan(4.5);
    expect(contrastRatio(parseColor('#000')!, parseColor('#fff')!)).toBeCloseTo(21, 5);
  });
});
