/**
 * The one contract between the renderer and the main process.
 *
 * Every channel (`domain:verb`) names its input schema, which the router enforces on every
 * call, and its output schema, from which the result type is derived. Both transports (Electron
 * IPC and the web host's HTTP API) carry exactly these channels; nothing else crosses.
 */
import { z } from 'zod';
import { channelNames, hasChannel, type SpecInput, type SpecOutput, type SpecParsedInput, type SpecResult } from './channel-spec';
import { actorFieldsSchema, actorPatchSchema, actorSchema } from './domain/actor';
import { annotationKindSchema, annotationSchema, MAX_NOTE, reviewStatusSchema } from './domain/annotation';
import { articlePatchSchema, articleSchema, articleStatusSchema, articleSummarySchema, MAX_ARTICLE_TEXT, newArticleInputSchema } from './domain/article';
import { claimDetailsSchema, claimLinkTypeSchema, claimRefSchema, claimSchema, verificationSchema } from './domain/claim';
import { importDraftSchema, importEncodingSchema, importFormatSchema } from './domain/import-format';
import { tagFieldsSchema, tagPatchSchema, tagSchema } from './domain/tag';
import { idSchema } from './domain/ids';
import { projectInfoSchema } from './domain/project';
import { appSettingsViewSchema, authorUpdateSchema } from './domain/app-settings';
import { reportOptionsSchema, reportScopeSchema } from './report/report-options';
import { agreementReportSchema } from './agreement/agreement-schema';
import { suggestionContract } from './suggest/suggestion-contract';
import { articleVersionSchema, resolveInputSchema, shareInputSchema, syncConflictSchema, syncOutcomeSchema, syncStatusSchema } from './domain/sync';
import { networkEdgeSchema, networkEdgeTypeSchema, networkFiltersSchema, networkNodeSchema } from './network/network-graph';

const none = z.object({}).strict();

/** Articles and analysts (by name, as recorded in `createdBy`) compared for agreement. */
const agreementArticlesSchema = z.array(idSchema).min(1, 'Choose at least one article').max(10_000);
const agreementAnalystsSchema = z
  .array(z.string().trim().min(1).max(100))
  .min(2, 'Choose at least two analysts to compare')
  .max(10, 'Compare at most 10 analysts at once')
  .refine((names) => new Set(names).size === names.length, 'An analyst is chosen twice');

/** Filters the library by what its summaries record. Empty or missing means "any". */
const librarySearchFiltersSchema = z
  .object({
    actorId: idSchema.optional(),
    tagId: idSchema.optional(),
    verification: verificationSchema.optional(),
    reviewStatus: reviewStatusSchema.optional(),
    articleStatus: articleStatusSchema.optional(),
    source: z.string().max(200).optional(),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  })
  .strict();

/** How the library's list is ordered: newest added, newest published, title, most annotated, most claims. */
export const librarySortSchema = z.enum(['added', 'published', 'title', 'annotations', 'claims']);
export type LibrarySort = z.infer<typeof librarySortSchema>;

/** The search filters, plus what the article pickers (agreement, reports) narrow by. */
const libraryPageFiltersSchema = librarySearchFiltersSchema
  .extend({
    /** Text the title contains, ignoring case. */
    title: z.string().max(500).optional(),
    /** Only articles assigned to at least this many analysts. */
    assignedAtLeast: z.number().int().min(1).max(20).optional(),
    /** Only these articles: a picker's choice checked against what the library still holds. */
    ids: z.array(idSchema).max(100_000).optional(),
  })
  .strict();

/** Which articles, in which order: the library's words, filters and sort. */
const librarySelectionShape = {
  /** Words searched in titles, texts and notes (as `search:query`); empty = every article. */
  query: z.string().max(500).default(''),
  filters: libraryPageFiltersSchema.default({}),
  sort: librarySortSchema.default('added'),
};

