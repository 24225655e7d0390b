import type { Channel, ChannelOutput, ParsedInput } from '../../src-shared/contract';

/** The implementation of one channel: receives validated input, returns the channel's output. */
export type Handler<C extends Channel> = (input: ParsedInput<C>) => Promise<ChannelOutput<C>>;

/** A handler for every channel; the type system refuses a missing or misspelt one. */
export type Handlers = { [C in Channel]: Handler<C> };
