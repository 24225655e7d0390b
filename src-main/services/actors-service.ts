import { randomUUID } from 'node:crypto';
import type { Handlers } from './handlers';
import { findOccurrences } from '../../src-shared/actors/find-mentions';
import { describeRange } from '../../src-shared/anchoring/quote-selector';
import { MAX_ALIASES, type Actor } from '../../src-shared/domain/actor';
import { MAX_NOTE, type Annotation } from '../../src-shared/domain/annotation';
import { stampCreated, stampUpdated, type AuthorProvider } from '../../src-shared/domain/author';
import { AppError } from '../../src-shared/result';
import type { ProjectFile } from '../store/file-schemas';
import type { ProjectStore } from '../store/project-store';
import { onArticle, rangeIn } from './annotations-service';
import type { History } from './history';
import { recordMerge } from './merge/merged-into';
import { actorOf, cleanAliases } from './validate';

export type ActorHandlers = Pick<
  Handlers,
  'actors:create' | 'actors:update' | 'actors:merge' | 'actors:delete' | 'actors:find-mentions' | 'actors:accept-mentions'
>;

export function actorHandlers(store: ProjectStore, history: History, now: () => Date, author: AuthorProvider): ActorHandlers {
  /** Ids of the articles that mention or quote an actor, from the summaries (no file reads). */
  const articlesWith = (actorId: string): string[] =>
    [...store.summaries()].filter((s) => s.actorMentions[actorId] || s.speakerClaims[actorId]).map((s) => s.id);

  return {
    'actors:create': (fields) =>
      history.record(`Add actor ${fields.name}`, (tx) =>
        tx.project((project) => {
          if (fields.affiliationId) actorOf(project, fields.affiliationId);
          const stamp = now().toISOString();
          const actor: Actor = {
            id: randomUUID(),
            name: fields.name,
            kind: fields.kind,
            aliases: cleanAliases(fields.name, fields.aliases),
            description: fields.description,
            affiliationId: fields.affiliationId,
            note: fields.note,
            createdAt: stamp,
            updatedAt: stamp,
          };
          stampCreated(actor, author());
          project.actors.push(actor);
          return actor;
        }),
      ),

    'actors:update': ({ id, fields }) =>
      history.record('Edit actor', (tx) =>
        tx.project((project) => {
          const actor = actorOf(project, id);
          if (fields.affiliationId) assertNoCycle(project, id, fields.affiliationId);
          Object.assign(actor, Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
          actor.aliases = cleanAliases(actor.name, actor.aliases);
          actor.updatedAt = now().toISOString();
          stampUpdated(actor, author());
          return actor;
        }),
      ),

    'actors:merge': ({ survivorId, mergedId }) =>
      history.record('Merge actors', async (tx) => {
        if (survivorId === mergedId) throw new AppError('invalid-input', 'Pick two different actors to merge.');
        const survivor = actorOf(store.project, survivorId);
        const merged = actorOf(store.project, mergedId);
        // Everything that could refuse the merge is checked before the first mention moves, so a
        // refusal leaves the project, and the undo history, as they were.
        const aliases = cleanAliases(survivor.name, [...survivor.aliases, merged.name, ...merged.aliases]);
        if (aliases.length > MAX_ALIASES) {
          throw new AppError(
            'invalid-input',
            `Merging would give “${survivor.name}” ${aliases.length} aliases, more than the ${MAX_ALIASES} an actor can have. Remove some aliases from either actor, then merge again. Nothing was changed.`,
          );
        }
        const note = mergedNote(survivor.note, merged.note);
        if (note.length > MAX_NOTE) {
          throw new AppError('invalid-input', `Merging would make the note of “${survivor.name}” longer than ${MAX_NOTE.toLocaleString('en')} characters. Shorten one of the two notes, then merge again. Nothing was changed.`);
        }
        // Point every mention and claim at the survivor first; remove the merged actor last,
        // so that a crash in between leaves no reference to a missing actor.
        for (const articleId of articlesWith(mergedId)) {
          await onArticle(tx, articleId, (file) => {
            for (const a of file.annotations) {
              if (a.actorId === mergedId) a.actorId = survivorId;
              if (a.claim?.speakerId === mergedId) a.claim.speakerId = survivorId;
            }
          });
        }
        return tx.project((project) => {
          const target = actorOf(project, survivor.id);
          target.aliases = aliases;
          if (!target.description) target.description = merged.description;
          target.note = note;
          // If the survivor sits below the merged actor, it takes the merged actor's place in the
          // chain first; otherwise re-pointing the merged actor's members at it would make a loop.
          if (chainOf(project, survivorId).includes(mergedId)) target.affiliationId = merged.affiliationId === survivorId ? null : merged.affiliationId;
          for (const actor of project.actors) if (actor.affiliationId === mergedId && actor.id !== survivorId) actor.affiliationId = survivorId;
          project.actors = project.actors.filter((a) => a.id !== mergedId);
          // Kept so that a sync points the other side's new mentions of the merged actor here.
          recordMerge(project, mergedId, survivorId);
          target.updatedAt = now().toISOString();
          stampUpdated(target, author());
          return target;
        });
      }),

    'actors:delete': ({ id, mentions }) =>
      history.record('Delete actor', async (tx) => {
        actorOf(store.project, id);
        let mentionsChanged = 0;
        for (const articleId of articlesWith(id)) {
          await onArticle(tx, articleId, (file) => {
            const kept: Annotation[] = [];
            for (const a of file.annotations) {
              if (a.claim?.speakerId === id) a.claim.speakerId = null;
              if (a.actorId === id) {
                mentionsChanged++;
                if (mentions === 'delete') continue;
                a.kind = 'highlight';
                a.actorId = null;
              }
              kept.push(a);
            }
            file.annotations = kept;
          });
        }
        await tx.project((project) => {
          for (const actor of project.actors) if (actor.affiliationId === id) actor.affiliationId = null;
          project.actors = project.actors.filter((a) => a.id !== id);
        });
        return { id, mentionsChanged };
      }),

    'actors:find-mentions': async ({ actorId, articleId }) => {
      const actor = actorOf(store.project, actorId);
      const names = [actor.name, ...actor.aliases];
      const ids = articleId ? [articleId] : store.listSummaries().map((s) => s.id);
      if (articleId && !store.hasArticle(articleId)) throw new AppError('not-found', 'That article is no longer in the project.');
      const results = [];
      for await (const file of store.articles(ids)) {
        // Only this actor's own mentions are "taken": another actor's mention may sit inside
        // ("Vesteria" within "Vesteria's defence ministry"), and nested mentions are allowed.
        const taken = file.annotations.filter((a) => a.kind === 'actor' && a.actorId === actorId && a.anchor === 'anchored').map((a) => a.target);
        for (const hit of findOccurrences(file.article.text, names, taken)) {
          const text = file.article.text;
          results.push({
            articleId: file.article.id,
            articleTitle: file.article.title,
            ...hit,
            before: text.slice(Math.max(0, hit.start - 40), hit.start),
            after: text.slice(hit.end, hit.end + 40),
          });
        }
      }
      return results;
    },

    'actors:accept-mentions': ({ actorId, mentions }) =>
      history.record(mentions.length === 1 ? 'Mark mention' : `Mark ${mentions.length} mentions`, async (tx) => {
        const actor = actorOf(store.project, actorId);
        const byArticle = new Map<string, { start: number; end: number }[]>();
        for (const m of mentions) {
          // Accepting an occurrence that is already a mention (a double click) adds nothing, and no undo step.
          const file = await store.readArticle(m.articleId);
          if (file?.annotations.some((a) => a.kind === 'actor' && a.target.start === m.start && a.target.end === m.end)) continue;
          byArticle.set(m.articleId, [...(byArticle.get(m.articleId) ?? []), m]);
        }
        let created = 0;
        for (const [articleId, ranges] of byArticle) {
          await onArticle(tx, articleId, (file) => {
            const stamp = now().toISOString();
            for (const { start, end } of ranges) {
              const target = rangeIn(file, start, end);
              // Accepting the same occurrence twice (a double click) must not make two mentions.
              if (file.annotations.some((a) => a.kind === 'actor' && a.target.start === start && a.target.end === end)) continue;
              const annotation: Annotation = {
                id: randomUUID(),
                articleId,
                kind: 'actor',
                target: describeRange(file.article.text, target.start, target.end),
                tags: [],
                note: '',
                status: 'draft',
                actorId: actor.id,
                claim: null,
                anchor: 'anchored',
                createdAt: stamp,
                updatedAt: stamp,
              };
              file.annotations.push(stampCreated(annotation, author()));
              created++;
            }
          });
        }
        return { created };
      }),
  };
}

/** The survivor's note followed by the merged actor's, when it has one. */
function mergedNote(survivorNote: string, mergedNote: string): string {
  return mergedNote.trim() ? [survivorNote, mergedNote].filter((n) => n.trim()).join('\n\n') : survivorNote;
}

/** The actors an actor belongs to, directly or through others (stops at a loop). */
function chainOf(project: ProjectFile, id: string): string[] {
  const chain: string[] = [];
  let current = project.actors.find((a) => a.id === id)?.affiliationId ?? null;
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = project.actors.find((a) => a.id === current)?.affiliationId ?? null;
  }
  return chain;
}

function assertNoCycle(project: ProjectFile, id: string, affiliationId: string): void {
  let current: string | null = affiliationId;
  const seen = new Set<string>();
  while (current) {
    if (current === id) throw new AppError('invalid-input', 'An actor cannot belong to itself, directly or through others.');
    if (seen.has(current)) break;
    seen.add(current);
    current = actorOf(project, current).affiliationId;
  }
}
