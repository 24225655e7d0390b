/** Step 2 of the W3C import: read one Annotation (target, selectors, bodies, kind, actor, claim). */
import { z } from 'zod';
import { MAX_NOTE, reviewStatusSchema, type AnnotationKind } from '../domain/annotation';
import { gradeOf } from '../domain/claim';
import { idSchema } from '../domain/ids';
import type { ArticleRef, FromW3COptions, ImportedAnnotation, Quote } from './w3c-import-types';
import { HTTP_URL } from './w3c-model';
import { place } from './w3c-place';
import { readCreator } from './w3c-creator';
import { asArray, checkContext, describeValue, fail, isObject, parseAt, typesOf } from './w3c-read';
import { importedActorSchema, importedArticleInfoSchema, importedClaimSchema, type ImportedActor, type ImportedClaim } from './w3c-terms';

const quoteSelectorSchema = z.object({
  exact: z.string('the exact quote must be a string').min(1, 'the exact quote is empty'),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});

const positionSelectorSchema = z
  .object({
    start: z.number().int('must be a whole number').min(0, 'must not be negative'),
    end: z.number().int('must be a whole number').min(0, 'must not be negative'),
  })
  .refine((s) => s.end > s.start, { message: 'end must be greater than start', path: ['end'] });

const dateSchema = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'not a date-time')
  .transform((value) => new Date(value).toISOString());

const annotationEnvelopeSchema = z.object({
  id: z.string().min(1).optional(),
  motivation: z.union([z.string(), z.array(z.string())]).optional(),
  created: dateSchema.optional(),
  modified: dateSchema.optional(),
  'aw:reviewStatus': reviewStatusSchema.optional(),
  'aw:orphan': z.boolean().optional(),
  'aw:actor': importedActorSchema.optional(),
  'aw:claim': importedClaimSchema.optional(),
});

export function importAnnotation(item: unknown, path: string, requireContext: boolean, options: FromW3COptions, problems: string[]): ImportedAnnotation {
  if (typeof item === 'string') fail(path, `the annotation is only referenced (${describeValue(item)}), not embedded`);
  if (!isObject(item)) fail(path, `expected an Annotation object, got ${describeValue(item)}`);
  if (!typesOf(item).includes('Annotation')) {
    fail(`${path}.type`, item.type === undefined ? 'missing; expected "Annotation"' : `expected "Annotation", got ${describeValue(item.type)}`);
  }
  checkContext(item, path, requireContext);
  const envelope = parseAt(annotationEnvelopeSchema, item, path);
  const { article, quote, position, targetPath } = readTarget(item, path);
  const bodies = readBodies(item, path, envelope['aw:claim'] !== undefined, problems);
  const { kind, actor, claim } = readKind(envelope, bodies.identified, path, problems);
  // Place the passage in the article's text, when the caller can supply it.
  const placed = place({ quote, position, article, markedOrphan: envelope['aw:orphan'] === true, path: `${targetPath}.selector`, options, problems });

  const iri = envelope.id ?? null;
  const ownId = iri?.startsWith('urn:uuid:') ? idSchema.safeParse(iri.slice('urn:uuid:'.length)) : null;
  return {
    id: ownId?.success ? ownId.data : null,
    iri,
    article,
    kind,
    ...placed,
    tags: bodies.tags,
    note: bodies.note,
    status: envelope['aw:reviewStatus'] ?? 'draft',
    actor,
    claim,
    created: envelope.created ?? null,
    modified: envelope.modified ?? null,
    creator: readCreator(item.creator),
  };
}

/** The target: exactly one passage of one source, with its selectors. */
function readTarget(item: Record<string, unknown>, path: string) {
  const targets = asArray(item.target);
  if (targets.length === 0) fail(`${path}.target`, 'missing; an annotation must point at a passage');
  if (targets.length > 1) fail(`${path}.target`, `${targets.length} targets; only annotations of a single passage can be imported`);
  const target = targets[0];
  const targetPath = Array.isArray(item.target) ? `${path}.target[0]` : `${path}.target`;
  if (!isObject(target)) fail(targetPath, `the whole resource ${describeValue(target)} is targeted; no TextQuoteSelector or TextPositionSelector`);
  return { article: articleRef(target, targetPath), ...readSelectors(target, `${targetPath}.selector`), targetPath };
}

