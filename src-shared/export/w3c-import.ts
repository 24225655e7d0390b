/** W3C Web Annotation import: see the mapping documented in w3c-model.ts. */
import { z } from 'zod';
import { actorKindSchema, type ActorKind } from '../domain/actor';
import { MAX_NOTE, reviewStatusSchema, type AnnotationKind, type ReviewStatus } from '../domain/annotation';
import { claimFormSchema, claimLinkTypeSchema, credibilitySchema, gradeOf, reliabilitySchema, verificationSchema, type ClaimForm, type ClaimLink, type Credibility, type Reliability, type Verification } from '../domain/claim';
import { idSchema, type Id } from '../domain/ids';
import { describeRange, sliceWhole } from '../anchoring/quote-selector';
import { reanchor } from '../anchoring/reanchor';

import { ANNO_CONTEXT, HTTP_URL, OffsetMap } from './w3c-model';

// ---------------------------------------------------------------------------------------------
// Import

/** The article an imported annotation belongs to, as far as the file tells. */
export interface ArticleRef {
  /** The target's `source` as written in the file: a URL, `urn:uuid:<article id>`, or another IRI. */
  iri: string;
  /** Our article id, from `aw:article` or a `urn:uuid:` source; null for a foreign article. */
  id: Id | null;
  /** The article's http(s) URL when the source is one. */
  url: string | null;
  /** From `aw:article`, when present. */
  title: string | null;
  source: string | null;
  published: string | null;
}

export interface ImportedActor {
  /** Our actor id from `aw:actor`, or null when the file only names the actor. */
  id: Id | null;
  name: string;
  kind: ActorKind | null;
  aliases: string[];
  description: string;
}

export interface ImportedClaim {
  speaker: { id: Id | null; name: string | null } | null;
  form: ClaimForm;
  medium: string;
  reliability: Reliability | null;
  credibility: Credibility | null;
  verification: Verification;
  links: ClaimLink[];
}

export interface ImportedAnnotation {
  /** Our annotation id when the file's id is `urn:uuid:<id>`; null for other (foreign) ids. */
  id: Id | null;
  /** The annotation's `id` as written in the file, or null when it has none. */
  iri: string | null;
  article: ArticleRef;
  kind: AnnotationKind;
  /** The quote (from the TextQuoteSelector, or read from the resolved text). */
  exact: string;
  prefix: string;
  suffix: string;
  /** The TextPositionSelector's range in Unicode code points, or null when the file has none. */
  position: { start: number; end: number } | null;
  /**
   * UTF-16 offsets of the passage in the text `resolveText` returned: the position when it holds
   * the quote, otherwise wherever the quote is found (as re-anchoring after an edit does). Null
   * when no text was resolved or the passage was not found in it.
   */
  offsets: { start: number; end: number } | null;
  /** True when the place is unknown: marked `aw:orphan` and not placed, or not found in the resolved text. */
  orphan: boolean;
  /** Tag names, in file order, without duplicates. */
  tags: string[];
  note: string;
  status: ReviewStatus;
  actor: ImportedActor | null;
  claim: ImportedClaim | null;
  created: string | null;
  modified: string | null;
}

export interface W3CImport {
  annotations: ImportedAnnotation[];
  /** Things the import noticed but could work around, each naming where ("items[2].body[1]: …"). */
  problems: string[];
}

export interface FromW3COptions {
  /**
   * Returns the canonical text of the article an annotation targets, or null when it is not in
   * the project. With it, positions are checked against the quotes and converted to UTF-16.
   */
  resolveText?: (ref: ArticleRef) => string | null;
}

/** A file that cannot be imported; the message names where and what ("items[3].target: …"). */
export class W3CImportError extends Error {
  override name = 'W3CImportError';
}

/**
 * Reads W3C Web Annotations: an `AnnotationCollection` with an embedded first page (as `toW3C`
 * writes), an `AnnotationPage`, a single `Annotation`, or a JSON array of Annotations, from the
 * workbench or another tool. Every annotation needs a target with a TextQuoteSelector or a
 * TextPositionSelector (the latter alone only when `resolveText` supplies the text to quote).
 *
 * Pure: nothing is written. Throws a `W3CImportError` whose message names the first problem for
 * input that is not such a document or is damaged (wrong `@context` or `type`, a missing target
 * or selector, a negative position, a malformed `aw:` property, duplicate ids…), so a caller that
 * imports only on success changes nothing. Problems that can be worked around (a body it does not
 * understand, a position that disagrees with the quote in the resolved text) are listed in
 * `problems` instead.
 */
