import { z } from 'zod';
import { claimSchema } from './claim';
import { authorshipShape } from './author';
import { idSchema, timestampSchema } from './ids';

/** The passage an annotation points at, described twice so it can be found again after edits. */
export const textTargetSchema = z.object({
  /** UTF-16 code-unit offsets into the article's canonical text; `end` is exclusive. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** The passage itself and up to 32 code units of context on each side. */
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
});
export type TextTarget = z.infer<typeof textTargetSchema>;

export const annotationKindSchema = z.enum(['highlight', 'actor', 'claim']);
export type AnnotationKind = z.infer<typeof annotationKindSchema>;

export const reviewStatusSchema = z.enum(['draft', 'reviewed', 'disputed']);
export type ReviewStatus = z.infer<typeof reviewStatusSchema>;

export const MAX_NOTE = 20_000;

/** Whether the passage was found in the current text, or lost after an edit (kept for re-attaching). */
export const anchorStateSchema = z.enum(['anchored', 'orphan']);

export const annotationSchema = z.object({
  id: idSchema,
  articleId: idSchema,
  kind: annotationKindSchema,
  target: textTargetSchema,
  tags: z.array(idSchema).max(100),
  note: z.string().max(MAX_NOTE),
  status: reviewStatusSchema,
  /** For an actor mention: who is mentioned. */
  actorId: idSchema.nullable(),
  /** For a claim: speaker, grading, verification and links. */
  claim: claimSchema.nullable(),
  anchor: anchorStateSchema,
  /**
   * Part of the agreed version settled in the curation view, kept apart from the analysts' own
   * annotations (which stay as they were); absent = an analyst's own annotation.
   */
  curated: z.boolean().optional(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  ...authorshipShape,
});
export type Annotation = z.infer<typeof annotationSchema>;
