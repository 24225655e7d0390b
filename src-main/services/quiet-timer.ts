/** How long changes must pause before a cache file is rewritten. */
export const QUIET_MS = 5_000;
/** The longest a due rewrite waits for changes to pause. */
export const MAX_WAIT_MS = 120_000;

/**
 * Runs a background rewrite once the analyst's saves pause, not in the middle of them: each
 * `poke()` puts it off to `quietMs` after the latest, but never past `maxWaitMs` after the first
 * poke since it last ran (rewriting the search index or every entries shard at 100,000 articles
 * is hundreds of milliseconds of the main thread, which saves taken meanwhile waited for).
 * `soon()` runs it on the next turn of the event loop. The timer never keeps the process alive.
 */
export class QuietTimer {
  private timer: NodeJS.Timeout | undefined;
  private firstAt = 0;

  constructor(
    private readonly task: () => void,
    private readonly quietMs = QUIET_MS,
    private readonly maxWaitMs = MAX_WAIT_MS,
  ) {}

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
      this.task();
    }, delay);
    this.timer.unref();
  }
}
