import type { RootContent } from 'mdast';
import type { Annotation } from '../domain/annotation';
import { buildNetwork } from '../network/network-graph';
import { networkToMermaid } from '../network/network-mermaid';
import type { ReportInput } from './project-report';
import type { ReportOptions } from './report-options';

/**
 * The report's "Network" section: the network of its scope, under its filters, as a Mermaid
 * flowchart (which GitHub, GitLab, Obsidian and other Markdown viewers draw). A claim passes the
 * tag, status and verification filters as in the Claims section; the actor filter (and a dossier's
 * actor) keeps the links that touch those actors.
 */
export function networkSection(input: ReportInput, options: ReportOptions): RootContent[] {
  const { filters, scope } = options;
  const keep = (a: Annotation) =>
    (!filters.tagIds.length || a.tags.some((t) => filters.tagIds.includes(t))) &&
    (!filters.statuses.length || filters.statuses.includes(a.status)) &&
    (!a.claim || !filters.verifications.length || filters.verifications.includes(a.claim.verification));
  const { graph } = buildNetwork({ actors: input.actors, articles: input.articles.map(({ article, annotations }) => ({ article, annotations: annotations.filter(keep) })) });
  const focus = scope.kind === 'actor' ? [scope.actorId] : filters.actorIds;
  const edges = focus.length ? graph.edges.filter((e) => focus.includes(e.source) || focus.includes(e.target)) : graph.edges;
  const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
  const nodes = graph.nodes.filter((n) => linked.has(n.id));
  const heading: RootContent = { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Network' }] };
  if (!edges.length) return [heading, { type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: 'No claims in this scope name an actor or link to another speaker.' }] }] }];
  return [
    heading,
    { type: 'paragraph', children: [{ type: 'text', value: 'Who says what about whom: an arrow runs from a claim’s speaker to the actor the claim names (mentions), or to the speaker of the claim it supports, contradicts (dotted) or repeats.' }] },
    { type: 'code', lang: 'mermaid', value: networkToMermaid({ nodes, edges }) },
  ];
}
