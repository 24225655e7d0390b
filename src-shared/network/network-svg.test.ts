import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { NetworkGraph } from './network-graph';
import { networkToSvg, type NetworkPalette } from './network-svg';

const palette: NetworkPalette = {
  background: '#fff', ink: '#111', muted: '#666',
  kinds: { person: '#1', organization: '#2', state: '#3', group: '#4', other: '#5' },
  edges: { mentions: '#a', supports: '#b', contradicts: '#c', repeats: '#d', 'co-mention': '#e' },
};

describe('networkToSvg', () => {
  it('draws every actor and link at its position, names escaped', () => {
    const graph: NetworkGraph = {
      nodes: [
        { id: 'x1', name: '<script>alert("x")</script> & Co', kind: 'group', mentions: 3, claims: 1 },
        { id: 'x2', name: 'Ilse \u0007Marnow', kind: 'person', mentions: 1, claims: 0 },
      ],
      edges: [{ id: 'contradicts:x1:x2', source: 'x1', target: 'x2', type: 'contradicts', count: 2 }],
    };
    const svg = networkToSvg(graph, new Map([['x1', { x: 0, y: 0 }], ['x2', { x: 200, y: 100 }]]), palette);
    const { document } = parseHTML(`<html><body>${svg}</body></html>`);
    expect([...document.querySelectorAll('g text')].map((t) => t.textContent)).toEqual(['<script>alert("x")</script> & Co', 'Ilse Marnow']);
    expect(document.querySelectorAll('script')).toHaveLength(0);
    const line = document.querySelector('line[marker-end]')!;
    expect(line.getAttribute('stroke')).toBe('#c');
    expect(line.getAttribute('stroke-dasharray')).toBe('6 4');
    expect(document.querySelector('circle')!.getAttribute('fill')).toBe('#4');
  });
});
