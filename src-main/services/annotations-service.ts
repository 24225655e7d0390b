import { randomUUID } from 'node:crypto';
import type { Handlers } from './handlers';
import { describeRange, RangeError } from '../../src-shared/anchoring/quote-selector';
import type { Annotation } from '../../src-shared/domain/annotation';
import { stampCreated, stampUpdated, type AuthorProvider } from '../../src-shared/domain/author';
import { AppError } from '../../src-shared/result';
import type { ArticleFile } from '../store/file-schemas';
import { ArticleMissingError, type ProjectStore } from '../store/project-store';
import type { History, Tx } from './history';
import { actorOf, aliasesWithSelection, annotationOf, assertTagsExist, cleanAliases, unique } from './validate';

export type AnnotationHandlers = Pick<Handlers, 'annotations:create' | 'annotations:update' | 'annotations:reattach' | 'annotations:delete'>;

const LABELS = { highlight: 'highlight', actor: 'actor mention', claim: 'claim' } as const;

export function annotationHandlers(store: ProjectStore, history: History, now: () => Date, author: AuthorProvider): AnnotationHandlers {
  return {
    'annotations:create': (input) =>
      history.record(`Add ${LABELS[input.kind]}`, async (tx) => {
        const project = store.project;
        assertTagsExist(project, input.tags);
        let actorId = input.actorId;
        if (input.kind === 'actor') {
          if (input.newActor && actorId) throw new AppError('invalid-input', 'Name an existing actor or a new one, not both.');
          if (!input.newActor && !actorId) throw new AppError('invalid-input', 'An actor mention needs an actor: pick one or create it.');
          if (actorId) actorOf(project, actorId);
        } else if (actorId || input.newActor) throw new AppError('invalid-input', 'Only actor mentions name an actor.');
        if (input.kind === 'claim') {
          if (!input.claim) throw new AppError('invalid-input', 'A claim needs its details (form, verification).');
          if (input.claim.speakerId) actorOf(project, input.claim.speakerId);
        } else if (input.claim) throw new AppError('invalid-input', 'Only claims carry claim details.');
        const current = await store.readArticle(input.articleId);
        if (!current) throw new AppError('not-found', 'That article is no longer in the project. Reload the library.');
        const target = rangeIn(current, input.start, input.end);
        if (input.exact !== undefined && input.exact !== target.exact) {
          throw new AppError('conflict', 'The article changed since it was opened: the selected text is not where it was. Reopen the article and select again.');
        }
        if (input.kind === 'actor') {
          const fields = input.newActor;
          actorId = await tx.project((draft) => {
            const stamp = now().toISOString();
            const actor = fields
              ? stampCreated({ id: randomUUID(), ...fields, aliases: cleanAliases(fields.name, fields.aliases), createdAt: stamp, updatedAt: stamp }, author())
              : actorOf(draft, actorId!);
            if (fields) {
              if (fields.affiliationId) actorOf(draft, fields.affiliationId);
              draft.actors.push(actor);
            }
            // The words used for the actor in this text become an alias, so Find mentions sees them
            // (unless they are no name: too long, already known, or the list is full).
            const aliases = aliasesWithSelection(actor, target.exact);
            if (aliases) {
              actor.aliases = aliases;
              actor.updatedAt = stamp;
              stampUpdated(actor, author());
            }
            return actor.id;
          });
        }
        return onArticle(tx, input.articleId, (file) => {
          const stamp = now().toISOString();
          const annotation: Annotation = {
            id: randomUUID(),
            articleId: input.articleId,
            kind: input.kind,
            target,
            tags: unique(input.tags),
            note: input.note,
            status: 'draft',
            actorId: actorId ?? null,
            claim: input.claim ? { ...input.claim, links: [] } : null,
            anchor: 'anchored',
            createdAt: stamp,
            updatedAt: stamp,
          };
          stampCreated(annotation, author());
          file.annotations.push(annotation);
          return annotation;
        });
      }),

    'annotations:update': ({ articleId, id, patch }) =>
      history.record(describePatch(patch), async (tx) => {
        const project = store.project;
        if (patch.tags) assertTagsExist(project, patch.tags);
        if (patch.actorId) actorOf(project, patch.actorId);
        if (patch.claim?.speakerId) actorOf(project, patch.claim.speakerId);
        return onArticle(tx, articleId, (file) => {
          const annotation = annotationOf(file, id);
          if (patch.actorId && annotation.kind !== 'actor') throw new AppError('invalid-input', 'Only actor mentions name an actor.');
          if (patch.claim && annotation.kind !== 'claim') throw new AppError('invalid-input', 'Only claims carry claim details.');
          if (patch.tags) annotation.tags = unique(patch.tags);
          if (patch.note !== undefined) annotation.note = patch.note;
          if (patch.status) annotation.status = patch.status;
          if (patch.actorId) annotation.actorId = patch.actorId;
          if (patch.claim) annotation.claim = { ...patch.claim, links: annotation.claim?.links ?? [] };
          annotation.updatedAt = now().toISOString();
          stampUpdated(annotation, author());
          return annotation;
        });
      }),

    'annotations:reattach': ({ articleId, id, start, end }) =>
      history.record('Re-attach annotation', (tx) =>
        onArticle(tx, articleId, (file) => {
          const annotation = annotationOf(file, id);
          annotation.target = rangeIn(file, start, end);
          annotation.anchor = 'anchored';
          annotation.updatedAt = now().toISOString();
          stampUpdated(annotation, author());
          return annotation;
        }),
      ),

    'annotations:delete': ({ articleId, id }) =>
      history.record('Delete annotation', async (tx) => {
        const file = await store.readArticle(articleId);
        if (!file) throw new AppError('not-found', 'That article is no longer in the project. Reload the library.');
        const links = annotationOf(file, id).claim?.links ?? [];
        // Drop the other ends of this claim's links first, so no claim points at a missing one.
        for (const link of links.filter((l) => l.articleId !== articleId)) {
          await onArticle(tx, link.articleId, (other) => removeLinksTo(other, articleId, id));
        }
        return onArticle(tx, articleId, (current) => {
          annotationOf(current, id);
          removeLinksTo(current, articleId, id);
          current.annotations = current.annotations.filter((a) => a.id !== id);
          return { id };
        });
      }),
  };
}

function removeLinksTo(file: ArticleFile, articleId: string, annotationId: string): void {
  for (const annotation of file.annotations) {
    if (annotation.claim) annotation.claim.links = annotation.claim.links.filter((l) => !(l.articleId === articleId && l.annotationId === annotationId));
  }
}

function describePatch(patch: Record<string, unknown>): string {
  const keys = Object.keys(patch);
  if (keys.length === 1 && keys[0] === 'status') return 'Change review status';
  if (keys.length === 1 && keys[0] === 'tags') return 'Change tags';
  if (keys.length === 1 && keys[0] === 'note') return 'Edit note';
  return 'Edit annotation';
}

export function rangeIn(file: ArticleFile, start: number, end: number) {
  try {
    return describeRange(file.article.text, start, end);
  } catch (error) {
    if (error instanceof RangeError) throw new AppError('invalid-input', error.message);
    throw error;
  }
}

/** Runs a change on one article inside a step, turning a missing article into `not-found`. */
export async function onArticle<R>(tx: Tx, articleId: string, change: (file: ArticleFile) => R): Promise<R> {
  try {
    return await tx.article(articleId, change);
  } catch (error) {
    if (error instanceof ArticleMissingError) throw new AppError('not-found', error.message);
    throw error;
  }
}
