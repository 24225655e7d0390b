import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { installPermissionHandlers, isPermissionGranted, permissionCheckHandler, permissionRequestHandler } from './permissions';

describe('permissions', () => {
  it('grants writing text to the clipboard to the app itself only', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://workbench/index.html', 'app://workbench')).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.example/', 'app://workbench')).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', undefined, 'app://workbench')).toBe(false);
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem', 'hid', 'serial', 'usb'])('refuses %s, even to the app', (permission) => {
    expect(isPermissionGranted(permission, 'app://workbench/index.html', 'app://workbench')).toBe(false);
  });

  it('answers requests through the callback and checks directly', () => {
    const callback = vi.fn();
    permissionRequestHandler('app://workbench')(null, 'media', callback, { requestingUrl: 'app://workbench/index.html' });
    expect(callback).toHaveBeenCalledWith(false);
    permissionRequestHandler('app://workbench')(null, 'clipboard-sanitized-write', callback, { requestingUrl: 'app://workbench/index.html' });
    expect(callback).toHaveBeenLastCalledWith(true);
    expect(permissionCheckHandler('app://workbench')(null, 'clipboard-sanitized-write', 'app://workbench')).toBe(true);
    expect(permissionCheckHandler('app://workbench')(null, 'geolocation', 'app://workbench')).toBe(false);
  });

  it('installs all three handlers on the session, devices refused', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
    installPermissionHandlers(session as unknown as Session, 'app://workbench');
    expect(session.setPermissionRequestHandler).toHaveBeenCalledWith(expect.any(Function));
    expect(session.setPermissionCheckHandler).toHaveBeenCalledWith(expect.any(Function));
    const device = session.setDevicePermissionHandler.mock.calls[0]![0] as () => boolean;
    expect(device()).toBe(false);
  });
});
