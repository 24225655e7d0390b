import type { Handlers } from './handlers';
import type { ProjectStore } from '../store/project-store';
import type { History } from './history';

export type ProjectHandlers = Pick<Handlers, 'project:get' | 'project:update-notes'>;

export function projectHandlers(store: ProjectStore, history: History): ProjectHandlers {
  return {
    'project:get': async () => {
      const mentions = new Map<string, number>();
      const claims = new Map<string, number>();
      const tagUse = new Map<string, number>();
      const add = (map: Map<string, number>, counts: Record<string, number>) => {
        for (const [id, n] of Object.entries(counts)) map.set(id, (map.get(id) ?? 0) + n);
      };
      for (const summary of store.summaries()) {
        add(mentions, summary.actorMentions);
        add(claims, summary.speakerClaims);
        add(tagUse, summary.tagCounts);
      }
      const project = store.project;
      return {
        name: project.name,
        notes: project.notes,
        actors: project.actors.map((a) => ({ ...a, mentionCount: mentions.get(a.id) ?? 0, claimCount: claims.get(a.id) ?? 0 })),
        tags: project.tags.map((t) => ({ ...t, usageCount: tagUse.get(t.id) ?? 0 })),
      };
    },

    'project:update-notes': ({ notes }) =>
      history.record('Edit project notes', (tx) =>
        tx.project((project) => {
          project.notes = notes;
          return { notes };
        }),
      ),
  };
}
