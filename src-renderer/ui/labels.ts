import type { ActorKind } from '../../src-shared/domain/actor';
import type { AnnotationKind, ReviewStatus } from '../../src-shared/domain/annotation';
import type { ArticleDirectionChoice, ArticleStatus } from '../../src-shared/domain/article';

/**
 * The words the screens use for the domain's enumerations, written once. (Claim grading and
 * verification labels live in src-shared/domain/claim.ts, because reports print them too.)
 */
export const ARTICLE_STATUS_LABELS: Record<ArticleStatus, string> = { todo: 'To do', 'in-progress': 'In progress', done: 'Done' };

/** The reader's direction choice: 'auto' lets each paragraph run the way its own letters do. */
export const DIRECTION_LABELS: Record<ArticleDirectionChoice, string> = { auto: 'Auto (each paragraph)', ltr: 'Left to right', rtl: 'Right to left' };

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = { draft: 'Draft', reviewed: 'Reviewed', disputed: 'Disputed' };

/** How the library's review filter phrases each status ("articles that have…"). */
export const REVIEW_FILTER_LABELS: Record<ReviewStatus, string> = { draft: 'Has drafts', reviewed: 'Has reviewed', disputed: 'Has disputed' };

export const ANNOTATION_KIND_LABELS: Record<AnnotationKind, string> = { highlight: 'Highlight', actor: 'Actor', claim: 'Claim' };

export const ACTOR_KIND_LABELS: Record<ActorKind, string> = { person: 'Person', organization: 'Organization', state: 'State', group: 'Group', other: 'Other' };

/** The keys of a label record, typed (Object.keys loses the type). */
export function keysOf<K extends string>(labels: Record<K, string>): K[] {
  return Object.keys(labels) as K[];
}
