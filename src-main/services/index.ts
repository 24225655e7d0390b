import type { Handlers } from '../api/handlers';
import type { ProjectStore } from '../store/project-store';
import { annotationHandlers } from './annotations-service';
import { articleHandlers } from './articles-service';
import { exportHandlers } from './export-service';

/** Every channel's handler, over one open project. */
export function createHandlers(store: ProjectStore, now?: () => Date): Handlers {
  return { ...articleHandlers(store, now), ...annotationHandlers(store, now), ...exportHandlers(store) };
}
