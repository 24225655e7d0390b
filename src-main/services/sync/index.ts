export { SyncService, type SyncDeps, type ShareInput, type SyncOutcome } from './sync-service';
export { syncHandlers } from './sync-handlers';
export { MemorySecretStore, type SecretStore } from './secret-store';
export { fileLevelMerger, type TreeMerger, type TreeMergeResult, type MergeConflict, type ProjectTree } from './tree-merger';
