import type { Handlers } from './handlers';
import { AppError } from '../../src-shared/result';
import type { ArticleFile, ProjectFile } from '../store/file-schemas';
import { StaleStateError, type ProjectStore } from '../store/project-store';
import { SerialQueue } from '../store/serial-queue';

interface FileChange<T> {
  before: T;
  after: T;
}

interface Step {
  label: string;
  articles: Map<string, FileChange<ArticleFile>>;
  project: FileChange<ProjectFile> | null;
}

/** The files one undoable step may change. */
export interface Tx {
  article<R>(id: string, change: (file: ArticleFile) => R): Promise<R>;
  project<R>(change: (file: ProjectFile) => R): Promise<R>;
}

const LIMIT = 500;

/**
 * An unexpected error from a step that provably wrote nothing: it failed before any of its
 * changes reached the store's write (the store writes only after a change function returns).
 * Lets the router say "nothing was changed" truthfully; the original error is the `cause`.
 */
export class NothingWrittenError extends Error {
  constructor(cause: unknown) {
    super(`Failed before writing anything: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'NothingWrittenError';
  }
}

/**
 * Undo and redo over whole-file states. Each recorded step keeps, for every file it touched, the
 * state before and after (the store never mutates a committed state, so these are shared, not
 * copied). Undo writes the "before" states back durably, but only if each file is still in its
 * "after" state; otherwise something else changed it and the history is cleared, not forced.
 */
export class History {
  private readonly undoStack: Step[] = [];
  private redoStack: Step[] = [];
  private readonly queue = new SerialQueue();

  constructor(private readonly store: ProjectStore) {}

  /** Runs `work` as one undoable step. Steps run one at a time, so their order is the undo order. */
  record<R>(label: string, work: (tx: Tx) => Promise<R>): Promise<R> {
    return this.exclusive(async () => {
      const step: Step = { label, articles: new Map(), project: null };
      // Set once a change function has returned: from then on the store may be writing.
      let mayHaveWritten = false;
      const reaching =
        <F, R>(change: (file: F) => R) =>
        (file: F): R => {
          const result = change(file);
          mayHaveWritten = true;
          return result;
        };
      const tx: Tx = {
        article: (id, change) =>
          this.store.updateArticle(id, reaching(change), (before, after) => {
            step.articles.set(id, { before: step.articles.get(id)?.before ?? before, after });
          }),
        project: (change) =>
          this.store.updateProject(reaching(change), (before, after) => {
            step.project = { before: step.project?.before ?? before, after };
          }),
      };
      try {
        return await work(tx);
      } catch (error) {
        if (error instanceof AppError || mayHaveWritten) throw error;
        throw new NothingWrittenError(error);
      } finally {
        // Even a step that failed halfway is recorded, so what it did change can be undone.
        if (step.articles.size > 0 || step.project) {
          this.undoStack.push(step);
          if (this.undoStack.length > LIMIT) this.undoStack.shift();
          this.redoStack = [];
        }
      }
    });
  }

  state(): { undo: string | null; redo: string | null } {
    return { undo: this.undoStack.at(-1)?.label ?? null, redo: this.redoStack.at(-1)?.label ?? null };
  }

  undo() {
    return this.exclusive(() => this.apply(this.undoStack, this.redoStack, 'undo'));
  }

  redo() {
    return this.exclusive(() => this.apply(this.redoStack, this.undoStack, 'redo'));
  }

  private async apply(from: Step[], to: Step[], direction: 'undo' | 'redo') {
    const step = from.pop();
    if (!step) throw new AppError('conflict', direction === 'undo' ? 'There is nothing to undo.' : 'There is nothing to redo.');
    const [expect, next]: ['before' | 'after', 'before' | 'after'] = direction === 'undo' ? ['after', 'before'] : ['before', 'after'];
    try {
      for (const [id, change] of step.articles) await this.store.restoreArticle(id, change[expect], change[next]);
      if (step.project) await this.store.restoreProject(step.project[expect], step.project[next]);
    } catch (error) {
      if (!(error instanceof StaleStateError)) throw error;
      this.undoStack.length = 0;
      this.redoStack = [];
      throw new AppError('conflict', `Cannot ${direction} “${step.label}”: ${error.message} The undo history was cleared.`);
    }
    to.push(step);
    return { label: step.label, articleIds: [...step.articles.keys()], projectChanged: step.project !== null, state: this.state() };
  }

  private exclusive<R>(task: () => Promise<R>): Promise<R> {
    return this.queue.run(task);
  }
}

export function historyHandlers(history: History): Pick<Handlers, 'history:state' | 'history:undo' | 'history:redo'> {
  return {
    'history:state': async () => history.state(),
    'history:undo': () => history.undo(),
    'history:redo': () => history.redo(),
  };
}
