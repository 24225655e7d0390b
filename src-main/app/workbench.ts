import { createRouter, type Router } from '../api/router';
import { createHandlers } from '../services';
import type { SecretStore } from '../services/sync';
import { ProjectStore } from '../store/project-store';
import { readSearchIndexFile } from '../services/search-index-file';
import { extractFiles, type ExtractInput } from '../services/import-service';
import { writeFileDurable } from '../store/durable-file';
import { seedSampleProject } from './sample-project';
import type { AppSettingsStore } from '../store/app-settings-store';

export type { SecretStore } from '../services/sync';

export interface Workbench {
  store: ProjectStore;
  router: Router;
  /** Extracts files the desktop shell read from disk into drafts, as `import:extract` does for uploaded bytes. */
  extractFiles(files: readonly ExtractInput[]): ReturnType<typeof extractFiles>;
  /** Writes an export to a path the user chose in a save dialog; returns once the file is durable. */
  writeTextFile(path: string, content: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens a project and wires its services behind the router: what both the Electron shell and
 * the web host run. `sample` fills a brand-new project with the sample article. `secrets` keeps
 * remote tokens (the desktop shell passes one backed by safeStorage; default: memory, for the session).
 */
export async function openWorkbench(directory: string, options: { sample?: boolean; settings?: AppSettingsStore; secrets?: SecretStore } = {}): Promise<Workbench> {
  const { settings } = options;
  // Read in the thread pool while the store opens (tens of MB at 100,000 articles); checked, and
  // only then used, once the store is open. Dropped if the open fails (a locked project).
  const searchIndexFile = readSearchIndexFile(directory);
  const store = await ProjectStore.open(directory, {
    seed: options.sample ? (fresh) => seedSampleProject(createRouter(createHandlers(fresh, undefined, { settings }))) : undefined,
  });
  const router = createRouter(createHandlers(store, undefined, { settings, sync: { secrets: options.secrets }, searchIndexFile }));
  // Start building the search index in the background now, not at the first search.
  void router.handle('search:query', { limit: 1 });
  return {
    store,
    router,
    extractFiles: (files) => extractFiles(store, files),
    writeTextFile: (path, content) => writeFileDurable(path, content),
    close: () => store.close(),
  };
}
