import { describe, expect, it } from 'vitest';
import { KeyedSerialQueue, mapConcurrent, SerialQueue } from './serial-queue';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('SerialQueue', () => {
  it('runs tasks one at a time in order, and a failure does not block the next task', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const task = (name: string, fail = false) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const a = queue.run(task('a'));
    const b = queue.run(task('b', true));
    const c = queue.run(task('c'));
    await expect(a).resolves.toBe('a');
    await expect(b).rejects.toThrow('b');
    await expect(c).resolves.toBe('c');
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});

describe('KeyedSerialQueue', () => {
  it('serialises per key, runs different keys side by side, and forgets idle keys', async () => {
    const queue = new KeyedSerialQueue();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
    };
    const runs = [queue.run('x', task('x1')), queue.run('y', task('y1')), queue.run('x', task('x2'))];
    expect(queue.busy('x')).toBe(true);
    await Promise.all(runs);
    expect(log.indexOf('end x1')).toBeLessThan(log.indexOf('start x2'));
    expect(log.indexOf('start y1')).toBeLessThan(log.indexOf('end x1'));
    await queue.idle();
    await tick();
    expect(queue.busy('x')).toBe(false);
  });
});

describe('mapConcurrent', () => {
  it('keeps input order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const result = await mapConcurrent([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running--;
      return n * 10;
    });
    expect(result).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });

  it('rejects with the first failure and starts nothing after it', async () => {
    const started: number[] = [];
    await expect(
      mapConcurrent([1, 2, 3, 4, 5], 1, async (n) => {
        started.push(n);
        if (n === 2) throw new Error('two');
        return n;
      }),
    ).rejects.toThrow('two');
    expect(started).toEqual([1, 2]);
  });
});
