/**
 * The one contract between the renderer and the main process.
 *
 * Every channel (`domain:verb`) names its input schema, which the router enforces on every
 * call, and its output schema, from which the result type is derived. Both transports (Electron
 * IPC and the web host's HTTP API) carry exactly these channels; nothing else crosses.
 */
import { z } from 'zod';
import { annotationKindSchema, annotationSchema } from './domain/annotation';
import { articleSchema, articleSummarySchema, newArticleInputSchema } from './domain/article';
import { idSchema } from './domain/ids';
import { projectInfoSchema } from './domain/project';
import type { Result } from './result';

const none = z.object({}).strict();

export const contract = {
  /** The open project: its folder, size, and problems found while opening it (files set aside). */
  'project:info': { input: none, output: projectInfoSchema },

  /** Every article's metadata and counts, newest first, without the texts. */
  'articles:list': { input: none, output: z.array(articleSummarySchema) },

  /** One article with its text and annotations. Fails with `not-found` for an unknown id. */
  'articles:get': {
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ article: articleSchema, annotations: z.array(annotationSchema) }),
  },

  /**
   * Adds an article. The text is canonicalised (see docs/data-format.md); the result is what was
   * stored. Fails with `invalid-input` for an empty or oversized text and writes nothing.
   */
  'articles:create': { input: newArticleInputSchema.strict(), output: articleSchema },

  /**
   * Annotates `text[start, end)` of an article (UTF-16 offsets into its canonical text). The
   * main process derives the quote selector from the stored text; `exact`, when given, must
   * equal that passage, which guards against a renderer that holds a stale text.
   */
  'annotations:create': {
    input: z
      .object({
        articleId: idSchema,
        start: z.number().int().nonnegative(),
        end: z.number().int().positive(),
        exact: z.string().optional(),
        kind: annotationKindSchema.default('highlight'),
      })
      .strict(),
    output: annotationSchema,
  },

  /** Removes one annotation. Fails with `not-found` when it does not exist. */
  'annotations:delete': {
    input: z.object({ articleId: idSchema, id: idSchema }).strict(),
    output: z.object({ id: idSchema }),
  },

  /** The open article as a Markdown document and a file name safe on every system. */
  'export:article-markdown': {
    input: z.object({ articleId: idSchema }).strict(),
    output: z.object({ fileName: z.string(), markdown: z.string() }),
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller passes (defaults not yet applied). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (validated, defaults applied). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
export type ChannelResult<C extends Channel> = Result<ChannelOutput<C>>;

export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The shape both transports expose: one typed method per channel, never a raw `send`. */
export type Transport = { [C in Channel]: (input: ChannelInput<C>) => Promise<ChannelResult<C>> };
