import type { WorkbenchBridge } from '../../src-shared/bridge';
import type { Channel, ChannelInput, ChannelOutput, ChannelResult } from '../../src-shared/contract';
import { ApiError, type ApiClient } from './api-client';

/** The desktop transport: the preload's typed bridge over Electron IPC. */
export function createIpcClient(bridge: WorkbenchBridge): ApiClient {
  return {
    mode: 'desktop',
    async call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
      const invoke = bridge.api[channel] as (value: ChannelInput<C>) => Promise<ChannelResult<C>>;
      const result = await invoke(input);
      if (!result.ok) throw new ApiError(result.error.code, result.error.message);
      return result.value;
    },
    async saveTextFile(suggestedName, content) {
      const result = await bridge.saveTextFile({ suggestedName, content });
      return result.saved ? { kind: 'saved', path: result.path } : { kind: 'cancelled' };
    },
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    desktopImport: {
      pick: (kind) => bridge.pickImportPaths(kind),
      pathsOfDrop: (files) => bridge.listImportPaths(files.map((f) => bridge.pathForFile(f)).filter(Boolean)),
      async extract(paths) {
        const result = await bridge.extractPaths(paths);
        if (!result.ok) throw new ApiError(result.error.code, result.error.message);
        return result.value;
      },
    },
  };
}