/** An annotation with the article it sits in and its context, for views across the library. */
const dossierEntrySchema = z.object({
  articleId: idSchema,
  articleTitle: z.string(),
  source: z.string(),
  published: z.string(),
  paragraph: z.number().int(),
  before: z.string(),
  after: z.string(),
  annotation: annotationSchema,
  /** For claims: the other ends of its links, described. */
  links: z.array(z.object({ type: claimLinkTypeSchema, direction: z.enum(['in', 'out']), articleId: idSchema, annotationId: idSchema, text: z.string() })),
});

/** Which claims the claims table and its timeline show. Empty or missing means "any". */
const claimFiltersSchema = z
  .object({
    speakerId: idSchema.optional(),
    verification: verificationSchema.optional(),
    /** Found in the claim's words or its note, in any case. */
    text: z.string().max(200).optional(),
  })
  .strict();
export type ClaimFilters = z.infer<typeof claimFiltersSchema>;

/** The columns the claims table sorts by. */
export const claimSortKeySchema = z.enum(['speaker', 'date', 'source', 'grade', 'verification']);
export type ClaimSortKey = z.infer<typeof claimSortKeySchema>;

/** A claim as the timeline draws it: where it is, who said it, how it is graded, what it links to. */
const timelineClaimSchema = z.object({
  articleId: idSchema,
  articleTitle: z.string(),
  published: z.string(),
  annotationId: idSchema,
  start: z.number().int(),
  /** The claim's words, cut to 200 characters. */
  exact: z.string(),
  speakerId: idSchema.nullable(),
  verification: verificationSchema,
  reliability: claimDetailsSchema.shape.reliability,
  credibility: claimDetailsSchema.shape.credibility,
  links: claimSchema.shape.links,
});
export type TimelineClaim = z.infer<typeof timelineClaimSchema>;

const importResultSchema = z.union([
  z.object({ name: z.string(), ok: z.literal(true), draft: importDraftSchema, duplicateOf: z.object({ id: idSchema, title: z.string() }).nullable() }),
  z.object({ name: z.string(), ok: z.literal(false), reason: z.string(), message: z.string() }),
]);

/** A reviewed draft to save: the metadata as the user left it, and the text as extracted. */
const importItemSchema = newArticleInputSchema
  .extend({ fileName: z.string().max(300), format: importFormatSchema })
  .strict();

const historyStateSchema = z.object({ undo: z.string().nullable(), redo: z.string().nullable() });
/** What an undo or redo changed, so the UI reloads just that. */
const historyStepSchema = z.object({
  label: z.string(),
  articleIds: z.array(idSchema),
  projectChanged: z.boolean(),
  state: historyStateSchema,
});

