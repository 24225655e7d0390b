import type { Channel, ChannelInput, ChannelOutput, ChannelResult } from '../../src-shared/contract';
import { ApiError, type ApiClient } from './api-client';

const TOKEN_KEY = 'workbench-token';

/**
 * Reads the launch token from `#token=…` (where the web host's printed address puts it), keeps
 * it for this tab's session, and removes it from the address bar so it is not shared by accident.
 */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match) {
    storage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', location.pathname + location.search);
    return match[1]!;
  }
  return storage.getItem(TOKEN_KEY);
}

/** The browser transport: `POST /api/<channel>` on the web host that served this page. */
export function createHttpClient(token: string | null): ApiClient {
  return {
    mode: 'web',
    async call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
      let response: Response;
      try {
        response = await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
          body: JSON.stringify(input),
        });
      } catch {
        throw new ApiError('internal', 'The workbench server is not answering. Is `npm run serve` still running?');
      }
      let result: ChannelResult<C>;
      try {
        result = (await response.json()) as ChannelResult<C>;
      } catch {
        throw new ApiError('internal', `The workbench server answered ${response.status} without a readable result.`);
      }
      if (!result.ok) throw new ApiError(result.error.code, result.error.message);
      return result.value;
    },
    async saveTextFile(suggestedName, content, mimeType) {
      const url = URL.createObjectURL(new Blob([content], { type: `${mimeType};charset=utf-8` }));
      const link = document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      link.rel = 'noopener';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { kind: 'downloaded', fileName: suggestedName };
    },
    onMenuCommand: () => () => undefined,
  };
}
