/** W3C Web Annotation export: see the mapping documented in w3c-model.ts. */
import { creatorOf } from './w3c-creator';
import { wholeEnds } from '../anchoring/quote-selector';
import { type Actor } from '../domain/actor';
import { type Annotation } from '../domain/annotation';
import type { Article } from '../domain/article';
import { gradeOf, type Claim } from '../domain/claim';
import type { Tag } from '../domain/tag';

import { HTTP_URL, MOTIVATION, OffsetMap, W3C_CONTEXT, W3C_GENERATOR } from './w3c-model';
import type { W3CActorInfo, W3CAnnotation, W3CArticleInfo, W3CClaimInfo, W3CCollection, W3CExportInput, W3CTextualBody } from './w3c-model';

// ---------------------------------------------------------------------------------------------
// Export

const urn = (id: string): string => `urn:uuid:${id}`;

/**
 * Builds the W3C Web Annotation collection of a project's annotations, in the order given.
 * Throws an Error naming the annotation when the data is inconsistent (an annotation of another
 * article, a tag, actor or speaker missing from the lists, or an anchored annotation whose
 * position does not hold its quote); the project never stores such data.
 */
export function toW3C(input: W3CExportInput): W3CCollection {
  const tags = new Map(input.tags.map((tag) => [tag.id, tag]));
  const actors = new Map(input.actors.map((actor) => [actor.id, actor]));
  const items: W3CAnnotation[] = [];
  for (const { article, annotations } of input.articles) {
    const offsets = new OffsetMap(article.text);
    const articleInfo: W3CArticleInfo = { id: urn(article.id), title: article.title, source: article.source, published: article.published };
    const source = HTTP_URL.test(article.url) ? article.url : urn(article.id);
    for (const annotation of annotations) {
      items.push(exportAnnotation(annotation, { article, offsets, articleInfo, source, tags, actors, generatedAt: input.generatedAt }));
    }
  }
  return {
    '@context': W3C_CONTEXT,
    ...(input.projectId ? { id: urn(input.projectId) } : {}),
    type: 'AnnotationCollection',
    label: input.projectName,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

interface ExportContext {
  article: Article;
  offsets: OffsetMap;
  articleInfo: W3CArticleInfo;
  source: string;
  tags: Map<string, Tag>;
  actors: Map<string, Actor>;
  generatedAt: string;
}

function exportAnnotation(annotation: Annotation, ctx: ExportContext): W3CAnnotation {
  const where = `Annotation ${annotation.id}`;
  if (annotation.articleId !== ctx.article.id) {
    throw new Error(`${where} belongs to article ${annotation.articleId}, not ${ctx.article.id}.`);
  }
  const { target } = annotation;
  const selector: W3CAnnotation['target']['selector'] = [
    // Context stored by older versions was cut at 32 code units and may end in half an emoji.
    { type: 'TextQuoteSelector', exact: target.exact, prefix: wholeEnds(target.prefix), suffix: wholeEnds(target.suffix) },
  ];
  const orphan = annotation.anchor === 'orphan';
  if (!orphan) {
    if (ctx.article.text.slice(target.start, target.end) !== target.exact) {
      throw new Error(`${where}: its position ${target.start}–${target.end} does not hold its quote in article ${ctx.article.id}.`);
    }
    selector.push({ type: 'TextPositionSelector', start: ctx.offsets.toCodePoints(target.start), end: ctx.offsets.toCodePoints(target.end) });
  }

  const body: W3CTextualBody[] = [];
  let actorInfo: W3CActorInfo | undefined;
  if (annotation.kind === 'actor' && annotation.actorId !== null) {
    const actor = ctx.actors.get(annotation.actorId);
    if (!actor) throw new Error(`${where} mentions actor ${annotation.actorId}, which is not in the actor registry.`);
    actorInfo = { id: urn(actor.id), name: actor.name, kind: actor.kind, aliases: [...actor.aliases], description: actor.description };
    body.push({ type: 'TextualBody', purpose: 'identifying', value: actor.name });
  }
  let claimInfo: W3CClaimInfo | undefined;
  if (annotation.kind === 'claim' && annotation.claim) {
    claimInfo = exportClaim(annotation.claim, ctx.actors, where);
    body.push({ type: 'TextualBody', purpose: 'assessing', value: claimSummary(claimInfo), format: 'text/plain' });
  }
  for (const tagId of annotation.tags) {
    const tag = ctx.tags.get(tagId);
    if (!tag) throw new Error(`${where} has tag ${tagId}, which is not in the codebook.`);
    body.push({ type: 'TextualBody', purpose: 'tagging', value: tag.name });
  }
  if (annotation.note.trim()) {
    body.push({ type: 'TextualBody', purpose: 'commenting', value: annotation.note, format: 'text/markdown' });
  }

  const result: W3CAnnotation = {
    '@context': W3C_CONTEXT,
    id: urn(annotation.id),
    type: 'Annotation',
    motivation: MOTIVATION[annotation.kind],
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    generated: ctx.generatedAt,
    generator: W3C_GENERATOR,
    target: { source: ctx.source, selector, 'aw:article': ctx.articleInfo },
    'aw:reviewStatus': annotation.status,
  };
  const creator = creatorOf(annotation.createdBy);
  if (creator) result.creator = creator;
  if (body.length > 0) result.body = body;
  if (orphan) result['aw:orphan'] = true;
  if (actorInfo) result['aw:actor'] = actorInfo;
  if (claimInfo) result['aw:claim'] = claimInfo;
  return result;
}

function exportClaim(claim: Claim, actors: Map<string, Actor>, where: string): W3CClaimInfo {
  let speaker: W3CClaimInfo['speaker'] = null;
  if (claim.speakerId !== null) {
    const actor = actors.get(claim.speakerId);
    if (!actor) throw new Error(`${where}: its speaker ${claim.speakerId} is not in the actor registry.`);
    speaker = { id: urn(actor.id), name: actor.name };
  }
  return {
    speaker,
    form: claim.form,
    medium: claim.medium,
    reliability: claim.reliability,
    credibility: claim.credibility,
    grade: claim.reliability || claim.credibility ? gradeOf(claim) : null,
    verification: claim.verification,
    links: claim.links.map((link) => ({ type: link.type, direction: link.direction, annotation: urn(link.annotationId), article: urn(link.articleId) })),
  };
}

/** One line for tools that do not read `aw:claim`: "Claim by X (direct quote, statement); grade B2; corroborated". */
function claimSummary(claim: W3CClaimInfo): string {
  const how = [claim.form.replace('-', ' '), claim.medium].filter(Boolean).join(', ');
  const by = claim.speaker ? `Claim by ${claim.speaker.name}` : 'Claim';
  return `${by} (${how}); grade ${claim.grade ?? 'none'}; ${claim.verification}`;
}
