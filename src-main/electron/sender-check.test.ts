import { describe, expect, it } from 'vitest';
import { originOf } from './origin';
import { isTrustedSender } from './sender-check';

const contents = {};
const window = { webContents: contents };
const from = (url: string, parent: unknown = null, sender: unknown = contents) => ({ sender, senderFrame: { url, parent } });

describe('originOf', () => {
  it("gives scheme and host for the app's own scheme, where URL.origin says 'null'", () => {
    expect(new URL('app://workbench/index.html').origin).toBe('null');
    expect(originOf('app://workbench/index.html#/reader')).toBe('app://workbench');
  });

  it('keeps the port, and has no origin for addresses without a host', () => {
    expect(originOf('http://localhost:5173/src/index.html')).toBe('http://localhost:5173');
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('javascript:alert(1)')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});

describe('isTrustedSender', () => {
  it("trusts the main frame of the app's window showing the app", () => {
    expect(isTrustedSender(from('app://workbench/index.html'), window, 'app://workbench')).toBe(true);
    expect(isTrustedSender(from('http://localhost:5173/'), window, 'http://localhost:5173')).toBe(true);
  });

  it('refuses look-alike origins, other ports, sub-frames, other windows and no window', () => {
    expect(isTrustedSender(from('app://workbench.evil/index.html'), window, 'app://workbench')).toBe(false);
    expect(isTrustedSender(from('app://evil/index.html'), window, 'app://workbench')).toBe(false);
    expect(isTrustedSender(from('http://localhost:5174/'), window, 'http://localhost:5173')).toBe(false);
    expect(isTrustedSender(from('app://workbench/index.html', {}), window, 'app://workbench')).toBe(false);
    expect(isTrustedSender(from('app://workbench/index.html', null, {}), window, 'app://workbench')).toBe(false);
    expect(isTrustedSender(from('app://workbench/index.html'), null, 'app://workbench')).toBe(false);
    expect(isTrustedSender({ sender: contents, senderFrame: null }, window, 'app://workbench')).toBe(false);
  });
});
