import type { Channel } from '../../src-shared/contract';

/**
 * Channels that read server state a view shows. Their answers live in the query cache under
 * `[channel, input]`; a change made through a mutation channel invalidates or updates them.
 */
export const QUERY_CHANNELS = [
  'project:info',
  'project:get',
  'articles:page',
  'articles:ids',
  'articles:get',
  'history:state',
  'claims:table',
  'claims:timeline',
  'claims:list',
  'review:queue',
  'actors:dossier',
  'actors:find-mentions',
  'search:query',
  'agreement:analysts',
  'agreement:compute',
  'agreement:curation',
  'settings:get',
  'suggestions:list',
  'suggestions:pending',
  'sync:status',
  'sync:history',
  'sync:conflicts',
  'network:graph',
  'network:edge',
] as const satisfies readonly Channel[];
export type QueryChannel = (typeof QUERY_CHANNELS)[number];

/**
 * Channels that compute a file or a preview from the project and change nothing: called when
 * the user asks, never cached.
 */
export type OneShotChannel = 'import:extract' | 'reports:markdown' | 'export:csv' | 'export:w3c' | 'project:export' | 'export:article-markdown' | 'agreement:export'
  /** A run's progress, polled while it runs. */
  | 'suggestions:job'
  /**
   * Every summary at once (70 MB at 100,000 articles): kept in the contract for scripts and
   * tests, and out of the query cache on purpose, so no view can read the library whole; views
   * page it with `articles:page`.
   */
  | 'articles:list';

/** Everything else changes the project, and must say what it changed (see cache-effects.ts). */
export type MutationChannel = Exclude<Channel, QueryChannel | OneShotChannel>;
