import { createContext, useContext } from 'react';

export type View = 'library' | 'actors' | 'claims' | 'review' | 'agreement' | 'network';

/** Where to go in the reader once an article is open: an annotation, or a passage to show. */
export type Focus = { articleId: string; annotationId?: string; range?: { start: number; end: number } };

export interface Navigation {
  view: View;
  setView(view: View): void;
  /** Opens an article in the Library view and shows the annotation or passage. */
  open(focus: Focus): void;
  /** Opens the Actors view on one actor. */
  showActor(actorId: string): void;
}

export const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const value = useContext(NavigationContext);
  if (!value) throw new Error('useNavigation() used outside <NavigationContext.Provider>');
  return value;
}
