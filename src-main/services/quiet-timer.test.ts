import { afterEach, describe, expect, it, vi } from 'vitest';
import { QuietTimer } from './quiet-timer';

afterEach(() => {
  vi.useRealTimers();
});

describe('QuietTimer', () => {
  it('runs once pokes pause, put off by each poke', () => {
    vi.useFakeTimers();
    const task = vi.fn();
    const timer = new QuietTimer(task, 1, 1_000, 10_000);
    timer.poke();
    vi.advanceTimersByTime(900);
    timer.poke();
    vi.advanceTimersByTime(900);
    expect(task).not.toHaveBeenCalled();
    expect(timer.pending).toBe(true);
    vi.advanceTimersByTime(100);
    expect(task).toHaveBeenCalledTimes(1);
    expect(timer.pending).toBe(false);
  });

  it('runs at the latest the longest wait after the first poke, however often it is poked', () => {
    vi.useFakeTimers();
    const task = vi.fn();
    const timer = new QuietTimer(task, 1, 1_000, 5_000);
    for (let t = 0; t < 4_900; t += 500) {
      timer.poke();
      vi.advanceTimersByTime(500);
    }
    expect(task).toHaveBeenCalledTimes(1);
    // A new wait starts with the next poke.
    timer.poke();
    vi.advanceTimersByTime(999);
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('runs at once when asked, and not at all once cancelled', () => {
    vi.useFakeTimers();
    const task = vi.fn();
    const timer = new QuietTimer(task, 1, 1_000, 5_000);
    timer.poke();
    timer.soon();
    vi.advanceTimersByTime(0);
    expect(task).toHaveBeenCalledTimes(1);
    timer.poke();
    timer.cancel();
    vi.advanceTimersByTime(10_000);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('falls due only once enough changes have gathered since the last run, then waits for a pause', () => {
    vi.useFakeTimers();
    const task = vi.fn();
    const timer = new QuietTimer(task, 3, 1_000, 5_000);
    timer.changed();
    timer.changed();
    vi.advanceTimersByTime(10_000);
    expect(task).not.toHaveBeenCalled();
    timer.changed();
    vi.advanceTimersByTime(500);
    timer.changed();
    vi.advanceTimersByTime(999);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
    // Counted afresh after a run.
    timer.changed(2);
    vi.advanceTimersByTime(10_000);
    expect(task).toHaveBeenCalledTimes(1);
    timer.changed();
    vi.advanceTimersByTime(1_000);
    expect(task).toHaveBeenCalledTimes(2);
  });
});
