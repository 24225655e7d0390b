import type { BlockContent, List, ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Actor } from '../domain/actor';
import type { Annotation } from '../domain/annotation';
import { markedByLine } from './marked-by';
import type { Article } from '../domain/article';
import { CLAIM_FORM_LABELS, CREDIBILITY_LABELS, gradeOf, RELIABILITY_LABELS, VERIFICATION_LABELS, type ClaimLink } from '../domain/claim';
import type { Tag } from '../domain/tag';
import { paragraphsOf } from '../text/canonical';
import type { ReportOptions } from './report-options';
import { networkSection } from './report-network';
import { inArticleDirection, isolate, leadingMark } from './bidi';

/** Everything a report may draw on; the caller loads it (the articles in scope only). */
export interface ReportInput {
  projectName: string;
  projectNotes: string;
  actors: readonly Actor[];
  tags: readonly Tag[];
  articles: readonly { article: Article; annotations: readonly Annotation[] }[];
  /** ISO timestamp. */
  generatedAt: string;
}

type Entry = { article: Article; annotation: Annotation; paragraph: number };

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const heading = (depth: 1 | 2 | 3, value: string): RootContent => ({ type: 'heading', depth, children: [text(value)] });
const paragraph = (...children: PhrasingContent[]): BlockContent => ({ type: 'paragraph', children });
const item = (...children: PhrasingContent[]): ListItem => ({ type: 'listItem', spread: false, children: [paragraph(...children)] });
const list = (items: ListItem[]): List => ({ type: 'list', ordered: false, spread: false, children: items });
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

/**
 * Builds a report as a Markdown syntax tree. Every piece of user text goes into `text` nodes, so
 * mdast-util-to-markdown escapes whatever Markdown syntax it contains; quotes are blockquotes
 * holding exactly the annotated passage.
 */
