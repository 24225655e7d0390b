import { randomUUID } from 'node:crypto';
import type { Handlers } from './handlers';
import type { Tag } from '../../src-shared/domain/tag';
import { stampCreated, stampUpdated, type AuthorProvider } from '../../src-shared/domain/author';
import { AppError } from '../../src-shared/result';
import type { ProjectFile } from '../store/file-schemas';
import type { ProjectStore } from '../store/project-store';
import type { History } from './history';
import { onArticle } from './annotations-service';
import { tagOf, unique } from './validate';
import { recordMerge } from './merge/merged-into';

export type TagHandlers = Pick<Handlers, 'tags:create' | 'tags:update' | 'tags:merge' | 'tags:delete'>;

export function tagHandlers(store: ProjectStore, history: History, now: () => Date, author: AuthorProvider): TagHandlers {
  const articlesUsing = (tagId: string): string[] => [...store.summaries()].filter((s) => s.tagCounts[tagId]).map((s) => s.id);

  return {
    'tags:create': (fields) =>
      history.record(`Add tag ${fields.name}`, (tx) =>
        tx.project((project) => {
          const stamp = now().toISOString();
          const tag: Tag = stampCreated({ id: randomUUID(), ...fields, createdAt: stamp, updatedAt: stamp }, author());
          checkTag(project, tag);
          project.tags.push(tag);
          return tag;
        }),
      ),

    'tags:update': ({ id, fields }) =>
      history.record('Edit tag', (tx) =>
        tx.project((project) => {
          const tag = tagOf(project, id);
          Object.assign(tag, Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
          checkTag(project, tag);
          tag.updatedAt = now().toISOString();
          stampUpdated(tag, author());
          return tag;
        }),
      ),

    'tags:merge': ({ survivorId, mergedId }) =>
      history.record('Merge tags', async (tx) => {
        if (survivorId === mergedId) throw new AppError('invalid-input', 'Pick two different tags to merge.');
        tagOf(store.project, survivorId);
        tagOf(store.project, mergedId);
        for (const articleId of articlesUsing(mergedId)) {
          await onArticle(tx, articleId, (file) => {
            for (const a of file.annotations) if (a.tags.includes(mergedId)) a.tags = unique(a.tags.map((t) => (t === mergedId ? survivorId : t)));
          });
        }
        return tx.project((project) => {
          const merged = tagOf(project, mergedId);
          const survivor = tagOf(project, survivorId);
          // A survivor nested below the merged tag moves up to its place first, so no loop forms.
          if (ancestorsOf(project, survivorId).includes(mergedId)) survivor.parentId = merged.parentId === survivorId ? null : merged.parentId;
          for (const tag of project.tags) if (tag.parentId === mergedId && tag.id !== survivorId) tag.parentId = survivorId;
          if (survivor.hotkey === null) survivor.hotkey = merged.hotkey;
          survivor.updatedAt = now().toISOString();
          stampUpdated(survivor, author());
          project.tags = project.tags.filter((t) => t.id !== mergedId);
          // Kept so that a sync points the other side's new uses of the merged tag here.
          recordMerge(project, mergedId, survivorId);
          return survivor;
        });
      }),

    'tags:delete': ({ id }) =>
      history.record('Delete tag', async (tx) => {
        tagOf(store.project, id);
        let annotationsChanged = 0;
        for (const articleId of articlesUsing(id)) {
          await onArticle(tx, articleId, (file) => {
            for (const a of file.annotations) {
              if (!a.tags.includes(id)) continue;
              a.tags = a.tags.filter((t) => t !== id);
              annotationsChanged++;
            }
          });
        }
        await tx.project((project) => {
          const removed = tagOf(project, id);
          for (const tag of project.tags) if (tag.parentId === id) tag.parentId = removed.parentId;
          project.tags = project.tags.filter((t) => t.id !== id);
        });
        return { id, annotationsChanged };
      }),
  };
}

/** Unique names (ignoring case) and hotkeys; a parent that exists and is not the tag or below it. */
function checkTag(project: ProjectFile, tag: Tag): void {
  const others = project.tags.filter((t) => t.id !== tag.id);
  if (others.some((t) => t.name.toLowerCase() === tag.name.toLowerCase())) {
    throw new AppError('conflict', `There is already a tag named “${tag.name}”. Choose another name, or merge the two tags.`);
  }
  const clash = tag.hotkey === null ? undefined : others.find((t) => t.hotkey === tag.hotkey);
  if (clash) throw new AppError('conflict', `Hotkey ${tag.hotkey} already applies “${clash.name}”. Choose another digit.`);
  if (tag.parentId === tag.id || ancestorsOf({ ...project, tags: [...others, tag] }, tag.id).includes(tag.id)) {
    throw new AppError('invalid-input', 'A tag cannot be nested under itself or one of its own children.');
  }
  if (tag.parentId) tagOf(project, tag.parentId);
}

/** The tags above a tag, nearest first; stops at a loop rather than spinning. */
function ancestorsOf(project: ProjectFile, id: string): string[] {
  const chain: string[] = [];
  let current = project.tags.find((t) => t.id === id)?.parentId ?? null;
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = project.tags.find((t) => t.id === current)?.parentId ?? null;
  }
  return chain;
}
