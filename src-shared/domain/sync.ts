import { z } from 'zod';
import { idSchema } from './ids';

/**
 * A Git remote's address: http or https only, and never with a user name or password inside it
 * (the token is asked for separately and kept out of the project folder).
 */
export const remoteUrlSchema = z
  .string()
  .trim()
  .min(1, 'Type the address of the Git repository')
  .max(2_000)
  // Shared code has no URL parser (neither Node nor the DOM): the authority is read by pattern.
  .refine((value) => /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i.test(value), 'must be an http:// or https:// address')
  .refine((value) => !/^https?:\/\/[^/?#]*@/i.test(value), 'must not contain a user name or password: type them in Username and Token');

/** What Share project asks for. */
export const shareInputSchema = z
  .object({
    url: remoteUrlSchema,
    username: z.string().trim().min(1, 'Type the user name for the Git server').max(200),
    token: z.string().min(1, 'Type the token (or password) for the Git server').max(2_000),
    authorName: z.string().trim().min(1, 'Type your name: it is recorded with what you change').max(200),
  })
  .strict();

/** A long sync step, for a progress line ("Sending 1,200 of 10,000"). */
export const syncProgressSchema = z.object({ phase: z.string(), loaded: z.number(), total: z.number() });

/** Whether and where the project is shared, and how the last sync went. */
export const syncStatusSchema = z.object({
  shared: z.boolean(),
  remoteUrl: z.string().nullable(),
  username: z.string().nullable(),
  authorName: z.string().nullable(),
  /** Whether a token is at hand for the remote (web: only for this session). */
  hasToken: z.boolean(),
  /** Where the token is kept: on this device (encrypted) or only for this session (web). */
  tokenKept: z.enum(['device', 'session']),
  lastSyncAt: z.string().nullable(),
  /** What the last sync brought in ("2 annotations from Ana"), empty when nothing. */
  lastBroughtIn: z.string(),
  /** What the last sync sent ("3 annotations, 1 actor"), empty when nothing. */
  lastSent: z.string(),
  /** What the last merge did that deserves a mention. */
  notes: z.array(z.string()),
  conflictCount: z.number().int(),
  running: z.boolean(),
  progress: syncProgressSchema.nullable(),
});

/** What one Share or Sync did. */
export const syncOutcomeSchema = z.object({ broughtIn: z.string(), sent: z.string(), conflicts: z.number().int() });

/** One commit that changed an article's file. */
export const articleVersionSchema = z.object({
  commit: z.string(),
  author: z.string(),
  at: z.string(),
  message: z.string(),
  annotationCount: z.number().int(),
});

/** A conflict as the Conflicts list shows it: both values, described for people. */
export const syncConflictSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.string(),
  articleId: idSchema.nullable(),
  ours: z.string(),
  theirs: z.string(),
  kept: z.enum(['ours', 'theirs']),
  theirAuthor: z.string(),
  /** Whether both values can be kept side by side. */
  canKeepBoth: z.boolean(),
});

export const resolveInputSchema = z
  .object({ id: z.string().uuid(), choice: z.enum(['ours', 'theirs', 'both']) })
  .strict();

export type SyncStatus = z.infer<typeof syncStatusSchema>;
export type SyncConflictView = z.infer<typeof syncConflictSchema>;
export type ArticleVersion = z.infer<typeof articleVersionSchema>;
