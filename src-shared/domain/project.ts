import { z } from 'zod';

/** A problem found while opening a project that the user must hear about. */
export const projectProblemSchema = z.object({
  /** The file as it was named in the project folder. */
  file: z.string(),
  /** Where the unreadable file was moved (it is kept, never deleted), or null when it was left in place. */
  movedTo: z.string().nullable(),
  message: z.string(),
});
export type ProjectProblem = z.infer<typeof projectProblemSchema>;

export const projectInfoSchema = z.object({
  name: z.string(),
  directory: z.string(),
  articleCount: z.number().int().nonnegative(),
  problems: z.array(projectProblemSchema),
  /** True while the article files are checked against the summaries the project opened with (after a fast open). */
  checking: z.boolean(),
});
export type ProjectInfo = z.infer<typeof projectInfoSchema>;
