import { randomUUID } from 'node:crypto';
import type { ChannelOutput } from '../../src-shared/contract';
import type { AuthorProvider } from '../../src-shared/domain/author';
import { AppError } from '../../src-shared/result';
import { suggestionStart } from '../../src-shared/suggest/pending';
import type { ProjectStore } from '../store/project-store';
import { MAX_REJECTED_SUGGESTIONS } from '../store/file-schemas';
import type { Handlers } from './handlers';
import type { History } from './history';
import { onArticle } from './annotations-service';
import { createSuggester, type Suggester } from './suggester';
import { acceptSuggestions } from './suggestion-accept';
import { SuggestionSource } from './suggestion-source';

export type SuggestionHandlers = Pick<
  Handlers,
  'suggestions:list' | 'suggestions:accept' | 'suggestions:reject' | 'suggestions:run' | 'suggestions:job' | 'suggestions:cancel' | 'suggestions:pending'
>;

type Job = ChannelOutput<'suggestions:job'> & { cancel: boolean };

/** Finished runs kept for their last status (a window that polls late still sees the end). */
const JOBS_KEPT = 20;
/** Characters of context on each side of a pending suggestion in the Review view. */
const CONTEXT = 80;

/**
 * Suggestions: computed in a worker (`Suggester`) when an article is opened or a run asks, kept
 * per article while its text stays the same, and written to the project only by accept (ordinary
 * annotations and actors) and reject (the key remembered in the article file), each one undoable step.
 */
export function suggestionHandlers(store: ProjectStore, history: History, now: () => Date, author: AuthorProvider, suggester: Suggester = createSuggester()): SuggestionHandlers {
  const source = new SuggestionSource(store, suggester);
  const jobs = new Map<string, Job>();
  store.onArticleChange((id, file) => {
    if (!file) source.forget(id);
  });

  const status = (job: Job): ChannelOutput<'suggestions:job'> => {
    const { cancel: _cancel, ...rest } = job;
    return { ...rest };
  };
  const jobOf = (jobId: string): Job => {
    const job = jobs.get(jobId);
    if (!job) throw new AppError('not-found', 'That suggestion run is not known (the app was restarted since). Start it again.');
    return job;
  };

  const runJob = async (job: Job, ids: readonly string[]) => {
    for (const id of ids) {
      if (job.cancel) break;
      try {
        const file = await store.readArticle(id);
        if (file) {
          const { suggestions, problem } = await source.pending(file, true);
          if (problem) job.failed++;
          if (suggestions.length > 0) {
            job.articles++;
            job.suggestions += suggestions.length;
          }
        }
      } catch {
        job.failed++;
      }
      job.done++;
    }
    job.state = job.cancel ? 'cancelled' : 'done';
  };

  return {
    'suggestions:list': async ({ articleId }) => {
      const file = await source.file(articleId);
      const { suggestions, problem } = await source.pending(file, true);
      return { articleId, suggestions, problem };
    },

    'suggestions:accept': async ({ articleId, items }) => {
      // Computed before the step starts, so a slow engine never holds up other changes.
      await source.computed(await source.file(articleId), false);
      const label = items.length === 1 ? 'Accept suggestion' : `Accept ${items.length} suggestions`;
      return history.record(label, async (tx) => {
        // Read again inside the step: annotations or rejections may have changed meanwhile.
        const file = await source.file(articleId);
        const { suggestions } = await source.pending(file, false);
        return acceptSuggestions(tx, store.project, file, suggestions, items, { at: now().toISOString(), by: author() });
      });
    },

    'suggestions:reject': ({ articleId, keys }) =>
      history.record(keys.length === 1 ? 'Reject suggestion' : `Reject ${keys.length} suggestions`, (tx) =>
        onArticle(tx, articleId, (file) => {
          const rejected = new Set(file.rejectedSuggestions ?? []);
          const before = rejected.size;
          for (const key of keys) rejected.add(key);
          if (rejected.size > MAX_REJECTED_SUGGESTIONS) throw new AppError('too-large', `This article already remembers ${MAX_REJECTED_SUGGESTIONS} rejected suggestions; no more can be kept.`);
          file.rejectedSuggestions = [...rejected];
          return { rejected: rejected.size - before };
        }),
      ),

    'suggestions:run': async ({ articleIds }) => {
      const ids = articleIds ? [...new Set(articleIds)] : store.listSummaries().map((s) => s.id);
      const job: Job = { jobId: randomUUID(), state: 'running', done: 0, total: ids.length, articles: 0, suggestions: 0, failed: 0, cancel: false };
      jobs.set(job.jobId, job);
      for (const old of [...jobs.values()].filter((j) => j.state !== 'running').slice(0, Math.max(0, jobs.size - JOBS_KEPT))) jobs.delete(old.jobId);
      void runJob(job, ids);
      return status(job);
    },

    'suggestions:job': async ({ jobId }) => status(jobOf(jobId)),

    'suggestions:cancel': async ({ jobId }) => {
      const job = jobOf(jobId);
      job.cancel = true;
      return status(job);
    },

    'suggestions:pending': async ({ limit }) => {
      const order = new Map(store.listSummaries().map((s, index) => [s.id, index]));
      const ids = source.knownArticles().filter((id) => order.has(id)).sort((a, b) => order.get(a)! - order.get(b)!);
      const items: ChannelOutput<'suggestions:pending'>['items'] = [];
      let total = 0;
      for (const id of ids) {
        const file = await store.readArticle(id);
        if (!file) continue;
        const { suggestions } = await source.pending(file, false);
        total += suggestions.length;
        for (const suggestion of suggestions) {
          if (items.length >= limit) break;
          const start = suggestionStart(suggestion);
          const end = suggestion.type === 'actor' ? (suggestion.mentions[0]?.end ?? start) : suggestion.span.end;
          const text = file.article.text;
          items.push({ articleId: id, articleTitle: file.article.title, before: text.slice(Math.max(0, start - CONTEXT), start), after: text.slice(end, end + CONTEXT), suggestion });
        }
      }
      return { total, items };
    },
  };
}
