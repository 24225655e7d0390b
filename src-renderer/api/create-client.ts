import type { WorkbenchBridge } from '../../src-shared/bridge';
import type { ApiClient } from './api-client';
import { createHttpClient, takeToken } from './http-client';
import { createIpcClient } from './ipc-client';

declare global {
  interface Window {
    /** Present only inside the Electron shell, put there by the preload. */
    workbench?: WorkbenchBridge;
  }
}

/** Picks the transport once, at start-up: the preload's bridge if there is one, else HTTP. */
export function createApiClient(): ApiClient {
  if (window.workbench) return createIpcClient(window.workbench);
  return createHttpClient(takeToken(window.location, window.sessionStorage, window.history));
}
