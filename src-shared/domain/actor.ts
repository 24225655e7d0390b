import { z } from 'zod';
import { MAX_NOTE } from './annotation';
import { authorshipShape } from './author';
import { idSchema, timestampSchema } from './ids';

export const actorKindSchema = z.enum(['person', 'organization', 'state', 'group', 'other']);
export type ActorKind = z.infer<typeof actorKindSchema>;

/** Longest name or alias, in UTF-16 code units. */
export const MAX_ACTOR_NAME = 200;
/** Most aliases one actor holds: enough for every spelling, few enough to search quickly. */
export const MAX_ALIASES = 200;

const name = z.string().trim().min(1, 'Name is empty: give the actor a name').max(MAX_ACTOR_NAME, `Name is longer than ${MAX_ACTOR_NAME} characters`);
const aliasList = z.array(name).max(MAX_ALIASES, `An actor can have at most ${MAX_ALIASES} aliases: remove some before adding others`);

/** Someone or something that acts or speaks in the articles: a person, a state, an organisation. */
export const actorSchema = z.object({
  id: idSchema,
  name,
  kind: actorKindSchema,
  /** Other names the actor goes by in the texts ("Wang", "China's foreign minister"). */
  aliases: aliasList,
  /** One line, e.g. "Foreign Minister of Caldonia". */
  description: z.string().max(500),
  /** Another actor this one belongs to: a minister to a state. */
  affiliationId: idSchema.nullable(),
  note: z.string().max(MAX_NOTE),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  ...authorshipShape,
});
export type Actor = z.infer<typeof actorSchema>;

/** The fields a user edits. */
export const actorFieldsSchema = z.object({
  name,
  kind: actorKindSchema.default('person'),
  aliases: aliasList.default([]),
  description: z.string().trim().max(500).default(''),
  affiliationId: idSchema.nullable().default(null),
  note: z.string().max(MAX_NOTE).default(''),
});
export type ActorFields = z.input<typeof actorFieldsSchema>;

/** A change to some of an actor's fields; fields not given are left as they are (no defaults). */
export const actorPatchSchema = actorSchema.pick({ name: true, kind: true, aliases: true, description: true, affiliationId: true, note: true }).partial();

/** An actor with how often it is marked across the library. */
export interface ActorWithCount extends Actor {
  mentionCount: number;
  claimCount: number;
}
