import { z } from 'zod';
import { contract, isChannel, type Channel } from '../../src-shared/contract';
import { AppError, type Result } from '../../src-shared/result';
import { storageError } from '../store/storage-error';
import type { Handlers } from './handlers';

export interface Router {
  /**
   * Validates `input` against the channel's schema and runs its handler. Never throws: every
   * outcome is a Result, and unexpected errors are logged here and answered generically.
   */
  handle(channel: string, input: unknown): Promise<Result<unknown>>;
}

export function createRouter(handlers: Handlers, log: (message: string, error: unknown) => void = console.error): Router {
  return {
    async handle(channel, input) {
      if (!isChannel(channel)) {
        return { ok: false, error: { code: 'unknown-channel', message: `There is no API channel named "${channel}".` } };
      }
      const parsed = contract[channel].input.safeParse(input);
      if (!parsed.success) {
        return { ok: false, error: { code: 'invalid-input', message: describeIssues(parsed.error) } };
      }
      try {
        const run = handlers[channel] as (value: unknown) => Promise<unknown>;
        return { ok: true, value: await run(parsed.data) };
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } };
        log(`Channel ${channel as Channel} failed:`, error);
        const storage = storageError(error);
        if (storage) return { ok: false, error: { code: storage.code, message: storage.message } };
        // Whether part of the call was saved is not known here, so the message does not claim either.
        return {
          ok: false,
          error: { code: 'internal', message: 'Something went wrong while saving or reading the project. Reload to see what was saved, then try again; see the log if it persists.' },
        };
      }
    },
  };
}

/** Turns zod's issues into one sentence a person can act on. */
export function describeIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : 'input';
    // Our own messages already name the field; zod's stock ones do not.
    return /^[A-Z]/.test(issue.message) ? issue.message : `${field}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more problems)` : '';
  return `${parts.join('; ')}${more}.`.replace(/\.\.$/, '.');
}
