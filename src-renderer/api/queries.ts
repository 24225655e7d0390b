import { keepPreviousData, QueryClient, useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import type { ChannelInput, ChannelOutput } from '../../src-shared/contract';
import { useApi } from './api-context';
import { applyChange } from './cache-effects';
import type { MutationChannel, QueryChannel } from './query-channels';

/** The cache key of one answer: what was asked, exactly as it was asked. */
export function apiKey<C extends QueryChannel>(channel: C, input: ChannelInput<C>): readonly [C, ChannelInput<C>] {
  return [channel, input] as const;
}

/**
 * One cache for the whole renderer. Answers stay fresh until a mutation says it changed them
 * (staleTime Infinity), so switching views shows what is known at once; nothing is retried,
 * because a local API that fails will fail the same way again and the user should see why.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}

interface QueryOptions {
  enabled?: boolean;
  /** Keep showing the previous answer while a new input is fetched (typing in a search box). */
  keepPrevious?: boolean;
  /** For answers that change without a mutation (the search index builds in the background). */
  staleTime?: number;
  /** Asks again every so many milliseconds while the answer says work is still under way. */
  refetchInterval?: (data: unknown) => number | false;
}

/** Reads a channel through the cache. */
export function useApiQuery<C extends QueryChannel>(channel: C, input: ChannelInput<C>, options: QueryOptions = {}): UseQueryResult<ChannelOutput<C>, unknown> {
  const api = useApi();
  return useQuery<ChannelOutput<C>, unknown, ChannelOutput<C>, readonly [C, ChannelInput<C>]>({
    queryKey: apiKey(channel, input),
    queryFn: () => api.call(channel, input),
    enabled: options.enabled ?? true,
    ...(options.staleTime !== undefined ? { staleTime: options.staleTime } : {}),
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...(options.refetchInterval ? { refetchInterval: (query: { state: { data: unknown } }) => options.refetchInterval!(query.state.data) } : {}),
  });
}

export interface MutationOptions<C extends MutationChannel, Context> {
  /** Runs before the call: an optimistic change to the cache; what it returns reaches the other callbacks. */
  onMutate?(input: ChannelInput<C>): Context;
  /** After the cache has taken the answer in (see cache-effects.ts). */
  onSuccess?(output: ChannelOutput<C>, input: ChannelInput<C>, context: Context | undefined): void;
  /** Undo the optimistic change. */
  onError?(error: unknown, input: ChannelInput<C>, context: Context | undefined): void;
  /** Mutations with the same scope id run one after another, in the order they were made. */
  scope?: string;
}

/**
 * Calls a channel that changes the project. Its answer is applied to the cache as
 * cache-effects.ts says for that channel (updated in place where the answer holds the new
 * state, invalidated otherwise), so every view showing what it changed follows; the returned
 * promise settles once the views on screen have their new data.
 */
export function useApiMutation<C extends MutationChannel, Context = undefined>(
  channel: C,
  options: MutationOptions<C, Context> = {},
): UseMutationResult<ChannelOutput<C>, unknown, ChannelInput<C>, Context> {
  const api = useApi();
  const client = useQueryClient();
  return useMutation<ChannelOutput<C>, unknown, ChannelInput<C>, Context>({
    mutationKey: [channel],
    mutationFn: (input) => api.call(channel, input),
    ...(options.scope ? { scope: { id: options.scope } } : {}),
    onMutate: options.onMutate ? (input) => options.onMutate!(input) : undefined,
    onSuccess: (output, input, context) => {
      // The cache takes the answer and the caller's own clean-up in the same tick: one render.
      const settled = applyChange(client, channel, input, output);
      options.onSuccess?.(output, input, context);
      return settled;
    },
    onError: (error, input, context) => options.onError?.(error, input, context),
  });
}
