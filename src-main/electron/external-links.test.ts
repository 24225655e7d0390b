import type { BrowserWindow, MessageBoxOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createExternalOpener, externalAddress } from './external-links';

function setup(response: number) {
  const window = {} as BrowserWindow;
  const showMessageBox = vi.fn(async (_window: BrowserWindow | null, _options: MessageBoxOptions) => ({ response, checkboxChecked: false }));
  const openExternal = vi.fn(async (_url: string) => undefined);
  const open = createExternalOpener({ showMessageBox, openExternal, getWindow: () => window });
  return { open, showMessageBox, openExternal, window };
}

describe('externalAddress', () => {
  it('accepts http, https and mailto, normalised as they would be opened', () => {
    expect(externalAddress('https://news.example/story?id=1#p2')).toBe('https://news.example/story?id=1#p2');
    expect(externalAddress('HTTP://News.Example')).toBe('http://news.example/');
    expect(externalAddress('mailto:desk@news.example')).toBe('mailto:desk@news.example');
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://workbench/index.html',
    'ms-settings:privacy',
    'smb://server/share',
    'https://bank.example@evil.example/',
    'https://user:pass@news.example/',
    'mailto:',
    'not a url',
    `https://news.example/${'a'.repeat(3000)}`,
  ])('refuses %s', (url) => {
    expect(externalAddress(url)).toBeNull();
  });
});

describe('createExternalOpener', () => {
  it('opens the address after the user confirms a dialog showing it in full', async () => {
    const { open, showMessageBox, openExternal, window } = setup(1);
    const url = 'https://news.example/2024/05/vale-tax-cut?utm_source=x';
    expect(await open(url)).toBe('opened');
    const [parent, options] = showMessageBox.mock.calls[0]!;
    expect(parent).toBe(window);
    expect(options.detail).toBe(url);
    expect(options.buttons).toEqual(['Cancel', 'Open in browser']);
    expect(options.cancelId).toBe(0);
    expect(options.defaultId).toBe(0);
    expect(openExternal).toHaveBeenCalledWith(url);
  });

  it('opens nothing when the user cancels', async () => {
    const { open, openExternal } = setup(0);
    expect(await open('https://news.example/')).toBe('cancelled');
    expect(openExternal).not.toHaveBeenCalled();
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share'])('never asks about or opens %s', async (url) => {
    const { open, showMessageBox, openExternal } = setup(1);
    expect(await open(url)).toBe('refused');
    expect(showMessageBox).not.toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('asks about a mail address as an email', async () => {
    const { open, showMessageBox, openExternal } = setup(1);
    expect(await open('mailto:desk@news.example?subject=Hi')).toBe('opened');
    expect(showMessageBox.mock.calls[0]![1].buttons).toEqual(['Cancel', 'Write email']);
    expect(openExternal).toHaveBeenCalledWith('mailto:desk@news.example?subject=Hi');
  });

  it('ignores further requests while a question is open, so dialogs cannot pile up', async () => {
    const { open, showMessageBox, openExternal } = setup(1);
    let answer: (value: { response: number; checkboxChecked: boolean }) => void = () => undefined;
    showMessageBox.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const first = open('https://one.example/');
    expect(await open('https://two.example/')).toBe('busy');
    answer({ response: 1, checkboxChecked: false });
    expect(await first).toBe('opened');
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(await open('https://three.example/')).toBe('opened');
  });
});
