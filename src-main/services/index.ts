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
import { agreementHandlers } from './agreement-service';
import { networkHandlers } from './network-service';
import type { Reanchorer } from './reanchorer';
import type { Suggester } from './suggester';
import { suggestionHandlers } from './suggestions-service';
import { MemorySecretStore, SyncService, syncHandlers, type SyncDeps } from './sync';
import { identityMerger } from './sync/identity-merger';
import type { AuthorProvider } from '../../src-shared/domain/author';
import { AppSettingsStore } from '../store/app-settings-store';
import { settingsHandlers } from './settings-service';

/** What the services are built with besides the project. */
export interface HandlerOptions {
  reanchorer?: Reanchorer;
  /** Runs the suggestion engine (tests inject one with a fake engine). */
  suggester?: Suggester;
  /** The app's settings; by default kept in memory, naming the analyst "Analyst". */
  settings?: AppSettingsStore;
  /** Who is working: asked at each change. By default, the author in `settings`. */
  author?: AuthorProvider;
  /** Where remote tokens are kept and how trees merge (default: in memory, whole-file merge). */
  sync?: Partial<SyncDeps>;
  /** The persisted search index's bytes, when their read was started as the project opened (openWorkbench). */
  searchIndexFile?: Promise<Uint8Array | null>;
}

/** Every channel's handler, over one open project, sharing one undo history. */
export function createHandlers(store: ProjectStore, now: () => Date = () => new Date(), options: HandlerOptions = {}): Handlers {
  const history = new History(store);
  const settings = options.settings ?? AppSettingsStore.inMemory({ author: { name: 'Analyst' } });
  const author = options.author ?? (() => settings.get().author);
  const sync = new SyncService(store, { secrets: options.sync?.secrets ?? new MemorySecretStore(), merger: options.sync?.merger ?? identityMerger, now: options.sync?.now ?? now });
  return {
    ...settingsHandlers(settings),
    ...libraryHandlers(store, options.searchIndexFile),
    ...importHandlers(store, now, author),
    ...articleHandlers(store, history, now, author, options.reanchorer),
    ...annotationHandlers(store, history, now, author),
    ...actorHandlers(store, history, now, author),
    ...tagHandlers(store, history, now, author),
    ...claimHandlers(store, history),
    ...projectHandlers(store, history),
    ...historyHandlers(history),
    ...exportHandlers(store),
    ...reportHandlers(store, now),
    ...projectFileHandlers(store, now),
    ...w3cHandlers(store, history, now, author),
    ...agreementHandlers(store, history, now, author),
    ...suggestionHandlers(store, history, now, author, options.suggester),
    ...syncHandlers(store, history, sync),
    ...networkHandlers(store),
  };
}