export function fromW3C(json: unknown, options: FromW3COptions = {}): W3CImport {
  const problems: string[] = [];
  const list = unwrap(json, problems);
  const seen = new Set<string>();
  const annotations = list.items.map((item, index) => {
    const path = list.single ? 'annotation' : `items[${index}]`;
    const imported = importAnnotation(item, path, list.requireContext, options, problems);
    if (imported.iri !== null) {
      if (seen.has(imported.iri)) fail(`${path}.id`, `${imported.iri} appears more than once`);
      seen.add(imported.iri);
    }
    return imported;
  });
  return { annotations, problems };
}

function fail(path: string, message: string): never {
  throw new W3CImportError(path ? `${path}: ${message}` : message);
}

/** Parses `value` with `schema`, throwing a W3CImportError that names the path of the first issue. */
function parseAt<T extends z.ZodType>(schema: T, value: unknown, path: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  fail(joinPath(path, issue.path), issue.message);
}

function joinPath(base: string, parts: readonly PropertyKey[]): string {
  let path = base;
  for (const part of parts) {
    if (typeof part === 'number') path += `[${part}]`;
    else path += path ? `.${String(part)}` : String(part);
  }
  return path;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** `type` may be a string or an array of strings (JSON-LD); returns the strings. */
function typesOf(value: Record<string, unknown>): string[] {
  return asArray(value.type).filter((t): t is string => typeof t === 'string');
}

const ANNO_CONTEXTS = new Set([ANNO_CONTEXT, 'https://www.w3.org/ns/anno.jsonld']);

function checkContext(value: Record<string, unknown>, path: string, required: boolean): void {
  const where = joinPath(path, ['@context']);
  if (!('@context' in value)) {
    if (required) fail(where, `missing; a W3C Web Annotation document names "${ANNO_CONTEXT}"`);
    return;
  }
  if (!asArray(value['@context']).some((entry) => typeof entry === 'string' && ANNO_CONTEXTS.has(entry))) {
    fail(where, `does not include "${ANNO_CONTEXT}", so this is not a W3C Web Annotation document`);
  }
}

interface Unwrapped {
  items: unknown[];
  /** True for a bare array: each Annotation must carry its own @context. */
  requireContext: boolean;
  /** True for a single Annotation (paths start with "annotation"). */
  single: boolean;
}

function unwrap(json: unknown, problems: string[]): Unwrapped {
  if (Array.isArray(json)) return { items: json, requireContext: true, single: false };
  if (!isObject(json)) fail('', `Expected a W3C annotation collection, page, annotation or array of annotations (a JSON object or array), got ${describeValue(json)}`);
  const types = typesOf(json);
  if (json.type === undefined) fail('type', 'missing; expected "AnnotationCollection", "AnnotationPage" or "Annotation"');
  if (types.includes('Annotation')) return { items: [json], requireContext: true, single: true };
  if (types.includes('AnnotationCollection')) {
    checkContext(json, '', true);
    const total = json.total;
    if (total !== undefined && !(Number.isInteger(total) && (total as number) >= 0)) {
      fail('total', `expected a whole number ≥ 0, got ${describeValue(total)}`);
    }
    const first = json.first;
    if (first === undefined) {
      if (typeof total === 'number' && total > 0) fail('first', `missing, though total is ${total}`);
      return { items: [], requireContext: false, single: false };
    }
    if (typeof first === 'string') fail('first', `the page is only referenced (${describeValue(first)}), not embedded; export the collection with its annotations included`);
    if (!isObject(first) || !typesOf(first).includes('AnnotationPage')) fail('first', 'expected an embedded AnnotationPage');
    if (first.next !== undefined) fail('first.next', 'the collection continues on further pages, which cannot be read offline; export it as one page');
    const items = pageItems(first, 'first.items');
    if (typeof total === 'number' && total !== items.length) {
      fail('total', `the collection says ${total} annotations but its page holds ${items.length}; the file is incomplete`);
    }
    return { items, requireContext: false, single: false };
  }
  if (types.includes('AnnotationPage')) {
    checkContext(json, '', true);
    const items = pageItems(json, 'items');
    if (json.next !== undefined) problems.push(`next: this page is part of a larger collection; only its own ${items.length} annotations were read`);
    return { items, requireContext: false, single: false };
  }
  fail('type', `expected "AnnotationCollection", "AnnotationPage" or "Annotation", got ${describeValue(json.type)}`);
}

function pageItems(page: Record<string, unknown>, path: string): unknown[] {
  if (!Array.isArray(page.items)) fail(path, page.items === undefined ? 'missing' : `expected an array, got ${describeValue(page.items)}`);
  return page.items;
}

// Our own terms are checked strictly: a damaged value means a damaged file.
const urnIdSchema = z
  .string()
  .regex(/^urn:uuid:[a-z0-9][a-z0-9-]{0,63}$/, 'expected "urn:uuid:" followed by a workbench id')
  .transform((value) => value.slice('urn:uuid:'.length));

const articleInfoSchema = z.object({
  id: urnIdSchema,
  title: z.string().optional(),
  source: z.string().optional(),
  published: z.string().optional(),
});

const actorInfoSchema = z.object({
  id: urnIdSchema.optional(),
  name: z.string().trim().min(1, 'the actor has no name').max(200),
  kind: actorKindSchema.optional(),
  aliases: z.array(z.string().trim().min(1).max(200)).max(200).optional(),
  description: z.string().max(500).optional(),
});

const claimInfoSchema = z.object({
  speaker: z.object({ id: urnIdSchema.optional(), name: z.string().nullable().optional() }).nullable().optional(),
  form: claimFormSchema,
  medium: z.string().trim().max(100).optional(),
  reliability: reliabilitySchema.nullable().optional(),
  credibility: credibilitySchema.nullable().optional(),
  grade: z.string().nullable().optional(),
  verification: verificationSchema.optional(),
  links: z
    .array(z.object({ type: claimLinkTypeSchema, direction: z.enum(['out', 'in']), annotation: urnIdSchema, article: urnIdSchema }))
    .max(500)
    .optional(),
});

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
  'aw:actor': actorInfoSchema.optional(),
  'aw:claim': claimInfoSchema.optional(),
});

