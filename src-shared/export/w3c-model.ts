/**
 * W3C Web Annotation export and import (https://www.w3.org/TR/annotation-model/).
 *
 * The export is one JSON-LD `AnnotationCollection` whose `first` page embeds every annotation of
 * the project. Each `Annotation` targets a passage of an article with two selectors: a
 * `TextQuoteSelector` (`exact`, `prefix`, `suffix`) and a `TextPositionSelector` (`start`, `end`).
 * The W3C model counts positions in Unicode code points, while the workbench stores UTF-16 code
 * units, so positions are converted on the way out and back (`utf16ToCodePoints`,
 * `codePointsToUtf16`). Orphaned annotations (their passage was lost after an edit) carry only the
 * quote selector.
 *
 * Motivations and bodies:
 *
 * | kind      | motivation     | bodies (`TextualBody`)                                             |
 * | --------- | -------------- | ------------------------------------------------------------------ |
 * | highlight | `highlighting` | tags, note                                                         |
 * | actor     | `identifying`  | `purpose: identifying` with the actor's name; tags, note           |
 * | claim     | `assessing`    | `purpose: assessing` with a plain-text summary of the grading; tags, note |
 *
 * Claims are `assessing` rather than `commenting`: the workbench grades them (Admiralty
 * reliability and credibility, verification), which is what the model's "assessing" describes;
 * the analyst's own words are the separate `commenting` body.
 * Every tag is a body `{ type: "TextualBody", purpose: "tagging", value: <tag name> }`; the note
 * is a body `{ type: "TextualBody", purpose: "commenting", value: <note>, format: "text/markdown" }`.
 * An annotation without tags, note, actor or claim has no `body` (the model allows that).
 *
 * Extra properties. The `@context` is `["http://www.w3.org/ns/anno.jsonld", { "aw":
 * "urn:analyst-workbench:terms#", "@vocab": "urn:analyst-workbench:terms#" }]`: `aw:` names the
 * workbench's terms, and `@vocab` puts the plain keys nested inside them (`kind`, `aliases`…)
 * in the same namespace for JSON-LD processors. Every Annotation repeats the `@context`, so
 * each one is also a valid document on its own.
 *
 * - `aw:reviewStatus` (Annotation): the analyst's review state, `"draft"`, `"reviewed"` or
 *   `"disputed"`.
 * - `aw:orphan` (Annotation): `true` when the passage could not be found again after the article
 *   text was edited; the annotation then has only a TextQuoteSelector. Absent otherwise.
 * - `aw:article` (target): the annotated article: `{ id: "urn:uuid:<article id>", title,
 *   source, published }`; `source` is the outlet ("Reuters"), `published` a `YYYY-MM-DD` date
 *   or `""`. The target's own `source` is the article's http(s) URL, or `urn:uuid:<article id>`
 *   when it has none.
 * - `aw:actor` (Annotation, actor mentions): who is mentioned: `{ id: "urn:uuid:<actor id>",
 *   name, kind, aliases, description }`; `kind` is `person`, `organization`, `state`, `group` or
 *   `other`.
 * - `aw:claim` (Annotation, claims): `{ speaker: { id: "urn:uuid:<actor id>", name } | null,
 *   form, medium, reliability, credibility, grade, verification, links }`. `form` is
 *   `direct-quote`, `paraphrase` or `assertion`; `medium` free text ("statement", "interview");
 *   `reliability` `A`–`F` or null and `credibility` 1–6 or null (Admiralty/NATO grading);
 *   `grade` their combination ("B2", "B?"), or null when ungraded (derived, ignored on import);
 *   `verification` `unverified`, `corroborated`, `contested` or `false`; `links` lists other
 *   claims as `{ type: "supports" | "contradicts" | "repeats", direction: "out" | "in",
 *   annotation: "urn:uuid:<annotation id>", article: "urn:uuid:<article id>" }` ("out": this
 *   claim supports/contradicts/repeats that one; "in": that one does so to this).
 *
 * Each Annotation also has `created`/`modified` (the annotation's own timestamps), `generated`
 * (when the file was written) and `generator` (this application).
 */
import type { W3CPerson } from './w3c-creator';
import { type Actor } from '../domain/actor';
import { type Annotation, type AnnotationKind, type ReviewStatus } from '../domain/annotation';
import type { Article } from '../domain/article';
import type { Tag } from '../domain/tag';
import type { W3CActorInfo, W3CArticleInfo, W3CClaimInfo } from './w3c-terms';

export type { W3CActorInfo, W3CArticleInfo, W3CClaimInfo, W3CClaimLink } from './w3c-terms';


