import type { ActorKind } from '../../../src-shared/domain/actor';
import type { NetworkEdgeType } from '../../../src-shared/network/network-graph';
import type { NetworkPalette } from '../../../src-shared/network/network-svg';

/** Shape of an actor's node, by kind, so kind reads without colour too. */
export const KIND_SHAPES: Record<ActorKind, string> = { person: 'ellipse', organization: 'round-rectangle', state: 'hexagon', group: 'triangle', other: 'diamond' };

const css = (style: CSSStyleDeclaration, name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;

/**
 * The drawing's colours, read from the page's CSS custom properties at draw time, so the
 * network follows the theme (light, dark, or a manual switch) like the rest of the page.
 */
export function readPalette(element: Element = document.documentElement): NetworkPalette {
  const style = getComputedStyle(element);
  const edge = (type: NetworkEdgeType, fallback: string) => css(style, `--net-${type}`, fallback);
  return {
    background: css(style, '--panel', '#ffffff'),
    ink: css(style, '--ink', '#1d232b'),
    muted: css(style, '--muted', '#5f6b78'),
    kinds: {
      person: css(style, '--net-person', '#2457c5'),
      organization: css(style, '--net-organization', '#8a5a00'),
      state: css(style, '--net-state', '#1b7f5b'),
      group: css(style, '--net-group', '#8e3fb0'),
      other: css(style, '--net-other', '#5f6b78'),
    },
    edges: {
      mentions: edge('mentions', '#8b96a3'),
      supports: edge('supports', '#1b7f3b'),
      contradicts: edge('contradicts', '#b3261e'),
      repeats: edge('repeats', '#2457c5'),
      'co-mention': edge('co-mention', '#c3cad3'),
    },
  };
}

/** Calls `redraw` when the system theme flips or the page's theme attributes change (a manual switch). */
export function onThemeChange(redraw: () => void): () => void {
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  query.addEventListener('change', redraw);
  const observer = new MutationObserver(redraw);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'data-theme', 'style'] });
  return () => {
    query.removeEventListener('change', redraw);
    observer.disconnect();
  };
}
