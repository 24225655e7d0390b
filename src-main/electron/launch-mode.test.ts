import { describe, expect, it } from 'vitest';
import { createWindowOptions, resolveLaunchMode } from './launch-mode';

const devServer = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };

describe('resolveLaunchMode', () => {
  it('serves the built app from app:// by default, without development tools', () => {
    expect(resolveLaunchMode({}, ['electron', 'out/main/index.js'], false)).toEqual({ dev: false, startUrl: 'app://workbench/index.html', appOrigin: 'app://workbench' });
  });

  it('ignores ELECTRON_RENDERER_URL without the development flag, and says so', () => {
    const mode = resolveLaunchMode(devServer, ['electron', '.'], false);
    expect(mode).toMatchObject({ dev: false, startUrl: 'app://workbench/index.html', appOrigin: 'app://workbench' });
    expect(mode.ignoredDevServer).toMatch(/--dev/);
  });

  it('uses the dev server with --dev or WORKBENCH_DEV=1', () => {
    expect(resolveLaunchMode(devServer, ['electron', '.', '--dev'], false)).toEqual({ dev: true, startUrl: 'http://localhost:5173', appOrigin: 'http://localhost:5173' });
    expect(resolveLaunchMode({ ...devServer, WORKBENCH_DEV: '1' }, ['electron', '.'], false)).toMatchObject({ dev: true, appOrigin: 'http://localhost:5173' });
    expect(resolveLaunchMode({ ...devServer, WORKBENCH_DEV: 'true' }, ['electron', '.'], false)).toMatchObject({ dev: false });
  });

  it('never enters development in a packaged app, whatever the flags', () => {
    const mode = resolveLaunchMode({ ...devServer, WORKBENCH_DEV: '1' }, ['Analyst Workbench', '--dev'], true);
    expect(mode).toMatchObject({ dev: false, appOrigin: 'app://workbench' });
    expect(mode.ignoredDevServer).toMatch(/packaged/);
  });

  it.each(['https://evil.example:5173', 'http://192.168.1.5:5173', 'file:///tmp/index.html', 'not a url'])('refuses a dev server that is not on this machine: %s', (url) => {
    const mode = resolveLaunchMode({ ELECTRON_RENDERER_URL: url }, ['--dev'], false);
    expect(mode).toMatchObject({ dev: true, startUrl: 'app://workbench/index.html', appOrigin: 'app://workbench' });
    expect(mode.ignoredDevServer).toMatch(/localhost/);
  });
});

describe('createWindowOptions', () => {
  it('locks the window down and turns DevTools off outside development', () => {
    const options = createWindowOptions(resolveLaunchMode(devServer, [], false), '/app/out/preload/index.js');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
  });

  it('keeps the same lock-down in development, with DevTools on', () => {
    const options = createWindowOptions(resolveLaunchMode(devServer, ['--dev'], false), '/p.js');
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: true });
  });
});
