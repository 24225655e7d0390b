import type { SuggestInput, Suggestion } from '../../src-shared/suggest/suggestion';

/** What the main thread sends the suggestion worker: one article's text and the registry. */
export interface SuggestJob {
  id: number;
  input: SuggestInput;
}

/** What the worker answers: the engine's suggestions, or why it failed. */
export type SuggestReply = { id: number; ok: true; suggestions: Suggestion[] } | { id: number; ok: false; message: string };

/** Sent once by a new worker when the engine is loaded and it can take jobs. */
export interface SuggestReady {
  ready: true;
}
