import { z } from 'zod';
import { authorshipShape } from './author';
import { idSchema, timestampSchema } from './ids';
import { importFormatSchema, textDirectionSchema } from './import-format';

/** Largest article text accepted, in UTF-16 code units (about 5 MB of Latin text). */
export const MAX_ARTICLE_TEXT = 5 * 1024 * 1024;
export const MAX_TITLE = 500;
export const MAX_SOURCE = 200;
export const MAX_URL = 2048;

export const articleStatusSchema = z.enum(['todo', 'in-progress', 'done']);
export type ArticleStatus = z.infer<typeof articleStatusSchema>;

/** An http(s) URL, or nothing. Other schemes (javascript:, file:) are refused at the boundary. */
export const articleUrlSchema = z
  .string()
  .trim()
  .max(MAX_URL, `URL is longer than ${MAX_URL} characters`)
  .refine((value) => value === '' || /^https?:\/\/[^\s]+$/i.test(value), 'URL must start with http:// or https://');

/** A calendar date (YYYY-MM-DD) or empty when the publication date is unknown. */
export const publishedDateSchema = z
  .string()
  .trim()
  .refine(
    (value) => value === '' || (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))),
    'Published must be a date written as YYYY-MM-DD',
  );

/** Where an imported article came from; absent for pasted ones. */
export const articleOriginSchema = z.object({
  /** The file's name as it was, for display only. */
  fileName: z.string().max(300),
  format: importFormatSchema,
  /** Hex SHA-256 of the canonical text (UTF-8): how a text already in the library is recognised. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  importedAt: timestampSchema,
});
export type ArticleOrigin = z.infer<typeof articleOriginSchema>;

/** A BCP 47 language tag ("ar", "zh-CN"), or '' when unknown. */
export const languageTagSchema = z
  .string()
  .trim()
  .max(35)
  .refine((value) => value === '' || /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(value), 'Language must be a language tag such as en, ar or zh-CN');

/** A direction as the reader's control offers it: a fixed one, or 'auto' (none stored). */
export const articleDirectionChoiceSchema = z.enum(['auto', 'ltr', 'rtl']);
export type ArticleDirectionChoice = z.infer<typeof articleDirectionChoiceSchema>;

/** Article metadata as stored; `text` is canonical plain text (see docs/data-format.md). */
export const articleSchema = z.object({
  id: idSchema,
  title: z.string().min(1).max(MAX_TITLE),
  source: z.string().max(MAX_SOURCE),
  url: articleUrlSchema,
  published: publishedDateSchema,
  text: z.string().min(1).max(MAX_ARTICLE_TEXT),
  status: articleStatusSchema,
  note: z.string().max(20_000),
  origin: articleOriginSchema.optional(),
  /** Attribution as printed with the article ("Lena Marsh, Port Aurel"); absent when not known. */
  byline: z.string().max(MAX_SOURCE).optional(),
  /** The text's language; absent in articles saved before languages were recorded. */
  language: languageTagSchema.optional(),
  /**
   * Which way the text runs: the reader, snippets and reports render it with this `dir`. Absent =
   * each paragraph by its own first letters (`dir="auto"`), which for Latin text is left to right.
   */
  direction: textDirectionSchema.optional(),
  /** Analysts (by name) who code this article independently, for agreement; absent = nobody assigned. */
  assignedTo: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  ...authorshipShape,
});
export type Article = z.infer<typeof articleSchema>;

/** What the library shows for an article without loading its text. */
const counts = z.record(z.string(), z.number().int().nonnegative());

export const articleSummarySchema = articleSchema.omit({ text: true, note: true }).extend({
  wordCount: z.number().int().nonnegative(),
  annotationCount: z.number().int().nonnegative(),
  claimCount: z.number().int().nonnegative(),
  orphanCount: z.number().int().nonnegative(),
  /** Mentions per actor id (actor mentions, plus claims by speaker are counted separately). */
  actorMentions: counts,
  /** Claims per speaker id. */
  speakerClaims: counts,
  /** Annotations per tag id. */
  tagCounts: counts,
  /** Annotations per review status (draft, reviewed, disputed). */
  statusCounts: counts,
  /** Claims per verification state. */
  verificationCounts: counts,
});
export type ArticleSummary = z.infer<typeof articleSummarySchema>;

/** Metadata fields a user can change after creating an article. */
export const articlePatchSchema = z
  .object({
    title: z.string().trim().min(1, 'Title is empty: give the article a title').max(MAX_TITLE),
    source: z.string().trim().max(MAX_SOURCE),
    url: articleUrlSchema,
    published: publishedDateSchema,
    status: articleStatusSchema,
    note: z.string().max(20_000),
    byline: z.string().trim().max(MAX_SOURCE),
    language: languageTagSchema,
    /** 'auto' removes the stored direction: each paragraph then runs the way its own letters do. */
    direction: articleDirectionChoiceSchema,
    assignedTo: z.array(z.string().trim().min(1, 'An analyst needs a name').max(100)).max(20, 'Assign at most 20 analysts'),
  })
  .partial()
  .strict();
export type ArticlePatch = z.infer<typeof articlePatchSchema>;

/** Input of the "New article" form. The text is canonicalised by the main process. */
export const newArticleInputSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'Title is empty: give the article a title')
    .max(MAX_TITLE, `Title is longer than ${MAX_TITLE} characters`),
  source: z.string().trim().max(MAX_SOURCE, `Source is longer than ${MAX_SOURCE} characters`).default(''),
  url: articleUrlSchema.default(''),
  published: publishedDateSchema.default(''),
  text: z
    .string()
    .max(MAX_ARTICLE_TEXT, 'Text is larger than 5 MB: split the article or shorten it')
    .refine((value) => value.trim().length > 0, 'Text is empty: paste the article text'),
  /** Attribution as printed; an import passes the draft's. */
  byline: z.string().trim().max(MAX_SOURCE, `Byline is longer than ${MAX_SOURCE} characters`).optional(),
  /** Guessed from the text's script when absent (src-shared/text/language.ts). */
  language: languageTagSchema.optional(),
  direction: textDirectionSchema.optional(),
});
export type NewArticleInput = z.input<typeof newArticleInputSchema>;
