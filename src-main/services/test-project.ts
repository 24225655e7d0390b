import { onTestFinished } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '../../src-shared/contract';
import { createRouter } from '../api/router';
import { ProjectStore } from '../store/project-store';
import { tempDir } from '../store/test-helpers';
import { createHandlers, type HandlerOptions } from '.';

/**
 * A fresh project in a temporary folder with the real router, closed when the test ends, and a
 * typed `call` that throws with the error's code and message when a channel fails.
 */
export async function openTestProject(now: () => Date = () => new Date('2026-03-01T10:00:00Z'), options: HandlerOptions & { directory?: string } = {}) {
  const store = await ProjectStore.open(options.directory ?? (await tempDir()));
  onTestFinished(() => store.close());
  const router = createRouter(createHandlers(store, now, options), () => undefined);
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await router.handle(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
    return result.value as ChannelOutput<C>;
  };
  /** The same, untyped: for tests that check only part of a result. */
  const callAs = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await router.handle(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  return { store, router, call, callAs };
}

/** Offsets of `phrase` in `text` (throws if it is not there). */
export function at(text: string, phrase: string): { start: number; end: number } {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  return { start, end: start + phrase.length };
}