export function buildReport(input: ReportInput, options: ReportOptions): Root {
  const actors = new Map(input.actors.map((a) => [a.id, a]));
  const tags = new Map(input.tags.map((t) => [t.id, t]));
  const { filters, sections } = options;
  const scopedActor = options.scope.kind === 'actor' ? actors.get(options.scope.actorId) : undefined;

  const entries: Entry[] = [];
  // Orphans (passage lost after an edit) are never quoted: their offsets point at nothing. They
  // are listed apart with the words they last had.
  const lost: { article: Article; annotation: Annotation }[] = [];
  for (const { article, annotations } of input.articles) {
    const paragraphs = paragraphsOf(article.text);
    for (const annotation of annotations) {
      if (filters.tagIds.length && !annotation.tags.some((t) => filters.tagIds.includes(t))) continue;
      if (filters.statuses.length && !filters.statuses.includes(annotation.status)) continue;
      if (annotation.anchor === 'orphan') {
        const about = scopedActor ? annotation.actorId === scopedActor.id || annotation.claim?.speakerId === scopedActor.id : true;
        if (about) lost.push({ article, annotation });
        continue;
      }
      const at = paragraphs.findIndex((p) => p.end > annotation.target.start);
      entries.push({ article, annotation, paragraph: (at === -1 ? paragraphs.length - 1 : at) + 1 });
    }
  }
  const byDate = (a: Entry, b: Entry) =>
    (a.article.published || '9999').localeCompare(b.article.published || '9999') || a.article.title.localeCompare(b.article.title) || a.annotation.target.start - b.annotation.target.start;

  let claims = entries.filter((e) => e.annotation.kind === 'claim' && e.annotation.claim);
  if (filters.verifications.length) claims = claims.filter((e) => filters.verifications.includes(e.annotation.claim!.verification));
  if (filters.actorIds.length) claims = claims.filter((e) => filters.actorIds.includes(e.annotation.claim!.speakerId ?? ''));
  if (scopedActor) claims = claims.filter((e) => e.annotation.claim!.speakerId === scopedActor.id);
  const mentions = entries.filter((e) => e.annotation.kind === 'actor' && e.annotation.actorId);
  let highlights = entries.filter((e) => e.annotation.kind === 'highlight');
  if (scopedActor) {
    // In a dossier, the highlights that name the actor.
    const named = mentions.filter((m) => m.annotation.actorId === scopedActor.id);
    highlights = highlights.filter((h) => named.some((m) => m.article.id === h.article.id && m.annotation.target.start < h.annotation.target.end && m.annotation.target.end > h.annotation.target.start));
  }

  const mentionCount = new Map<string, number>();
  for (const m of mentions) mentionCount.set(m.annotation.actorId!, (mentionCount.get(m.annotation.actorId!) ?? 0) + 1);
  let reportActors = input.actors.filter((a) => mentionCount.has(a.id) || claims.some((c) => c.annotation.claim!.speakerId === a.id));
  if (filters.actorIds.length) reportActors = reportActors.filter((a) => filters.actorIds.includes(a.id));
  if (scopedActor) reportActors = [scopedActor];
  reportActors.sort((a, b) => (mentionCount.get(b.id) ?? 0) - (mentionCount.get(a.id) ?? 0) || a.name.localeCompare(b.name));

  const cited = new Map<string, Article>();
  for (const e of [...claims, ...highlights]) cited.set(e.article.id, e.article);
  const annotationIndex = new Map(entries.map((e) => [`${e.article.id}/${e.annotation.id}`, e]));

  const children: RootContent[] = [heading(1, options.title || defaultTitle(options, input, scopedActor))];
  children.push(
    paragraph(strong('Scope:'), text(` ${scopeLabel(options, input, scopedActor)}`)),
    paragraph(strong('Generated:'), text(` ${input.generatedAt.slice(0, 16).replace('T', ' ')} UTC by Analyst Workbench`)),
    paragraph(
      strong('Counts:'),
      text(` ${input.articles.length} ${plural(input.articles.length, 'article')}, ${reportActors.length} ${plural(reportActors.length, 'actor')}, ${claims.length} ${plural(claims.length, 'claim')}, ${entries.length} ${plural(entries.length, 'annotation')}`),
    ),
  );
  const activeFilters = describeFilters(options, actors, tags);
  if (activeFilters) children.push(paragraph(strong('Filters:'), text(` ${activeFilters}`)));

  if (sections.notes) {
    const notes: RootContent[] = [];
    if (options.scope.kind !== 'article' && input.projectNotes.trim()) notes.push(heading(3, 'Project'), ...noteBlocks(input.projectNotes));
    if (scopedActor?.note.trim()) notes.push(heading(3, isolate(scopedActor.name)), ...noteBlocks(scopedActor.note));
    for (const { article } of input.articles) if (article.note.trim()) notes.push(heading(3, isolate(article.title)), ...noteBlocks(article.note));
    if (notes.length) children.push(heading(2, 'Notes'), ...notes);
  }

  if (sections.actors && reportActors.length) {
    children.push(heading(2, 'Actors'));
    children.push(
      list(
        reportActors.map((actor) => {
          const parts: PhrasingContent[] = [strong(isolate(actor.name)), text(` (${actor.kind}`)];
          if (leadingMark(actor.name)) parts.unshift(text(leadingMark(actor.name)));
          if (actor.description) parts.push(text(`, ${isolate(actor.description)}`));
          parts.push(text(`) — ${mentionCount.get(actor.id) ?? 0} ${plural(mentionCount.get(actor.id) ?? 0, 'mention')}`));
          const affiliation = actor.affiliationId ? actors.get(actor.affiliationId) : undefined;
          if (affiliation) parts.push(text(`; affiliated with ${isolate(affiliation.name)}`));
          if (actor.aliases.length) parts.push(text(`; also named ${actor.aliases.map((a) => `“${isolate(a)}”`).join(', ')}`));
          if (actor.note.trim() && !scopedActor) parts.push(text(`. Note: ${isolate(actor.note.trim())}`));
          return item(...parts);
        }),
      ),
    );
  }

  if (sections.network) children.push(...networkSection(input, options));

  if (sections.claims && claims.length) {
    children.push(heading(2, 'Claims'));
    const groups = new Map<string, Entry[]>();
    for (const claim of claims.sort(byDate)) {
      const key = claim.annotation.claim!.speakerId ?? '';
      groups.set(key, [...(groups.get(key) ?? []), claim]);
    }
    const ordered = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : (actors.get(a)?.name ?? '').localeCompare(actors.get(b)?.name ?? '')));
    for (const speakerId of ordered) {
      const speaker = actors.get(speakerId);
      children.push(heading(3, speaker ? isolate(speaker.name) : speakerId ? 'Unknown speaker' : 'No speaker recorded'));
      for (const entry of groups.get(speakerId)!) {
        children.push(...claimBlocks(entry, tags, actors, annotationIndex));
        if (sections.authors) children.push(paragraph(text(markedByLine(entry.annotation))));
      }
    }
  }

  if (sections.highlights && highlights.length) {
    children.push(heading(2, 'Highlights by tag'));
    const byTag = new Map<string, Entry[]>();
    for (const h of highlights.sort(byDate)) {
      const keys = h.annotation.tags.length ? h.annotation.tags.filter((t) => tags.has(t)) : [''];
      for (const key of keys.length ? keys : ['']) byTag.set(key, [...(byTag.get(key) ?? []), h]);
    }
    const order = [...byTag.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : tagPath(a, tags).localeCompare(tagPath(b, tags))));
    for (const key of order) {
      children.push(heading(3, key ? tagPath(key, tags) : 'Untagged'));
      for (const entry of byTag.get(key)!) {
        children.push(...quote(entry), paragraph(text(`Source: ${citation(entry)}`)));
        if (entry.annotation.note.trim()) children.push(paragraph(text(`Note: ${isolate(entry.annotation.note.trim())}`)));
        if (sections.authors) children.push(paragraph(text(markedByLine(entry.annotation))));
      }
    }
  }

  if (lost.length) {
    children.push(heading(2, 'Lost after edits of the text'));
    children.push(paragraph({ type: 'emphasis', children: [text('Not found in the current text of their articles; shown with the words they last had, not as quotes.')] }));
    children.push(
      list(
        lost.map(({ article, annotation }) => {
          const parts: PhrasingContent[] = [text(`${leadingMark(article.title)}${isolate(article.title)}: orphaned ${annotation.kind}, last known text “${isolate(annotation.target.exact.replace(/\s*\n+\s*/g, ' '))}”`)];
          if (annotation.note.trim()) parts.push(text(`. Note: ${isolate(annotation.note.trim().replace(/\s*\n+\s*/g, ' '))}`));
          if (sections.authors) parts.push(text(`. ${markedByLine(annotation)}`));
          return item(...parts);
        }),
      ),
    );
  }

  if (sections.sources && cited.size) {
    children.push(heading(2, 'Sources'));
    const sources = [...cited.values()].sort((a, b) => (a.published || '9999').localeCompare(b.published || '9999') || a.title.localeCompare(b.title));
    children.push(
      list(
        sources.map((article) => {
          const parts: PhrasingContent[] = isWebUrl(article.url) ? [{ type: 'link', url: article.url, children: [text(isolate(article.title))] }] : [text(isolate(article.title))];
          if (leadingMark(article.title)) parts.unshift(text(leadingMark(article.title)));
          const meta = [isolate(article.source), article.published ? `published ${article.published}` : ''].filter(Boolean).join(', ');
          if (meta) parts.push(text(` — ${meta}`));
          return item(...parts);
        }),
      ),
    );
  }

  if (children.length <= 5 && !claims.length && !highlights.length && !lost.length) children.push(paragraph({ type: 'emphasis', children: [text('Nothing in this scope matches the chosen sections and filters.')] }));
  return { type: 'root', children };
}