function importAnnotation(item: unknown, path: string, requireContext: boolean, options: FromW3COptions, problems: string[]): ImportedAnnotation {
  if (typeof item === 'string') fail(path, `the annotation is only referenced (${describeValue(item)}), not embedded`);
  if (!isObject(item)) fail(path, `expected an Annotation object, got ${describeValue(item)}`);
  if (!typesOf(item).includes('Annotation')) {
    fail(`${path}.type`, item.type === undefined ? 'missing; expected "Annotation"' : `expected "Annotation", got ${describeValue(item.type)}`);
  }
  checkContext(item, path, requireContext);
  const envelope = parseAt(annotationEnvelopeSchema, item, path);
  const motivations = asArray(envelope.motivation);

  // Target: exactly one passage of one source.
  const targets = asArray(item.target);
  if (targets.length === 0) fail(`${path}.target`, 'missing; an annotation must point at a passage');
  if (targets.length > 1) fail(`${path}.target`, `${targets.length} targets; only annotations of a single passage can be imported`);
  const target = targets[0];
  const targetPath = Array.isArray(item.target) ? `${path}.target[0]` : `${path}.target`;
  if (!isObject(target)) fail(targetPath, `the whole resource ${describeValue(target)} is targeted; no TextQuoteSelector or TextPositionSelector`);
  const article = articleRef(target, targetPath);
  const { quote, position } = readSelectors(target, `${targetPath}.selector`);

  // Bodies.
  const tags: string[] = [];
  const notes: string[] = [];
  let identified: string | null = null;
  const bodies = asArray(item.body);
  const bodyPath = (j: number) => (Array.isArray(item.body) ? `${path}.body[${j}]` : `${path}.body`);
  if (item.bodyValue !== undefined) {
    notes.push(parseAt(z.string(), item.bodyValue, `${path}.bodyValue`));
  }
  bodies.forEach((body, j) => {
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
      if (!envelope['aw:claim']) notes.push(value);
    } else if (purposes.length === 0 || purposes.includes('commenting') || purposes.includes('describing')) {
      notes.push(value);
    } else {
      problems.push(`${bodyPath(j)}: a body with purpose ${purposes.map(String).join(', ')} was ignored`);
    }
  });
  const note = notes.filter((n) => n.trim()).join('\n\n');
  if (note.length > MAX_NOTE) fail(`${path}.body`, `the note is longer than ${MAX_NOTE} characters`);
  if (tags.length > 100) fail(`${path}.body`, `${tags.length} tags; at most 100 are kept per annotation`);

  // Kind, actor and claim.
  const awClaim = envelope['aw:claim'];
  const awActor = envelope['aw:actor'];
  const kind: AnnotationKind =
    awClaim || motivations.includes('assessing') ? 'claim' : awActor || motivations.includes('identifying') || identified ? 'actor' : 'highlight';
  let actor: ImportedActor | null = null;
  if (kind === 'actor') {
    if (awActor) {
      actor = { id: awActor.id ?? null, name: awActor.name, kind: awActor.kind ?? null, aliases: awActor.aliases ?? [], description: awActor.description ?? '' };
    } else if (identified) {
      actor = { id: null, name: identified, kind: null, aliases: [], description: '' };
    } else {
      problems.push(`${path}: an actor mention that names no actor`);
    }
  }
  let claim: ImportedClaim | null = null;
  if (kind === 'claim' && awClaim) {
    const reliability = awClaim.reliability ?? null;
    const credibility = (awClaim.credibility ?? null) as Credibility | null;
    if (awClaim.grade && (reliability || credibility) && awClaim.grade !== gradeOf({ reliability, credibility })) {
      problems.push(`${path}.aw:claim.grade: "${awClaim.grade}" disagrees with reliability and credibility (${gradeOf({ reliability, credibility })}); the latter were used`);
    }
    claim = {
      speaker: awClaim.speaker ? { id: awClaim.speaker.id ?? null, name: awClaim.speaker.name ?? null } : null,
      form: awClaim.form,
      medium: awClaim.medium ?? '',
      reliability,
      credibility,
      verification: awClaim.verification ?? 'unverified',
      links: (awClaim.links ?? []).map((link) => ({ type: link.type, direction: link.direction, annotationId: link.annotation, articleId: link.article })),
    };
  }

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
    tags,
    note,
    status: envelope['aw:reviewStatus'] ?? 'draft',
    actor,
    claim,
    created: envelope.created ?? null,
    modified: envelope.modified ?? null,
  };
}

