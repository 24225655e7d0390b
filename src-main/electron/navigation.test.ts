import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { guardContents, navigationRules } from './navigation';

const preventable = () => ({ preventDefault: vi.fn() });

describe('navigationRules', () => {
  const setup = () => {
    const openExternal = vi.fn();
    return { rules: navigationRules('app://workbench', openExternal), openExternal };
  };

  it("lets the page move within the app's own origin", () => {
    const { rules, openExternal } = setup();
    const event = preventable();
    rules.willNavigate(event, 'app://workbench/index.html#/reader');
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it.each(['https://news.example/story', 'file:///etc/passwd', 'javascript:alert(1)', 'app://other/index.html'])(
    'stops a link click to %s and hands it to the confirming opener (which decides what may open)',
    (url) => {
      const { rules, openExternal } = setup();
      const event = preventable();
      rules.willNavigate(event, url);
      expect(event.preventDefault).toHaveBeenCalled();
      expect(openExternal).toHaveBeenCalledWith(url);
    },
  );

  it('denies every new window and offers its address to the opener', () => {
    const { rules, openExternal } = setup();
    expect(rules.windowOpen({ url: 'https://news.example/' })).toEqual({ action: 'deny' });
    expect(rules.windowOpen({ url: 'app://workbench/index.html' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://news.example/');
  });

  it('stops redirects away from the app and every webview', () => {
    const { rules } = setup();
    const away = preventable();
    rules.willRedirect(away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const home = preventable();
    rules.willRedirect(home, 'app://workbench/index.html');
    expect(home.preventDefault).not.toHaveBeenCalled();
    const webview = preventable();
    rules.willAttachWebview(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });
});

describe('guardContents', () => {
  it('wires every rule to the web contents', () => {
    const listeners = new Map<string, (event: unknown, url?: string) => void>();
    let openHandler: ((details: { url: string }) => unknown) | null = null;
    const contents = {
      on: (name: string, listener: (event: unknown, url?: string) => void) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => (openHandler = handler),
    } as unknown as WebContents;
    const openExternal = vi.fn();
    guardContents(contents, navigationRules('app://workbench', openExternal));

    expect([...listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
    const click = preventable();
    listeners.get('will-navigate')!(click, 'https://news.example/');
    expect(click.preventDefault).toHaveBeenCalled();
    const subFrame = { ...preventable(), isMainFrame: false };
    listeners.get('will-frame-navigate')!(subFrame);
    expect(subFrame.preventDefault).toHaveBeenCalled();
    const mainFrame = { ...preventable(), isMainFrame: true };
    listeners.get('will-frame-navigate')!(mainFrame);
    expect(mainFrame.preventDefault).not.toHaveBeenCalled();
    expect(openHandler!({ url: 'https://news.example/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(2);
  });
});