export function reportToMarkdown(tree: Root): string {
  const markdown = toMarkdown(tree, { bullet: '-', emphasis: '_', rule: '-', listItemIndent: 'one' });
  return markdown.endsWith('\n') ? markdown : `${markdown}\n`;
}

/**
 * A claim: the quote, then a line of facts, the citation, the note and the links, each a
 * paragraph of plain text. Serialising is the costly part of a large report (each inline node
 * costs about 20 µs in mdast-util-to-markdown), so these lines are single text nodes; the
 * Sources section carries the links.
 */
function claimBlocks(entry: Entry, tags: Map<string, Tag>, actors: Map<string, Actor>, index: Map<string, Entry>): RootContent[] {
  const claim = entry.annotation.claim!;
  const grade = gradeOf(claim);
  const meaning = [claim.reliability ? RELIABILITY_LABELS[claim.reliability].toLowerCase() : '', claim.credibility ? CREDIBILITY_LABELS[claim.credibility].toLowerCase() : ''].filter(Boolean).join('; ');
  const facts = [CLAIM_FORM_LABELS[claim.form], isolate(claim.medium), grade === '–' ? 'not graded' : `grade ${grade} (${meaning})`, VERIFICATION_LABELS[claim.verification].toLowerCase()].filter(Boolean);
  const tagNames = entry.annotation.tags.map((t) => tags.get(t)?.name).filter((n): n is string => Boolean(n)).map(isolate);
  const factLine = `${facts.join(' · ')}${tagNames.length ? ` · tags: ${tagNames.join(', ')}` : ''}`;
  const blocks: RootContent[] = [...quote(entry), paragraph(text(factLine)), paragraph(text(`Source: ${citation(entry)}`))];
  if (entry.annotation.note.trim()) blocks.push(paragraph(text(`Note: ${isolate(entry.annotation.note.trim())}`)));
  for (const link of claim.links) blocks.push(paragraph(text(`${linkLabel(link)}: ${describeLinked(link, index, actors)}`)));
  return blocks;
}