// ---------------------------------------------------------------------------------------------
// Vocabulary

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The namespace of the workbench's extra terms (`aw:`). */
export const AW_NAMESPACE = 'urn:analyst-workbench:terms#';
export const W3C_CONTEXT: [typeof ANNO_CONTEXT, { aw: string; '@vocab': string }] = [
  ANNO_CONTEXT,
  { aw: AW_NAMESPACE, '@vocab': AW_NAMESPACE },
];
/** Who wrote the file (the Annotation's `generator`). */
export const W3C_GENERATOR = { id: 'urn:analyst-workbench', type: 'Software', name: 'Analyst Workbench' } as const;

export const MOTIVATION: Record<AnnotationKind, W3CMotivation> = {
  highlight: 'highlighting',
  actor: 'identifying',
  claim: 'assessing',
};

// ---------------------------------------------------------------------------------------------
// Exported document types

export type W3CMotivation = 'highlighting' | 'identifying' | 'assessing' | 'commenting' | 'tagging';

export interface W3CTextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'commenting' | 'identifying' | 'assessing';
  value: string;
  format?: string;
}

export interface W3CTextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** Positions in Unicode code points; `end` is exclusive. */
export interface W3CTextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface W3CAnnotation {
  '@context': typeof W3C_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: W3CMotivation;
  created: string;
  modified: string;
  generated: string;
  generator: typeof W3C_GENERATOR;
  /** Who made the annotation; absent for annotations made before authorship was recorded. */
  creator?: W3CPerson;
  body?: W3CTextualBody[];
  target: {
    source: string;
    selector: (W3CTextQuoteSelector | W3CTextPositionSelector)[];
    'aw:article': W3CArticleInfo;
  };
  'aw:reviewStatus': ReviewStatus;
  'aw:orphan'?: true;
  'aw:actor'?: W3CActorInfo;
  'aw:claim'?: W3CClaimInfo;
}

export interface W3CCollection {
  '@context': typeof W3C_CONTEXT;
  id?: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: W3CAnnotation[] };
}

export interface W3CExportInput {
  projectName: string;
  /** ISO 8601 timestamp of the export (every Annotation's `generated`). */
  generatedAt: string;
  articles: { article: Article; annotations: Annotation[] }[];
  actors: Actor[];
  tags: Tag[];
  /** When given, the collection's `id` is `urn:uuid:<projectId>`. */
  projectId?: string;
}

// ---------------------------------------------------------------------------------------------
// Offsets

/**
 * Where the surrogate pairs of a text are, so offsets convert by binary search instead of
 * counting from the start of a (possibly 5 MB) text for every annotation. A lone surrogate counts
 * as one code point, as `[...text]` does.
 */
/** Converts between UTF-16 and code-point offsets of one text (shared by export and import). */
export class OffsetMap {
  /** UTF-16 index of the high surrogate of every pair, ascending. */
  private readonly pairs: number[] = [];
  readonly codePointLength: number;

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length - 1; i++) {
      const high = text.charCodeAt(i);
      if (high >= 0xd800 && high <= 0xdbff) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          this.pairs.push(i);
          i++;
        }
      }
    }
    this.codePointLength = text.length - this.pairs.length;
  }

  toCodePoints(offset: number): number {
    if (!Number.isInteger(offset) || offset < 0 || offset > this.text.length) {
      throw new RangeError(`Offset ${offset} is outside the text (${this.text.length} UTF-16 code units).`);
    }
    const before = countBelow(this.pairs, offset, (p) => p); // pairs starting before the offset
    const last = this.pairs[before - 1];
    if (last !== undefined && last + 1 === offset) {
      throw new RangeError(`Offset ${offset} falls inside a surrogate pair.`);
    }
    return offset - before;
  }

  toUtf16(codePoints: number): number {
    if (!Number.isInteger(codePoints) || codePoints < 0 || codePoints > this.codePointLength) {
      throw new RangeError(`Position ${codePoints} is outside the text (${this.codePointLength} code points).`);
    }
    // The k-th pair starts at code point pairs[k] - k; pairs before the position widen it by one each.
    return codePoints + countBelow(this.pairs, codePoints, (p, k) => p - k);
  }
}

/** How many leading entries of the ascending `values` (mapped by `key`) are below `limit`. */
function countBelow(values: readonly number[], limit: number, key: (value: number, index: number) => number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(values[mid]!, mid) < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Converts a UTF-16 code-unit offset into `text` (what the workbench stores) to a Unicode
 * code-point offset (what the W3C model counts). Throws a RangeError for an offset outside the
 * text or inside a surrogate pair.
 */
export function utf16ToCodePoints(text: string, offset: number): number {
  return new OffsetMap(text).toCodePoints(offset);
}

/**
 * Converts a Unicode code-point offset into `text` to a UTF-16 code-unit offset. Throws a
 * RangeError for an offset outside the text.
 */
export function codePointsToUtf16(text: string, offset: number): number {
  return new OffsetMap(text).toUtf16(offset);
}

/** An http(s) URL (the only kind of article URL exported or matched on import). */
export const HTTP_URL = /^https?:\/\/\S+$/i;
