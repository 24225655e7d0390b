import { z } from 'zod';
import { actorSchema } from '../../src-shared/domain/actor';
import { annotationSchema } from '../../src-shared/domain/annotation';
import { tagSchema } from '../../src-shared/domain/tag';
import { articleSchema, articleSummarySchema } from '../../src-shared/domain/article';
import { idSchema, timestampSchema } from '../../src-shared/domain/ids';

/** Format versions this build reads and writes. Bump with a migration when a shape changes. */
export const PROJECT_FORMAT = 1;
export const ARTICLE_FORMAT = 1;
export const INDEX_FORMAT = 1;
/**
 * Bumped when summaries are computed differently, so that cached ones are not shown with the old
 * figures. 2: words counted by the shared tokeniser (src-shared/text/words.ts), which counts the
 * words of Chinese and Japanese runs instead of the runs.
 */
export const SUMMARY_VERSION = 2;

/** `project.json`: the project-wide registries. Articles live in their own files. */
export const projectFileSchema = z.object({
  schemaVersion: z.number().int().positive(),
  id: idSchema,
  name: z.string(),
  createdAt: timestampSchema,
  notes: z.string(),
  actors: z.array(actorSchema),
  tags: z.array(tagSchema),
  settings: z.record(z.string(), z.unknown()),
  /**
   * Actors and tags merged into another (`actors:merge`, `tags:merge`): merged id → survivor id.
   * A sync uses it to point the other side's new mentions, speakers and tag uses of a merged
   * actor or tag at the survivor (docs/merge.md). Absent in files written before it existed.
   */
  mergedInto: z.record(idSchema, idSchema).optional(),
});
export type ProjectFile = z.infer<typeof projectFileSchema>;

/** Most rejected suggestion keys one article remembers (far above what a text proposes). */
export const MAX_REJECTED_SUGGESTIONS = 100_000;

/** `articles/<id>.json`: one article and all its annotations, so a save rewrites one small file. */
export const articleFileSchema = z
  .object({
    schemaVersion: z.number().int().positive(),
    article: articleSchema,
    annotations: z.array(annotationSchema),
    /**
     * Keys of the suggestions the analyst rejected for this article (src-shared/suggest), never
     * proposed again. Optional, like the article's later fields: files written before it lack it
     * and read as "none rejected", so no format bump; an older build that rewrites the file drops
     * it, which can only bring a rejected suggestion back, never lose annotations.
     */
    rejectedSuggestions: z.array(z.string().min(1).max(500)).max(MAX_REJECTED_SUGGESTIONS).optional(),
  })
  .refine((file) => file.annotations.every((a) => a.articleId === file.article.id && a.target.end <= file.article.text.length), {
    message: 'an annotation points outside its article',
  });
export type ArticleFile = z.infer<typeof articleFileSchema>;

/**
 * `index.json`: a cache of article summaries keyed by id, with the size and modification time
 * of the file each was computed from. It can be deleted at any time; it only spares a cold open
 * from parsing every article.
 */
export const indexFileSchema = z.object({
  schemaVersion: z.number().int().positive(),
  /** How the summaries were computed (SUMMARY_VERSION); a cache from another way is rebuilt. */
  summaries: z.number().int().optional(),
  /** How words were cut and counted (src-shared/text/version.ts); another way's counts are recomputed. */
  text: z.number().int().optional(),
  articles: z.record(
    z.string(),
    z.object({ size: z.number(), mtimeMs: z.number(), summary: articleSummarySchema }),
  ),
});
export type IndexFile = z.infer<typeof indexFileSchema>;