function articleRef(target: Record<string, unknown>, path: string): ArticleRef {
  let iri: string;
  if (typeof target.source === 'string') iri = target.source;
  else if (isObject(target.source) && typeof target.source.id === 'string') iri = target.source.id;
  else fail(`${path}.source`, target.source === undefined ? 'missing; the target names no document' : `expected an IRI, got ${describeValue(target.source)}`);
  if (!iri.trim()) fail(`${path}.source`, 'empty');
  const info = target['aw:article'] === undefined ? null : parseAt(articleInfoSchema, target['aw:article'], `${path}.aw:article`);
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

interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
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

interface Placement {
  exact: string;
  prefix: string;
  suffix: string;
  position: { start: number; end: number } | null;
  offsets: { start: number; end: number } | null;
  orphan: boolean;
}

function place(args: {
  quote: Quote | null;
  position: { start: number; end: number } | null;
  article: ArticleRef;
  markedOrphan: boolean;
  path: string;
  options: FromW3COptions;
  problems: string[];
}): Placement {
  const { quote, position, article, markedOrphan, path, options, problems } = args;
  const text = options.resolveText ? options.resolveText(article) : undefined;
  if (typeof text !== 'string') {
    if (text === null) problems.push(`${path}: the text of ${article.iri} is not available; the passage was not placed`);
    if (!quote) fail(path, `only a TextPositionSelector, and the text of ${article.iri} is not available to read the quote from`);
    return { ...quote, position, offsets: null, orphan: markedOrphan };
  }

  const map = new OffsetMap(text);
  const range = position ? `${position.start}–${position.end}` : '';
  if (position) {
    if (position.end > map.codePointLength) {
      problems.push(`${path}: the TextPositionSelector ${range} lies outside the article text (${map.codePointLength} characters)`);
    } else {
      const start = map.toUtf16(position.start);
      const end = map.toUtf16(position.end);
      const covered = text.slice(start, end);
      if (!quote) {
        try {
          return { ...describeRange(text, start, end), position, offsets: { start, end }, orphan: false };
        } catch (error) {
          fail(path, `the TextPositionSelector ${range} does not mark a passage: ${(error as Error).message}`);
        }
      }
      if (covered === quote.exact) return { ...quote, position, offsets: { start, end }, orphan: false };
      problems.push(`${path}: the TextPositionSelector ${range} covers "${clip(covered)}" but the TextQuoteSelector says "${clip(quote.exact)}"`);
    }
    if (!quote) fail(path, `only a TextPositionSelector, and it does not fit the text of ${article.iri}`);
  }

  // Find the quote, as re-anchoring does after an edit (exactly, then approximately).
  const guess = position && position.end <= map.codePointLength ? { start: map.toUtf16(position.start), end: map.toUtf16(position.end) } : { start: 0, end: 0 };
  const found = reanchor(text, { ...quote!, ...guess });
  if (found.status === 'anchored') {
    if (found.how === 'fuzzy') problems.push(`${path}: the quote "${clip(quote!.exact)}" was found only approximately; its passage now reads "${clip(found.target.exact)}"`);
    else if (position) problems.push(`${path}: placed by the quote instead of the position`);
    const { start, end, ...rest } = found.target;
    return { ...rest, position, offsets: { start, end }, orphan: false };
  }
  if (!markedOrphan) problems.push(`${path}: the quote "${clip(quote!.exact)}" was not found in the text of ${article.iri}; imported as an orphan`);
  return { ...quote!, position, offsets: null, orphan: true };
}

function clip(text: string): string {
  return text.length > 60 ? `${sliceWhole(text, 0, 60)}…` : text;
}