/** Tags, the note, and the name an `identifying` body gives, from the bodies (and `bodyValue`). */
function readBodies(item: Record<string, unknown>, path: string, hasOwnClaim: boolean, problems: string[]): { tags: string[]; note: string; identified: string | null } {
  const tags: string[] = [];
  const notes: string[] = [];
  let identified: string | null = null;
  const bodyPath = (j: number) => (Array.isArray(item.body) ? `${path}.body[${j}]` : `${path}.body`);
  if (item.bodyValue !== undefined) {
    notes.push(parseAt(z.string(), item.bodyValue, `${path}.bodyValue`));
  }
  asArray(item.body).forEach((body, j) => {
    if (!isObject(body) || (body.value === undefined && !typesOf(body).includes('TextualBody'))) {
      const what = isObject(body) && body.type !== undefined ? body.type : body;
      problems.push(`${bodyPath(j)}: a body that is not a TextualBody (${describeValue(what)}) was ignored`);
      return;
    }
    const value = parseAt(z.string('expected the body value as a string'), body.value, `${bodyPath(j)}.value`);
    const purposes = asArray(body.purpose);
    if (purposes.includes('tagging')) {
      const name = value.trim();
      if (!name) problems.push(`${bodyPath(j)}: an empty tag was ignored`);
      else if (name.length > 100) fail(`${bodyPath(j)}.value`, 'a tag name is longer than 100 characters');
      else if (!tags.includes(name)) tags.push(name);
    } else if (purposes.includes('identifying')) {
      identified ??= value.trim() || null;
    } else if (purposes.includes('assessing')) {
      // Our own summary of aw:claim; a foreign assessment is kept as part of the note.
      if (!hasOwnClaim) notes.push(value);
    } else if (purposes.length === 0 || purposes.includes('commenting') || purposes.includes('describing')) {
      notes.push(value);
    } else {
      problems.push(`${bodyPath(j)}: a body with purpose ${purposes.map(String).join(', ')} was ignored`);
    }
  });
  const note = notes.filter((n) => n.trim()).join('\n\n');
  if (note.length > MAX_NOTE) fail(`${path}.body`, `the note is longer than ${MAX_NOTE} characters`);
  if (tags.length > 100) fail(`${path}.body`, `${tags.length} tags; at most 100 are kept per annotation`);
  return { tags, note, identified };
}

/** The kind, from our terms or else the motivation and bodies; with the actor or claim it names. */
function readKind(
  envelope: z.output<typeof annotationEnvelopeSchema>,
  identified: string | null,
  path: string,
  problems: string[],
): { kind: AnnotationKind; actor: ImportedActor | null; claim: ImportedClaim | null } {
  const motivations = asArray(envelope.motivation);
  const awClaim = envelope['aw:claim'];
  const awActor = envelope['aw:actor'];
  if (awClaim || motivations.includes('assessing')) {
    if (!awClaim) return { kind: 'claim', actor: null, claim: null };
    const { statedGrade, ...claim } = awClaim;
    const grade = gradeOf(claim);
    if (statedGrade && (claim.reliability || claim.credibility) && statedGrade !== grade) {
      problems.push(`${path}.aw:claim.grade: "${statedGrade}" disagrees with reliability and credibility (${grade}); the latter were used`);
    }
    return { kind: 'claim', actor: null, claim };
  }
  if (awActor || motivations.includes('identifying') || identified) {
    const actor = awActor ?? (identified ? { id: null, name: identified, kind: null, aliases: [], description: '' } : null);
    if (!actor) problems.push(`${path}: an actor mention that names no actor`);
    return { kind: 'actor', actor, claim: null };
  }
  return { kind: 'highlight', actor: null, claim: null };
}

function articleRef(target: Record<string, unknown>, path: string): ArticleRef {
  let iri: string;
  if (typeof target.source === 'string') iri = target.source;
  else if (isObject(target.source) && typeof target.source.id === 'string') iri = target.source.id;
  else fail(`${path}.source`, target.source === undefined ? 'missing; the target names no document' : `expected an IRI, got ${describeValue(target.source)}`);
  if (!iri.trim()) fail(`${path}.source`, 'empty');
  const info = target['aw:article'] === undefined ? null : parseAt(importedArticleInfoSchema, target['aw:article'], `${path}.aw:article`);
  const fromIri = iri.startsWith('urn:uuid:') ? idSchema.safeParse(iri.slice('urn:uuid:'.length)) : null;
  return {
    iri,
    id: info?.id ?? (fromIri?.success ? fromIri.data : null),
    url: HTTP_URL.test(iri) ? iri : null,
    title: info?.title ?? null,
    source: info?.source ?? null,
    published: info?.published ?? null,
  };
}

function readSelectors(target: Record<string, unknown>, path: string): { quote: Quote | null; position: { start: number; end: number } | null } {
  const selectors = asArray(target.selector);
  let quote: Quote | null = null;
  let position: { start: number; end: number } | null = null;
  for (const [i, selector] of selectors.entries()) {
    if (!isObject(selector)) continue; // a selector given by IRI cannot be followed offline
    const here = Array.isArray(target.selector) ? `${path}[${i}]` : path;
    const types = typesOf(selector);
    if (types.includes('TextQuoteSelector') && !quote) {
      const parsed = parseAt(quoteSelectorSchema, selector, here);
      quote = { exact: parsed.exact, prefix: parsed.prefix ?? '', suffix: parsed.suffix ?? '' };
    } else if (types.includes('TextPositionSelector') && !position) {
      position = parseAt(positionSelectorSchema, selector, here);
    }
  }
  if (!quote && !position) fail(path, target.selector === undefined ? 'missing; no TextQuoteSelector or TextPositionSelector' : 'no TextQuoteSelector or TextPositionSelector');
  return { quote, position };
}

