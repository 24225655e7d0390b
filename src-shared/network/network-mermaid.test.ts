import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork, type NetworkGraph } from './network-graph';
import { MERMAID_MAX_NODES, mermaidLabel, networkToMermaid } from './network-mermaid';
import { person, twoArticles } from './test-network-fixture';

type Mermaid = typeof import('mermaid').default;
let mermaid: Mermaid;

beforeAll(async () => {
  // Mermaid's parser runs labels through DOMPurify, which needs a window: linkedom's is enough.
  const { window } = parseHTML('<!doctype html><html><body></body></html>');
  (globalThis as { window?: unknown }).window = window;
  mermaid = (await import('mermaid')).default;
});

const body = (diagram: string) => diagram;

const HOSTILE = [
  'Say "hello" and \'bye\'',
  'A [bracket] (paren) {brace} <angle>',
  'pipe | pipe || end',
  '`backtick` and ```fence```',
  'end',
  'subgraph',
  'A --> B -.-> C ==> D',
  'line\nbreak\r\nand\u2028separator',
  '<script>alert(1)</script><b>bold</b>',
  '%% comment %%{init: {"theme":"dark"}}%%',
  '#quot; #35; &amp; &lt;',
  ';semi; colon: click callback',
  'Wang Yi 王毅 · Ђорђе · محمد · 🇺🇳',
  'style a0 fill:#f00',
  '\\ backslash \\',
  '   ',
];

describe('networkToMermaid', () => {
  it('parses for a simple network, with every actor and link', async () => {
    const block = networkToMermaid(buildNetwork(twoArticles()).graph);
    expect(block.startsWith('flowchart LR\n')).toBe(true);
    expect(block).toContain('a1["Ilse Marnow"]');
    expect(block).toMatch(/a2 -\.->\|"contradicts"\| a1/);
    await expect(mermaid.parse(body(block))).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
  });

  it('keeps hostile names from breaking the diagram', async () => {
    const actors = HOSTILE.map((name, i) => person(`h${i}`, name));
    const graph: NetworkGraph = {
      nodes: actors.map((a) => ({ ...a, mentions: 1, claims: 1 })),
      edges: actors.slice(1).map((a, i) => ({ id: `mentions:h${i}:${a.id}`, source: `h${i}`, target: a.id, type: i % 2 ? 'contradicts' : 'mentions', count: i + 1 })),
    };
    const block = networkToMermaid(graph);
    await expect(mermaid.parse(body(block))).resolves.toBeTruthy();
    // Each hostile name is one node statement, on one line.
    expect(body(block).split('\n')).toHaveLength(1 + HOSTILE.length + HOSTILE.length - 1);
    for (const line of body(block).split('\n').slice(1)) expect(line).toMatch(/^ {2}a\d+( |\[")/);
  });

  it('would have failed without escaping: the parser is really checking', async () => {
    const naive = async (name: string) => mermaid.parse(`flowchart LR\n  a0["${name}"] --> a1["x"]`).then(() => 'parses', () => 'fails');
    const outcomes = await Promise.all(HOSTILE.map(naive));
    expect(outcomes.filter((o) => o === 'fails').length).toBeGreaterThanOrEqual(2);
    await expect(naive('plain name')).resolves.toBe('parses');
  });

  it('escapes to entity codes and keeps letters of every script', () => {
    expect(mermaidLabel('A "B" [C]')).toBe('A #34;B#34; #91;C#93;');
    expect(mermaidLabel('王毅\nمحمد')).toBe('王毅 محمد');
    expect(mermaidLabel('')).toBe('#8203;');
  });

  it('keeps a large network to the most present actors, and says so', async () => {
    const actors = Array.from({ length: 100 }, (_, i) => person(`p${i}`, `Person ${i}`));
    const graph: NetworkGraph = {
      nodes: actors.map((a) => ({ ...a, mentions: 100 - Number(a.id.slice(1)), claims: 0 })),
      edges: actors.slice(1).map((a, i) => ({ id: `mentions:p${i}:${a.id}`, source: `p${i}`, target: a.id, type: 'mentions', count: 1 })),
    };
    const block = networkToMermaid(graph);
    expect(block).toContain(`%% ${MERMAID_MAX_NODES} of 100 actors`);
    expect(block).not.toContain(`a${MERMAID_MAX_NODES}[`);
    await expect(mermaid.parse(body(block))).resolves.toBeTruthy();
  });
});
