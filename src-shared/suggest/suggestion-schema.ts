import { z } from 'zod';
import { actorKindSchema } from '../domain/actor';
import { idSchema } from '../domain/ids';
import type { ClaimForm } from '../domain/claim';
import type { QuoteForm, Suggestion } from './suggestion';

/**
 * Zod schemas of the engine's suggestions (suggestion.ts), for the contract's answers. The
 * `satisfies` checks below keep them and the engine's interfaces the same shape.
 */
const keySchema = z.string().min(1).max(500);
const spanSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive(), text: z.string() });

export const actorSuggestionSchema = z.object({
  type: z.literal('actor'),
  key: keySchema,
  name: z.string(),
  actorKind: actorKindSchema,
  aliases: z.array(z.string()),
  existingActorId: idSchema.nullable(),
  mentions: z.array(spanSchema),
});

export const quoteFormSchema = z.enum(['direct', 'indirect', 'mixed']);

export const claimSuggestionSchema = z.object({
  type: z.literal('claim'),
  key: keySchema,
  span: spanSchema,
  form: quoteFormSchema,
  medium: z.string().nullable(),
  speaker: z.object({ name: z.string(), existingActorId: idSchema.nullable(), actorKey: keySchema.nullable() }).nullable(),
  cue: spanSchema.nullable(),
});

export const suggestionSchema = z.discriminatedUnion('type', [actorSuggestionSchema, claimSuggestionSchema]);
export { keySchema as suggestionKeySchema };

// Both directions: a change to either side that the other does not follow fails the typecheck.
type Parsed = z.infer<typeof suggestionSchema>;
export const sameShape: [Parsed extends Suggestion ? true : false, Suggestion extends Parsed ? true : false] = [true, true];

/**
 * The claim form an accepted quote gets. Mixed quotes (reported speech around quoted words) are
 * stored as paraphrases: the claim is in the reporter's words, and the quoted words stay
 * visible in its passage.
 */
export const CLAIM_FORM_OF: Record<QuoteForm, ClaimForm> = { direct: 'direct-quote', indirect: 'paraphrase', mixed: 'paraphrase' };