function linkLabel(link: ClaimLink): string {
  const verbs = { supports: ['Supports', 'Supported by'], contradicts: ['Contradicts', 'Contradicted by'], repeats: ['Repeats', 'Repeated by'] } as const;
  return verbs[link.type][link.direction === 'out' ? 0 : 1];
}

function describeLinked(link: ClaimLink, index: Map<string, Entry>, actors: Map<string, Actor>): string {
  const other = index.get(`${link.articleId}/${link.annotationId}`);
  if (!other) return 'a claim outside this report';
  const speaker = other.annotation.claim?.speakerId ? actors.get(other.annotation.claim.speakerId)?.name : undefined;
  return `${speaker ? `${isolate(speaker)}: ` : ''}“${isolate(other.annotation.target.exact)}” (${isolate(other.article.title)}, paragraph ${other.paragraph})`;
}

/** "Title, Source, 2026-09-24, paragraph 3": title and source isolated, so the date stays left to right. */
function citation(entry: Entry): string {
  const { article } = entry;
  return [isolate(article.title), isolate(article.source), article.published, `paragraph ${entry.paragraph}`].filter(Boolean).join(', ');
}

/** The passage exactly, one Markdown paragraph per text paragraph; right to left for such an article. */
function quote(entry: Entry): RootContent[] {
  const passage = entry.annotation.target.exact;
  return inArticleDirection(entry.article, [{ type: 'blockquote', children: passage.split('\n\n').map((part) => paragraph(text(part))) }]);
}

function noteBlocks(note: string): RootContent[] {
  return note.trim().split(/\n{2,}/).map((part) => paragraph(text(part.replace(/\n/g, ' '))));
}

function tagPath(id: string, tags: Map<string, Tag>): string {
  const names: string[] = [];
  let current = tags.get(id);
  while (current && !names.includes(current.name)) {
    names.unshift(current.name);
    current = current.parentId ? tags.get(current.parentId) : undefined;
  }
  return names.map(isolate).join(' › ');
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

function defaultTitle(options: ReportOptions, input: ReportInput, actor: Actor | undefined): string {
  if (actor) return `Dossier: ${isolate(actor.name)}`;
  if (options.scope.kind === 'article' && input.articles[0]) return `Report: ${isolate(input.articles[0].article.title)}`;
  return `Report: ${input.projectName}`;
}

function scopeLabel(options: ReportOptions, input: ReportInput, actor: Actor | undefined): string {
  switch (options.scope.kind) {
    case 'article':
      return `one article (${isolate(input.articles[0]?.article.title ?? 'unknown')})`;
    case 'articles':
      return `${input.articles.length} chosen ${plural(input.articles.length, 'article')}`;
    case 'project':
      return `the whole project (${input.projectName})`;
    case 'actor':
      return `everything about ${isolate(actor?.name ?? 'an actor')} across ${input.articles.length} ${plural(input.articles.length, 'article')}`;
  }
}

function describeFilters(options: ReportOptions, actors: Map<string, Actor>, tags: Map<string, Tag>): string {
  const { filters } = options;
  const parts: string[] = [];
  if (filters.tagIds.length) parts.push(`tags ${filters.tagIds.map((t) => isolate(tags.get(t)?.name ?? '?')).join(', ')}`);
  if (filters.actorIds.length) parts.push(`speakers ${filters.actorIds.map((a) => isolate(actors.get(a)?.name ?? '?')).join(', ')}`);
  if (filters.statuses.length) parts.push(`review status ${filters.statuses.join(', ')}`);
  if (filters.verifications.length) parts.push(`verification ${filters.verifications.map((v) => VERIFICATION_LABELS[v]).join(', ')}`);
  return parts.join('; ');
}
