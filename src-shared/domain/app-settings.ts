import { z } from 'zod';
import { authorEmailSchema, authorNameSchema, authorSchema } from './author';

/**
 * The app's own settings, kept in the app's data folder (never in a project folder, so a shared
 * project does not carry one analyst's identity to another).
 */
export const appSettingsSchema = z.object({
  /** Who the analyst is: recorded on everything they create or change, and in exports. */
  author: authorSchema,
});
export type AppSettings = z.infer<typeof appSettingsSchema>;

/** What `settings:get` answers: the settings, and what went wrong reading them, if anything. */
export const appSettingsViewSchema = appSettingsSchema.extend({
  /** Set when the settings file could not be read and defaults are in use; says what happened. */
  problem: z.string().nullable(),
});
export type AppSettingsView = z.infer<typeof appSettingsViewSchema>;

/** An email field as typed in a form: empty means "no email". */
const emailFieldSchema = z.string().trim().max(254, 'Email is longer than 254 characters').refine((value) => value === '' || authorEmailSchema.safeParse(value).success, 'Email must look like name@example.org (or leave it empty)');

/** The analyst's identity as edited in the Settings dialog (or the Share dialog's "Your name"). */
export const authorUpdateSchema = z
  .object({
    name: authorNameSchema,
    /** Empty or absent removes the email. */
    email: emailFieldSchema.optional(),
  })
  .strict();
export type AuthorUpdate = z.input<typeof authorUpdateSchema>;
