import { parseHTML } from 'linkedom';
import type { Code, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../domain/actor';
import { person, twoArticles } from '../network/test-network-fixture';
import { buildReport, reportToMarkdown, type ReportInput } from './project-report';
import { reportOptionsSchema } from './report-options';

let mermaid: typeof import('mermaid').default;
beforeAll(async () => {
  // Mermaid's parser needs a window for DOMPurify; linkedom's is enough (see network-mermaid.test.ts).
  (globalThis as { window?: unknown }).window = parseHTML('<!doctype html><html><body></body></html>').window;
  mermaid = (await import('mermaid')).default;
});

const stamp = '2026-10-01T09:00:00.000Z';
function input(names: Record<string, string> = {}): ReportInput {
  const { actors, articles } = twoArticles();
  const full = actors.map((a): Actor => ({ ...person(a.id, names[a.id] ?? a.name, a.kind), aliases: [], description: '', affiliationId: null, note: '', createdAt: stamp, updatedAt: stamp }));
  return {
    projectName: 'P', projectNotes: '', actors: full, tags: [], generatedAt: stamp,
    articles: articles.map(({ article, annotations }) => ({ article: { ...article, title: article.id, source: '', url: '', status: 'todo', note: '', createdAt: stamp, updatedAt: stamp }, annotations })),
  };
}
const mermaidBlocks = (markdown: string) => (fromMarkdown(markdown) as Root).children.filter((n): n is Code => n.type === 'code' && n.lang === 'mermaid');

describe('the report’s network diagram', () => {
  it('is left out unless asked for', () => {
    expect(mermaidBlocks(reportToMarkdown(buildReport(input(), reportOptionsSchema.parse({ scope: { kind: 'project' } }))))).toHaveLength(0);
  });

  it('draws the scope’s network as a Mermaid block that parses, even with hostile names', async () => {
    const hostile = { x1: 'Ilse "Marnow"] --> end %% `x`', x2: '```\n</code> | Kesić', x3: 'end' };
    const markdown = reportToMarkdown(buildReport(input(hostile), reportOptionsSchema.parse({ scope: { kind: 'project' }, sections: { notes: true, actors: true, claims: true, highlights: true, sources: true, network: true } })));
    const [block, ...more] = mermaidBlocks(markdown);
    expect(more).toHaveLength(0);
    expect(block!.value).toContain('-.->|"contradicts"|');
    expect(block!.value.split('\n').filter((l) => /^ {2}a\d+\["/.test(l))).toHaveLength(3);
    await expect(mermaid.parse(block!.value)).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
  });

  it('keeps to the dossier’s actor and to the filters', () => {
    const dossier = buildReport(input(), reportOptionsSchema.parse({ scope: { kind: 'actor', actorId: 'x1' }, sections: { notes: false, actors: false, claims: false, highlights: false, sources: false, network: true } }));
    const value = mermaidBlocks(reportToMarkdown(dossier))[0]!.value;
    expect(value).toContain('Ilse Marnow');
    expect(value).not.toContain('Orla');
    const filtered = buildReport(input(), reportOptionsSchema.parse({ scope: { kind: 'project' }, sections: { notes: false, actors: false, claims: false, highlights: false, sources: false, network: true }, filters: { statuses: ['disputed'] } }));
    expect(mermaidBlocks(reportToMarkdown(filtered))).toHaveLength(0);
    expect(reportToMarkdown(filtered)).toContain('No claims in this scope name an actor');
  });
});
