import type { Handlers } from './handlers';
import type { ProjectStore } from '../store/project-store';
import { actorHandlers } from './actors-service';
import { annotationHandlers } from './annotations-service';
import { articleHandlers } from './articles-service';
import { claimHandlers } from './claims-service';
import { exportHandlers } from './export-service';
import { History, historyHandlers } from './history';
import { projectFileHandlers } from './project-file-service';
import { projectHandlers } from './project-service';
import { reportHandlers } from './reports-service';
import { tagHandlers } from './tags-service';
import { w3cHandlers } from './w3c-service';
import { libraryHandlers } from './library-service';
import { importHandlers } from './import-service';
import { networkHandlers } from './network-service';
import type { Reanchorer } from './reanchorer';

/** Every channel's handler, over one open project, sharing one undo history. */
export function createHandlers(store: ProjectStore, now?: () => Date, options: { reanchorer?: Reanchorer } = {}): Handlers {
  const history = new History(store);
  return {
    ...libraryHandlers(store),
    ...importHandlers(store, now),
    ...articleHandlers(store, history, now, options.reanchorer),
    ...annotationHandlers(store, history, now),
    ...actorHandlers(store, history, now),
    ...tagHandlers(store, history),
    ...claimHandlers(store, history),
    ...projectHandlers(store, history),
    ...historyHandlers(history),
    ...exportHandlers(store),
    ...reportHandlers(store, now),
    ...projectFileHandlers(store, now),
    ...w3cHandlers(store, history, now),
    ...networkHandlers(store),
  };
}
