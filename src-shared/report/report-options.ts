import { z } from 'zod';
import { reviewStatusSchema } from '../domain/annotation';
import { verificationSchema } from '../domain/claim';
import { idSchema } from '../domain/ids';

/** What a report covers. */
export const reportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('article'), articleId: idSchema }).strict(),
  z.object({ kind: z.literal('articles'), articleIds: z.array(idSchema).min(1, 'Choose at least one article').max(100_000) }).strict(),
  z.object({ kind: z.literal('project') }).strict(),
  z.object({ kind: z.literal('actor'), actorId: idSchema }).strict(),
]);
export type ReportScope = z.infer<typeof reportScopeSchema>;

export const reportSectionsSchema = z
  .object({
    notes: z.boolean(),
    actors: z.boolean(),
    claims: z.boolean(),
    highlights: z.boolean(),
    sources: z.boolean(),
    /** Who marked each claim and highlight (and who last changed it). Off unless asked for. */
    authors: z.boolean().default(false),
    /** The scope's network of who says what about whom, as a Mermaid flowchart; off unless asked. */
    network: z.boolean().default(false),
  })
  .strict();
export type ReportSections = z.infer<typeof reportSectionsSchema>;
/** Sections as a caller may send them (the network section may be left out). */
export type ReportSectionsInput = z.input<typeof reportSectionsSchema>;

/** Empty lists mean "no filter". */
export const reportFiltersSchema = z
  .object({
    tagIds: z.array(idSchema).max(1000).default([]),
    actorIds: z.array(idSchema).max(10_000).default([]),
    statuses: z.array(reviewStatusSchema).default([]),
    verifications: z.array(verificationSchema).default([]),
  })
  .strict();
export type ReportFilters = z.infer<typeof reportFiltersSchema>;

export const reportOptionsSchema = z
  .object({
    title: z.string().trim().max(300).default(''),
    scope: reportScopeSchema,
    sections: reportSectionsSchema.default({ notes: true, actors: true, claims: true, highlights: true, sources: true, authors: false, network: false }),
    filters: reportFiltersSchema.default({ tagIds: [], actorIds: [], statuses: [], verifications: [] }),
  })
  .strict();
export type ReportOptions = z.output<typeof reportOptionsSchema>;