export const contract = {
  /** The open project: its folder, size, and problems found while opening it (files set aside). */
  'project:info': { input: none, output: projectInfoSchema },

  /**
   * Every article's metadata and counts, newest first, without the texts. Not read by the app
   * (about 700 bytes an article: 70 MB at 100,000): kept for scripts and tests; the app pages
   * with `articles:page`.
   */
  'articles:list': { input: none, output: z.array(articleSummarySchema) },

  /**
   * One page of the library: the summaries of the articles the words and filters select, in the
   * sort asked for (ties: newest added, then id, so pages never overlap nor skip), from `offset`.
   * `total` counts every article selected, `librarySize` the whole library. The renderer reads
   * the library only this way, a page at a time, never all summaries at once.
   */
  'articles:page': {
    input: z
      .object({
        ...librarySelectionShape,
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ total: z.number().int(), librarySize: z.number().int(), items: z.array(articleSummarySchema) }),
  },

  /**
   * The ids of the articles the words and filters select, in the sort asked for: all of them,
   * or `limit` from `offset` (a range chosen with Shift+click, "the articles the filters show").
   */
  'articles:ids': {
    input: z
      .object({
        ...librarySelectionShape,
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(10_000_000).optional(),
      })
      .strict(),
    output: z.object({ total: z.number().int(), ids: z.array(idSchema) }),
  },

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
   * Reads up to 20 files (their bytes, base64) and returns, per file, the article found in it
   * (with any article already in the library holding the same text) or why it cannot be
   * imported. Nothing is saved: the user reviews the drafts first. A file's `encoding`, when
   * given, forces how a text or HTML file is decoded (the review table's choice); PDF and Word
   * files ignore it, with a note.
   */
  'import:extract': {
    input: z
      .object({
        files: z
          .array(z.object({ name: z.string().max(1000), data: z.string().max(72 * 1024 * 1024), encoding: importEncodingSchema.optional() }).strict())
          .min(1)
          .max(20),
      })
      .strict(),
    output: z.object({ results: z.array(importResultSchema) }),
  },

  /**
   * Saves reviewed drafts as articles, each durably and on its own, so a batch stopped part-way
   * keeps what was saved and writes nothing of the rest.
   */
  'import:commit': {
    input: z.object({ items: z.array(importItemSchema).min(1).max(50) }).strict(),
    output: z.object({ results: z.array(z.union([z.object({ ok: z.literal(true), id: idSchema, title: z.string() }), z.object({ ok: z.literal(false), title: z.string(), message: z.string() })])) }),
  },

  /** Changes an article's metadata, status or note. */
  'articles:update': {
    input: z.object({ id: idSchema, patch: articlePatchSchema }).strict(),
    output: articleSchema,
  },

  /**
   * Replaces an article's text (a corrected version). The text is canonicalised and every
   * annotation re-anchored; those that cannot be placed with confidence become orphans.
   */
  'articles:update-text': {
    input: z.object({ id: idSchema, text: z.string().max(MAX_ARTICLE_TEXT, 'Text is larger than 5 MB') }).strict(),
    output: z.object({ article: articleSchema, annotations: z.array(annotationSchema), orphaned: z.number().int() }),
  },

  /**
   * Annotates `text[start, end)` of an article (UTF-16 offsets into its canonical text). The
   * main process derives the quote selector from the stored text; `exact`, when given, must
   * equal that passage, which guards against a renderer that holds a stale text. An actor
   * mention names its `actorId` (or `newActor`), and its text becomes one of the actor's aliases
   * if it is not already (ignoring case and spacing), unless it is longer than a name, spans
   * paragraphs or the actor's alias list is full: then the mention is marked without adding an
   * alias. A claim carries its `claim` details.
   */
  'annotations:create': {
    input: z
      .object({
        articleId: idSchema,
        start: z.number().int().nonnegative(),
        end: z.number().int().positive(),
        exact: z.string().optional(),
        kind: annotationKindSchema.default('highlight'),
        actorId: idSchema.optional(),
        /** Creates this actor and marks the mention in one undoable step (instead of `actorId`). */
        newActor: actorFieldsSchema.strict().optional(),
        claim: claimDetailsSchema.strict().optional(),
        tags: z.array(idSchema).max(100).default([]),
        note: z.string().max(MAX_NOTE).default(''),
      })
      .strict(),
    output: annotationSchema,
  },

  /** Changes an annotation's tags, note, review status, actor or claim details. */
  'annotations:update': {
    input: z
      .object({
        articleId: idSchema,
        id: idSchema,
        patch: z
          .object({
            tags: z.array(idSchema).max(100),
            note: z.string().max(MAX_NOTE),
            status: reviewStatusSchema,
            actorId: idSchema,
            claim: claimDetailsSchema.strict(),
          })
          .partial()
          .strict(),
      })
      .strict(),
    output: annotationSchema,
  },

  /** Places an orphaned annotation on a new passage of its article. */
  'annotations:reattach': {
    input: z.object({ articleId: idSchema, id: idSchema, start: z.number().int().nonnegative(), end: z.number().int().positive() }).strict(),
    output: annotationSchema,
  },

  /** Removes one annotation (and the links other claims have to it). Fails with `not-found` when it does not exist. */
  'annotations:delete': {
    input: z.object({ articleId: idSchema, id: idSchema }).strict(),
    output: z.object({ id: idSchema }),
  },

  /** Project-wide data: name, notes, the actor registry and the codebook, with counts across the library. */
  'project:get': {
    input: none,
    output: z.object({
      name: z.string(),
      notes: z.string(),
      actors: z.array(actorSchema.extend({ mentionCount: z.number().int(), claimCount: z.number().int() })),
      tags: z.array(tagSchema.extend({ usageCount: z.number().int() })),
    }),
  },

  /** Replaces the project's notes. */
  'project:update-notes': { input: z.object({ notes: z.string().max(100_000) }).strict(), output: z.object({ notes: z.string() }) },

  /** Adds an actor to the registry. */
  'actors:create': { input: actorFieldsSchema.strict(), output: actorSchema },

  /** Changes an actor's fields. An actor cannot be affiliated with itself or, through others, with itself. */
  'actors:update': { input: z.object({ id: idSchema, fields: actorPatchSchema.strict() }).strict(), output: actorSchema },

  /**
   * Merges `mergedId` into `survivorId`: its mentions, claims and affiliations move to the
   * survivor, its name and aliases become the survivor's aliases, and it is removed. Refused
   * with `invalid-input` before anything moves when the survivor would end up with more aliases
   * than an actor may have (after dropping duplicates) or a note over the limit: aliases are
   * never dropped silently to make room.
   */
  'actors:merge': { input: z.object({ survivorId: idSchema, mergedId: idSchema }).strict(), output: actorSchema },

  /**
   * Removes an actor. Its mentions are either deleted or kept as plain highlights; claims it
   * spoke keep their text and lose their speaker.
   */
  'actors:delete': {
    input: z.object({ id: idSchema, mentions: z.enum(['delete', 'keep-as-highlights']) }).strict(),
    output: z.object({ id: idSchema, mentionsChanged: z.number().int() }),
  },

  /**
   * Unannotated occurrences of an actor's name and aliases (whole words) in one article or
   * across the library.
   */
  'actors:find-mentions': {
    input: z.object({ actorId: idSchema, articleId: idSchema.optional() }).strict(),
    output: z.array(
      z.object({
        articleId: idSchema,
        articleTitle: z.string(),
        start: z.number().int(),
        end: z.number().int(),
        exact: z.string(),
        before: z.string(),
        after: z.string(),
      }),
    ),
  },

  /** Marks the chosen occurrences as mentions of the actor (one undo step). */
  'actors:accept-mentions': {
    input: z
      .object({
        actorId: idSchema,
        mentions: z.array(z.object({ articleId: idSchema, start: z.number().int().nonnegative(), end: z.number().int().positive() }).strict()).min(1).max(10_000),
      })
      .strict(),
    output: z.object({ created: z.number().int() }),
  },

  /** Adds a tag to the codebook. Names are unique (ignoring case); so are hotkeys. */
  'tags:create': { input: tagFieldsSchema.strict(), output: tagSchema },
  /** Renames, recolours, re-parents a tag or changes its hotkey. */
  'tags:update': { input: z.object({ id: idSchema, fields: tagPatchSchema.strict() }).strict(), output: tagSchema },
  /** Moves every use of `mergedId` to `survivorId` and removes `mergedId`. */
  'tags:merge': { input: z.object({ survivorId: idSchema, mergedId: idSchema }).strict(), output: tagSchema },
  /** Removes a tag from the codebook and from every annotation; its children move up a level. */
  'tags:delete': { input: z.object({ id: idSchema }).strict(), output: z.object({ id: idSchema, annotationsChanged: z.number().int() }) },

  /** Every claim in the library (for linking claims), with speaker and article. */
  'claims:list': {
    input: none,
    output: z.array(
      z.object({ articleId: idSchema, annotationId: idSchema, articleTitle: z.string(), exact: z.string(), speakerId: idSchema.nullable() }),
    ),
  },
  /** Links two claims (both ends record it). */
  'claims:link': { input: z.object({ from: claimRefSchema, to: claimRefSchema, type: claimLinkTypeSchema }).strict(), output: z.object({ linked: z.boolean() }) },
  /** Removes a link between two claims, from both ends. */
  'claims:unlink': { input: z.object({ from: claimRefSchema, to: claimRefSchema }).strict(), output: z.object({ unlinked: z.boolean() }) },

  /**
   * A Markdown report over an article, chosen articles, the project or one actor (a dossier),
   * with the chosen sections and filters.
   */
  'reports:markdown': { input: reportOptionsSchema, output: z.object({ fileName: z.string(), markdown: z.string() }) },

  /** A CSV table (claims or annotations), one row each with article metadata; UTF-8 with BOM. */
  'export:csv': {
    input: z.object({ table: z.enum(['claims', 'annotations']), scope: reportScopeSchema }).strict(),
    output: z.object({ fileName: z.string(), csv: z.string() }),
  },

  /** W3C Web Annotation JSON-LD (an AnnotationCollection) of the annotations in a scope. */
  'export:w3c': { input: z.object({ scope: reportScopeSchema }).strict(), output: z.object({ fileName: z.string(), json: z.string() }) },

  /**
   * Adds the annotations of a W3C Web Annotation file to the articles they target (matched by
   * our article id or by URL), as one undoable step. Missing tags and actors are created. A
   * damaged or foreign file fails with a message naming the problem and changes nothing.
   */
  'import:w3c': {
    input: z.object({ json: z.string().max(100 * 1024 * 1024) }).strict(),
    output: z.object({ imported: z.number().int(), skipped: z.number().int(), problems: z.array(z.string()) }),
  },

  /** The whole project as one versioned JSON file (also the backup format). */
  'project:export': { input: none, output: z.object({ fileName: z.string(), json: z.string() }) },

  /**
   * Restores a project file into this project, which must be empty. The file is validated
   * completely before anything is written; a damaged or foreign file changes nothing. It is
   * written beside the project and switched in whole (docs/data-format.md); a second restore
   * while one runs fails with `conflict`.
   */
  'project:import': {
    input: z.object({ json: z.string().max(200 * 1024 * 1024) }).strict(),
    output: z.object({ articles: z.number().int(), annotations: z.number().int(), actors: z.number().int(), tags: z.number().int() }),
  },

  /**
   * Full-text search over titles, texts and notes (prefix and fuzzy), combined with filters on
   * the library. An empty query lists every article that passes the filters. While the index is
   * still being built in the background, `indexing` says how far it got.
   */
  'search:query': {
    input: z
      .object({
        query: z.string().max(500).default(''),
        filters: librarySearchFiltersSchema.default({}),
        limit: z.number().int().min(1).max(10_000).default(50),
      })
      .strict(),
    output: z.object({
      indexing: z.object({ indexed: z.number().int(), total: z.number().int() }),
      total: z.number().int(),
      articles: z.array(
        z.object({
          id: idSchema,
          title: z.string(),
          source: z.string(),
          published: z.string(),
          score: z.number(),
          snippet: z.object({ before: z.string(), match: z.string(), after: z.string(), start: z.number().int(), end: z.number().int() }).nullable(),
        }),
      ),
      actors: z.array(z.object({ id: idSchema, name: z.string(), description: z.string() })),
    }),
  },

  /** Everything about one actor across the library, in date order: mentions, claims and what they link to. */
  'actors:dossier': {
    input: z.object({ actorId: idSchema }).strict(),
    output: z.object({
      actor: actorSchema,
      affiliation: z.string().nullable(),
      members: z.array(z.string()),
      entries: z.array(dossierEntrySchema),
    }),
  },

  /**
   * One page of the claims table: the claims that pass the filters, sorted by a column (equal
   * values in timeline order: date, title, position), from `offset`, at most `limit`; with how
   * many pass, how many there are in all and who speaks in them (for the speaker filter).
   */
  'claims:table': {
    input: z
      .object({
        filters: claimFiltersSchema.default({}),
        sort: z.object({ key: claimSortKeySchema, up: z.boolean() }).strict().default({ key: 'date', up: true }),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({
      total: z.number().int(),
      claims: z.number().int(),
      speakers: z.array(idSchema),
      entries: z.array(dossierEntrySchema),
    }),
  },

  /**
   * Claims for a timeline: those that pass the filters (and, with `withLinked`, the claims at the
   * other end of their links), at most `limit` of the most recent dated ones; `total` counts them
   * all, `undated` those without a publication date (never drawn).
   */
  'claims:timeline': {
    input: z.object({ filters: claimFiltersSchema.default({}), withLinked: z.boolean().default(false), limit: z.number().int().min(1).max(5000).default(2000) }).strict(),
    output: z.object({ total: z.number().int(), undated: z.number().int(), claims: z.array(timelineClaimSchema) }),
  },

  /** What still needs review: draft and orphaned annotations across the library, in order. */
  'review:queue': {
    input: z.object({ limit: z.number().int().min(1).max(5000).default(200) }).strict(),
    output: z.object({ total: z.number().int(), drafts: z.number().int(), orphans: z.number().int(), items: z.array(dossierEntrySchema) }),
  },

  /**
   * The network of who says what about whom over the library: actors as nodes (with mentions and
   * claims in scope), edges from a claim's speaker to the actors marked in the claim, to the
   * speakers of the claims it supports, contradicts or repeats, and (when asked) between actors
   * marked in one paragraph. See `buildNetwork` in src-shared/network.
   */
  'network:graph': {
    input: z.object({ filters: networkFiltersSchema.default({ coMention: false }) }).strict(),
    output: z.object({ nodes: z.array(networkNodeSchema), edges: z.array(networkEdgeSchema) }),
  },

  /**
   * The claims behind one edge of the network (for co-mention, the first mention in each
   * paragraph), with their articles and context, in date order. Same filters as `network:graph`;
   * an edge that no longer exists answers an empty list.
   */
  'network:edge': {
    input: z.object({ source: idSchema, target: idSchema, type: networkEdgeTypeSchema, filters: networkFiltersSchema.default({ coMention: false }) }).strict(),
    output: z.array(dossierEntrySchema),
  },

  /** What undo and redo would do next (labels for the menu), or null. */
  'history:state': { input: none, output: historyStateSchema },
  /** Undoes the last change; each step is saved durably like any change. */
  'history:undo': { input: none, output: historyStepSchema },
  /** Redoes the last undone change. */
  'history:redo': { input: none, output: historyStepSchema },

  /** The open article as a Markdown document and a file name safe on every system. */
  'export:article-markdown': {
    input: z.object({ articleId: idSchema }).strict(),
    output: z.object({ fileName: z.string(), markdown: z.string() }),
  },

  /** Analysts who annotated the chosen articles or are assigned to them, with how much each coded. */
  'agreement:analysts': {
    input: z.object({ articleIds: agreementArticlesSchema }).strict(),
    output: z.array(z.object({ name: z.string(), annotations: z.number().int(), articles: z.number().int() })),
  },

  /**
   * Krippendorff's alpha between the chosen analysts over the chosen articles: unitizing alpha
   * on where actor mentions, claims and each tag are, and alpha on the values of units two or
   * more analysts marked; overall and per article, each with its units and a plain reading.
   */
  'agreement:compute': {
    input: z.object({ articleIds: agreementArticlesSchema, analysts: agreementAnalystsSchema }).strict(),
    output: agreementReportSchema,
  },

  /** The same figures as a CSV table or a Markdown section. */
  'agreement:export': {
    input: z.object({ articleIds: agreementArticlesSchema, analysts: agreementAnalystsSchema, format: z.enum(['csv', 'markdown']) }).strict(),
    output: z.object({ fileName: z.string(), content: z.string() }),
  },

  /**
   * One article for curation: the analysts' annotations aligned into units (one version per
   * analyst, or null), disagreements first, and the agreed (curated) set so far.
   */
  'agreement:curation': {
    input: z.object({ articleId: idSchema, analysts: agreementAnalystsSchema }).strict(),
    output: z.object({
      article: z.object({ id: idSchema, title: z.string(), text: z.string(), direction: z.enum(['ltr', 'rtl']) }),
      units: z.array(z.object({ kind: annotationKindSchema, differences: z.array(z.string()), versions: z.array(annotationSchema.nullable()) })),
      curated: z.array(annotationSchema),
    }),
  },

  /**
   * Adds agreed annotations (marked curated) to an article, one per item: the passage of
   * `spanFrom`, and the kind, actor, claim details, tags and note of `valuesFrom` (default: the
   * same annotation). The analysts' own annotations are not changed. One undoable step.
   */
  'agreement:curate': {
    input: z
      .object({
        articleId: idSchema,
        items: z.array(z.object({ spanFrom: idSchema, valuesFrom: idSchema.optional() }).strict()).min(1).max(1000),
      })
      .strict(),
    output: z.object({ created: z.array(annotationSchema) }),
  },
  /** Whether the project is shared through a Git remote, when it last synced and what that brought in; progress while a sync runs. */
  'sync:status': { input: none, output: syncStatusSchema },
  /**
   * Connects the project folder to a Git remote over HTTP(S) and syncs once. An empty project
   * takes the project the remote holds (joining). The token is kept out of the project folder.
   */
  'sync:share': { input: shareInputSchema, output: syncOutcomeSchema },
  /** Commits local changes (the analyst as author), fetches, merges by identity, writes durably and pushes. */
  'sync:run': { input: none, output: syncOutcomeSchema },
  /** Who changed an article's file and when, newest first, from the Git log. */
  'sync:history': { input: z.object({ articleId: idSchema }).strict(), output: z.array(articleVersionSchema) },
  /** Puts back an article as it was in an earlier commit, as one undoable step. */
  'sync:restore': {
    input: z.object({ articleId: idSchema, commit: z.string().regex(/^[0-9a-f]{40}$/, 'must be a commit id') }).strict(),
    output: z.object({ articleId: idSchema, label: z.string() }),
  },
  /** Conflicts the merges listed and the analyst has not resolved yet. */
  'sync:conflicts': { input: none, output: z.array(syncConflictSchema) },
  /** Resolves one conflict: keep ours, take theirs, or keep both (one undoable step). */
  'sync:resolve': { input: resolveInputSchema, output: z.object({ id: z.string(), articleId: idSchema.nullable(), projectChanged: z.boolean() }) },

  /**
   * The app's own settings (kept in the app's data folder, not in the project): the analyst's
   * name and email, recorded as `createdBy`/`updatedBy` on what they create or change. Before
   * the analyst sets a name it is the system user's name. `problem` says when the settings file
   * could not be read (it was set aside and defaults are in use).
   */
  'settings:get': { input: none, output: appSettingsViewSchema },

  /**
   * Sets the analyst's name (1–100 characters, trimmed) and email (optional; empty removes it),
   * durably, before answering. Applies to changes made from then on; nothing already recorded
   * is rewritten. Not an undoable step. Fails with `invalid-input` naming the field.
   */
  'settings:update': { input: authorUpdateSchema, output: appSettingsViewSchema },

  /** Proposed actors and attributed quotes, accepted or rejected by the analyst (src-shared/suggest/suggestion-contract.ts). */
  ...suggestionContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller passes (defaults not yet applied). */
export type ChannelInput<C extends Channel> = SpecInput<Contract[C]>;
/** What a handler receives (validated, defaults applied). */
export type ParsedInput<C extends Channel> = SpecParsedInput<Contract[C]>;
export type ChannelOutput<C extends Channel> = SpecOutput<Contract[C]>;
export type ChannelResult<C extends Channel> = SpecResult<Contract[C]>;

export const channels: Channel[] = channelNames(contract);

export function isChannel(name: string): name is Channel {
  return hasChannel(contract, name);
}

/** The shape both transports expose: one typed method per channel, never a raw `send`. */
export type Transport = { [C in Channel]: (input: ChannelInput<C>) => Promise<ChannelResult<C>> };
