import { createRouter, type Router } from './api/router';
import { createHandlers } from './services';
import { ProjectStore } from './store/project-store';
import { seedSampleProject } from './store/sample-project';

export interface Workbench {
  store: ProjectStore;
  router: Router;
  close(): Promise<void>;
}

/**
 * Opens a project and wires its services behind the router: what both the Electron shell and
 * the web host run. `sample` fills a brand-new project with the sample article.
 */
export async function openWorkbench(directory: string, options: { sample?: boolean } = {}): Promise<Workbench> {
  const store = await ProjectStore.open(directory, {
    seed: options.sample ? (fresh) => seedSampleProject(createRouter(createHandlers(fresh))) : undefined,
  });
  const router = createRouter(createHandlers(store));
  // Start building the search index in the background now, not at the first search.
  void router.handle('search:query', { limit: 1 });
  return { store, router, close: () => store.close() };
}
