/** How long changes must pause before a cache file is rewritten. */
export const QUIET_MS = 5_000;
/** The longest a due rewrite waits for changes to pause. */
export const MAX_WAIT_MS = 120_000;

/**
 * Runs a background rewrite of a cache file once enough changes have gathered and the analyst's
 * saves pause, not in the middle of them: once `dueAfter` changes were counted since the last run,
 * each change (or `poke()`) puts the run off to `quietMs` after the latest, but never past
 * `maxWaitMs` after the first (rewriting the search index or every entries shard at 100,000
 * articles is hundreds of milliseconds of the main thread, which saves taken meanwhile waited
 * for). `soon()` runs it on the next turn of the event loop. The timer never keeps the process alive.
 */
export class QuietTimer {
  private timer: NodeJS.Timeout | undefined;
  private firstAt = 0;
  private changes = 0;

  constructor(
    private readonly task: () => void,
    private readonly dueAfter = 1,
    private readonly quietMs = QUIET_MS,
    private readonly maxWaitMs = MAX_WAIT_MS,
  ) {}

  /** Counts `n` changes; once the run is due, puts it off to a pause in the changes. */
  changed(n = 1): void {
    this.changes += n;
    if (this.changes >= this.dueAfter || this.timer) this.poke();
  }

  /** Whether a run is waiting. */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  poke(): void {
    const now = Date.now();
    if (!this.timer) this.firstAt = now;
    this.set(Math.max(0, Math.min(now + this.quietMs, this.firstAt + this.maxWaitMs) - now));
  }

  soon(): void {
    if (!this.timer) this.firstAt = Date.now();
    this.set(0);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private set(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.changes = 0;
      this.task();
    }, delay);
    this.timer.unref();
  }
}
