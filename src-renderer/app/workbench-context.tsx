import { createContext, useContext } from 'react';
import type { ChannelOutput } from '../../src-shared/contract';
import type { Annotation } from '../../src-shared/domain/annotation';
import type { Article } from '../../src-shared/domain/article';

export type ProjectData = ChannelOutput<'project:get'>;
export type ActorEntry = ProjectData['actors'][number];
export type TagEntry = ProjectData['tags'][number];

/** The open article and what is selected in it. */
export interface ArticleSession {
  article: Article;
  annotations: Annotation[];
  selectedId: string | null;
  select(id: string | null, options?: { scroll?: boolean }): void;
}

/**
 * What every feature needs of the app. Server data here (project, session) is read from the
 * query cache; changes go through useApiMutation, which updates the cache, never through here.
 */
export interface Workbench {
  project: ProjectData;
  actorsById: Map<string, ActorEntry>;
  tagsById: Map<string, TagEntry>;
  session: ArticleSession | null;
  reportError(error: unknown): void;
  setStatus(message: string): void;
}

export const WorkbenchContext = createContext<Workbench | null>(null);

export function useWorkbench(): Workbench {
  const value = useContext(WorkbenchContext);
  if (!value) throw new Error('useWorkbench() used outside <WorkbenchContext.Provider>');
  return value;
}
