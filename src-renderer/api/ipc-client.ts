import type { WorkbenchBridge } from '../../src-shared/bridge';
import type { Channel, ChannelInput, ChannelOutput, ChannelResult } from '../../src-shared/contract';
import type { Result } from '../../src-shared/result';
import { ApiError, type ApiClient } from './api-client';

/** The value of a Result, or an ApiError carrying its message for the user. */
function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new ApiError(result.error.code, result.error.message);
  return result.value;
}

/** The desktop transport: the preload's typed bridge over Electron IPC. */
export function createIpcClient(bridge: WorkbenchBridge): ApiClient {
  return {
    mode: 'desktop',
    async call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
      const invoke = bridge.api[channel] as (value: ChannelInput<C>) => Promise<ChannelResult<C>>;
      return unwrap(await invoke(input));
    },
    async saveTextFile(suggestedName, content) {
      const result = unwrap(await bridge.saveTextFile({ suggestedName, content }));
      return result.saved ? { kind: 'saved', path: result.path } : { kind: 'cancelled' };
    },
    async setNativeTheme(source) {
      unwrap(await bridge.setTheme({ source }));
    },
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    desktopImport: {
      pick: async (kind) => unwrap(await bridge.pickImportPaths({ kind })).paths,
      pathsOfDrop: async (files) => unwrap(await bridge.listDroppedFiles(files)).paths,
      extract: async (paths, encodings) => unwrap(await bridge.extractPaths(encodings ? { paths, encodings } : { paths })),
    },
  };
}
