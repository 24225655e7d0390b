import { z } from 'zod';
import { contract, isChannel, type Channel } from '../../src-shared/contract';
import { AppError, type Result } from '../../src-shared/result';
import { findLoneSurrogate, loneSurrogateMessage } from '../../src-shared/text/lone-surrogates';
import { describeFailure } from '../services/failure';
import type { Handlers } from '../services/handlers';

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
      // Checked once here for every channel rather than in each schema: no string with half a
      // character may reach the store (UTF-8 files cannot hold it).
      const broken = findLoneSurrogate(parsed.data);
      if (broken) return { ok: false, error: { code: 'invalid-input', message: loneSurrogateMessage(broken) } };
      try {
        const run = handlers[channel] as (value: unknown) => Promise<unknown>;
        return { ok: true, value: await run(parsed.data) };
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } };
        log(`Channel ${channel as Channel} failed:`, error);
        return { ok: false, error: describeFailure(error) };
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
