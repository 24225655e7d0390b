import { z } from 'zod';
import { actorKindSchema } from '../domain/actor';
import { idSchema } from '../domain/ids';
import { quoteFormSchema, suggestionKeySchema, suggestionSchema } from './suggestion-schema';

/** Most suggestions one call accepts or rejects (Accept all over a long article stays one step). */
export const MAX_SUGGESTIONS_PER_CALL = 5000;

/** Changes the analyst made to a suggestion before accepting it. Fields not given keep the proposal. */
const overridesSchema = z
  .object({
    /** For an actor: mark the mentions as this registry actor instead of the proposed one. */
    actorId: idSchema,
    /** For a new actor: its kind (person, organization, state, …). */
    actorKind: actorKindSchema,
    /** For a claim: this registry actor spoke it; null accepts it without a speaker. */
    speakerId: idSchema.nullable(),
    /** For a claim: how it is reported. */
    form: quoteFormSchema,
    /** For a claim: statement, post, interview… */
    medium: z.string().trim().max(100),
  })
  .partial()
  .strict();

/** A library-wide run: how far it got. */
const jobSchema = z.object({
  jobId: idSchema,
  state: z.enum(['running', 'done', 'cancelled']),
  done: z.number().int(),
  total: z.number().int(),
  /** Articles with at least one pending suggestion so far, and how many suggestions they hold. */
  articles: z.number().int(),
  suggestions: z.number().int(),
  /** Articles for which no suggestions could be computed (too long, the engine failed). */
  failed: z.number().int(),
});

/** A pending suggestion with its article and the text around it, for the Review view. */
const pendingEntrySchema = z.object({
  articleId: idSchema,
  articleTitle: z.string(),
  before: z.string(),
  after: z.string(),
  suggestion: suggestionSchema,
});

/**
 * The suggestion channels, spread into the contract (contract.ts). Nothing is written to the
 * project except by `suggestions:accept` and `suggestions:reject`, each one undoable step.
 */
export const suggestionContract = {
  /**
   * The open article's pending suggestions: what the engine proposes (computed in a worker, off
   * the request path), less what was rejected for this article and what is already annotated.
   * A text the engine cannot handle (too long for the time limit) answers no suggestions and a
   * `problem` to show, not an error.
   */
  'suggestions:list': {
    input: z.object({ articleId: idSchema }).strict(),
    output: z.object({ articleId: idSchema, suggestions: z.array(suggestionSchema), problem: z.string().nullable() }),
  },

  /**
   * Accepts suggestions of one article as ordinary annotations (actor mentions with their actor,
   * claims with speaker, form and medium), creating the new actors they need in the registry, as
   * one undoable step. Fails with `conflict`, writing nothing, when a key is no longer proposed.
   */
  'suggestions:accept': {
    input: z
      .object({
        articleId: idSchema,
        items: z.array(z.object({ key: suggestionKeySchema, overrides: overridesSchema.default({}) }).strict()).min(1).max(MAX_SUGGESTIONS_PER_CALL),
      })
      .strict(),
    output: z.object({ annotations: z.number().int(), actorsCreated: z.number().int() }),
  },

  /** Remembers suggestions as rejected for this article (one undoable step); they are not proposed again. */
  'suggestions:reject': {
    input: z.object({ articleId: idSchema, keys: z.array(suggestionKeySchema).min(1).max(MAX_SUGGESTIONS_PER_CALL) }).strict(),
    output: z.object({ rejected: z.number().int() }),
  },

  /**
   * Starts computing suggestions for the chosen articles (all of them when `articleIds` is
   * absent), in the background, one article at a time; follow it with `suggestions:job`. Writes
   * nothing: the results wait in the Review view and the Suggestions panel.
   */
  'suggestions:run': {
    input: z.object({ articleIds: z.array(idSchema).min(1).max(100_000).optional() }).strict(),
    output: jobSchema,
  },

  /** How far a run got. Fails with `not-found` for an unknown job. */
  'suggestions:job': { input: z.object({ jobId: idSchema }).strict(), output: jobSchema },

  /** Stops a run after the article it is on; what it found so far stays available. */
  'suggestions:cancel': { input: z.object({ jobId: idSchema }).strict(), output: jobSchema },

  /** Pending suggestions of the articles whose suggestions are known (opened or run), in library order. */
  'suggestions:pending': {
    input: z.object({ limit: z.number().int().min(1).max(5000).default(500) }).strict(),
    output: z.object({ total: z.number().int(), items: z.array(pendingEntrySchema) }),
  },
} as const;
