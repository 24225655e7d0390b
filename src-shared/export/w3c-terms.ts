/**
 * The workbench's own W3C terms (`aw:article`, `aw:actor`, `aw:claim`; see w3c-model.ts) as zod
 * schemas: one definition gives the shape the export writes (`z.input`, ids as `urn:uuid:…`) and
 * the parser the import checks it with. Our terms are checked strictly: a damaged value means a
 * damaged file. Other tools may leave out what they do not know, so the import accepts each term
 * with its optional parts missing (`imported…Schema`) and fills in the workbench's defaults.
 */
import { z } from 'zod';
import { actorKindSchema } from '../domain/actor';
import { claimFormSchema, claimLinkTypeSchema, credibilitySchema, reliabilitySchema, verificationSchema } from '../domain/claim';

/** `urn:uuid:<workbench id>` in the file; the bare id once parsed. */
export const urnIdSchema = z
  .string()
  .regex(/^urn:uuid:[a-z0-9][a-z0-9-]{0,63}$/, 'expected "urn:uuid:" followed by a workbench id')
  .transform((value) => value.slice('urn:uuid:'.length));

/** `aw:article` (on the target): the annotated article. */
export const w3cArticleInfoSchema = z.object({
  id: urnIdSchema,
  title: z.string(),
  source: z.string(),
  /** `YYYY-MM-DD` or `""`. */
  published: z.string(),
});
export type W3CArticleInfo = z.input<typeof w3cArticleInfoSchema>;
export const importedArticleInfoSchema = w3cArticleInfoSchema.partial({ title: true, source: true, published: true });

/** `aw:actor` (actor mentions): who is mentioned. */
export const w3cActorInfoSchema = z.object({
  id: urnIdSchema,
  name: z.string().trim().min(1, 'the actor has no name').max(200),
  kind: actorKindSchema,
  aliases: z.array(z.string().trim().min(1).max(200)).max(200),
  description: z.string().max(500),
});
export type W3CActorInfo = z.input<typeof w3cActorInfoSchema>;

/** An actor as the import read it: our id when the file has one, the workbench's defaults for what it leaves out. */
export const importedActorSchema = w3cActorInfoSchema
  .partial({ id: true, kind: true, aliases: true, description: true })
  .transform((actor) => ({
    id: actor.id ?? null,
    name: actor.name,
    kind: actor.kind ?? null,
    aliases: actor.aliases ?? [],
    description: actor.description ?? '',
  }));
export type ImportedActor = z.output<typeof importedActorSchema>;

/** One link of `aw:claim.links`: "out" means this claim supports/contradicts/repeats that one. */
export const w3cClaimLinkSchema = z.object({
  type: claimLinkTypeSchema,
  direction: z.enum(['out', 'in']),
  annotation: urnIdSchema,
  article: urnIdSchema,
});
export type W3CClaimLink = z.input<typeof w3cClaimLinkSchema>;

/** `aw:claim` (claims): the speaker, form and Admiralty grading of a claim, and its links. */
export const w3cClaimInfoSchema = z.object({
  speaker: z.object({ id: urnIdSchema, name: z.string() }).nullable(),
  form: claimFormSchema,
  medium: z.string().trim().max(100),
  reliability: reliabilitySchema.nullable(),
  credibility: credibilitySchema.nullable(),
  /** Reliability and credibility combined ("B2"), or null when ungraded: derived, ignored on import. */
  grade: z.string().nullable(),
  verification: verificationSchema,
  links: z.array(w3cClaimLinkSchema).max(500),
});
export type W3CClaimInfo = z.input<typeof w3cClaimInfoSchema>;

/** A claim as the import read it (the stated grade kept only to be checked against the parts). */
export const importedClaimSchema = w3cClaimInfoSchema
  .extend({ speaker: z.object({ id: urnIdSchema.optional(), name: z.string().nullable().optional() }).nullable().optional() })
  .partial({ medium: true, reliability: true, credibility: true, grade: true, verification: true, links: true })
  .transform((claim) => ({
    speaker: claim.speaker ? { id: claim.speaker.id ?? null, name: claim.speaker.name ?? null } : null,
    form: claim.form,
    medium: claim.medium ?? '',
    reliability: claim.reliability ?? null,
    credibility: claim.credibility ?? null,
    statedGrade: claim.grade ?? null,
    verification: claim.verification ?? 'unverified',
    links: (claim.links ?? []).map((link) => ({ type: link.type, direction: link.direction, annotationId: link.annotation, articleId: link.article })),
  }));
export type ImportedClaim = Omit<z.output<typeof importedClaimSchema>, 'statedGrade'>;
