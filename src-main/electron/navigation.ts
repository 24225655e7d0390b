import type { WebContents } from 'electron';
import { originOf } from './origin';

interface Preventable {
  preventDefault(): void;
}

/**
 * What a page may do with addresses: move only within the app's own origin; every other link
 * (a click or `window.open`) is stopped and offered to `openExternal`, which asks the user first
 * and opens only http(s) and mailto. No new windows, no webviews, no redirects away.
 */
export function navigationRules(appOrigin: string, openExternal: (url: string) => unknown) {
  return {
    willNavigate(event: Preventable, url: string): void {
      if (originOf(url) === appOrigin) return;
      event.preventDefault();
      void openExternal(url);
    },
    willRedirect(event: Preventable, url: string): void {
      if (originOf(url) !== appOrigin) event.preventDefault();
    },
    willAttachWebview(event: Preventable): void {
      event.preventDefault();
    },
    windowOpen({ url }: { url: string }): { action: 'deny' } {
      void openExternal(url);
      return { action: 'deny' };
    },
  };
}

export type NavigationRules = ReturnType<typeof navigationRules>;

/** Applies the rules to one web contents (every one the app creates, see main.ts). */
export function guardContents(contents: WebContents, rules: NavigationRules): void {
  contents.on('will-navigate', (event, url) => rules.willNavigate(event, url));
  contents.on('will-frame-navigate', (event) => {
    // Sub-frames are not part of the app (the CSP forbids them too); stop them going anywhere.
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => rules.willRedirect(event, url));
  contents.on('will-attach-webview', (event) => rules.willAttachWebview(event));
  contents.setWindowOpenHandler((details) => rules.windowOpen(details));
}
