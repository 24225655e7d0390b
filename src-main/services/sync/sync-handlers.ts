import type { Handlers } from '../handlers';
import type { History } from '../history';
import { AppError } from '../../../src-shared/result';
import { articleFileSchema } from '../../store/file-schemas';
import type { ProjectStore } from '../../store/project-store';
import { applyChoice, conflictView } from './conflict-resolve';
import type { SyncService } from './sync-service';
import { writeSyncState } from './sync-state';

export type SyncHandlers = Pick<Handlers, 'sync:status' | 'sync:share' | 'sync:run' | 'sync:history' | 'sync:restore' | 'sync:conflicts' | 'sync:resolve'>;

/** The sync channels over one project's sync service. */
export function syncHandlers(store: ProjectStore, history: History, sync: SyncService): SyncHandlers {
  return {
    'sync:status': () => sync.status(),
    'sync:share': (input) => sync.share(input),
    'sync:run': () => sync.run(),

    'sync:history': async ({ articleId }) => {
      if (!store.hasArticle(articleId)) throw new AppError('not-found', 'There is no such article.');
      if (!(await sync.repo.isRepo())) return [];
      const path = `articles/${articleId}.json`;
      const entries = await sync.repo.log(path);
      return Promise.all(
        entries.map(async (entry) => {
          const file = await sync.repo.readFileAt(entry.oid, path);
          const annotations = (file as { annotations?: unknown[] } | null)?.annotations;
          return {
            commit: entry.oid,
            author: entry.commit.author.name,
            at: new Date(entry.commit.author.timestamp * 1000).toISOString(),
            message: entry.commit.message.trim(),
            annotationCount: Array.isArray(annotations) ? annotations.length : 0,
          };
        }),
      );
    },

    'sync:restore': async ({ articleId, commit }) => {
      if (!store.hasArticle(articleId)) throw new AppError('not-found', 'There is no such article.');
      const content = await sync.repo.readFileAt(commit, `articles/${articleId}.json`);
      if (content === null) throw new AppError('not-found', 'That version of the article is not in the project’s history.');
      const parsed = articleFileSchema.safeParse(content);
      if (!parsed.success || parsed.data.article.id !== articleId) throw new AppError('conflict', 'That earlier version is not a valid article file, so it was not restored.');
      const when = (await sync.repo.readCommit(commit)).commit.author.timestamp;
      const label = `Restore “${parsed.data.article.title}” as of ${new Date(when * 1000).toISOString().slice(0, 16).replace('T', ' ')}`;
      await history.record(label, (tx) =>
        tx.article(articleId, (draft) => {
          draft.article = parsed.data.article;
          draft.annotations = parsed.data.annotations;
        }),
      );
      return { articleId, label };
    },

    'sync:conflicts': async () => ((await sync.state())?.conflicts ?? []).map(conflictView),

    'sync:resolve': async ({ id, choice }) => {
      const state = await sync.state();
      const conflict = state?.conflicts.find((c) => c.id === id);
      if (!state || !conflict) throw new AppError('not-found', 'This conflict was already resolved.');
      const article = /^articles\/(.+)\.json$/.exec(conflict.path)?.[1] ?? null;
      if (choice !== conflict.kept) {
        await history.record(`Resolve conflict: ${conflict.label}`, (tx) =>
          article ? tx.article(article, (draft) => applyChoice(draft, conflict, choice)) : tx.project((draft) => applyChoice(draft, conflict, choice)),
        );
      }
      await writeSyncState(store.directory, { ...state, conflicts: state.conflicts.filter((c) => c.id !== id) });
      return { id, articleId: article, projectChanged: article === null && choice !== conflict.kept };
    },
  };
}
