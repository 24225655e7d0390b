import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ Menu: { buildFromTemplate: (template: MenuItemConstructorOptions[]) => template } }));
const { buildMenu } = await import('./menu');

const items = (template: unknown) => (template as MenuItemConstructorOptions[]).flatMap((item) => [item, ...((item.submenu as MenuItemConstructorOptions[] | undefined) ?? [])]);

describe('buildMenu', () => {
  it('offers reload and DevTools only in development', () => {
    const roles = (dev: boolean) => items(buildMenu(() => null, dev)).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it("sends the workbench's own commands to the window", () => {
    const send = vi.fn();
    const window = { webContents: { send } } as unknown as BrowserWindow;
    const undo = items(buildMenu(() => window, false)).find((item) => item.label === 'Undo')!;
    (undo.click as () => void)();
    expect(send).toHaveBeenCalledWith('menu:command', 'undo');
  });
});
