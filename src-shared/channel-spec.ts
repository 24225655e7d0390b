import type { z } from 'zod';
import type { Result } from './result';

/** One channel of a contract: the zod schema of what the caller sends and of what it gets back. */
export interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
}

/** What a caller passes (defaults not yet applied). */
export type SpecInput<S extends ChannelSpec> = z.input<S['input']>;
/** What a handler receives (validated, defaults applied). */
export type SpecParsedInput<S extends ChannelSpec> = z.output<S['input']>;
export type SpecOutput<S extends ChannelSpec> = z.output<S['output']>;
export type SpecResult<S extends ChannelSpec> = Result<SpecOutput<S>>;

/** The channel names of a contract, typed. */
export function channelNames<T extends Record<string, ChannelSpec>>(contract: T): (keyof T & string)[] {
  return Object.keys(contract);
}

/** Whether `name` is one of the contract's channels (own keys only, so "toString" is not one). */
export function hasChannel<T extends Record<string, ChannelSpec>>(contract: T, name: string): name is keyof T & string {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
