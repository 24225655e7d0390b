import { describe, expect, it } from 'vitest';
import { parseLaunchArgs } from './cli-args';
import { defaultProjectDir, defaultUserDataDir } from './project-location';

describe('parseLaunchArgs', () => {
  it('reads --project and --port in both spellings, resolving the folder', () => {
    expect(parseLaunchArgs(['--project', 'data', '--port=0'], '/home/a')).toEqual({ project: '/home/a/data', port: 0 });
    expect(parseLaunchArgs(['--project=/abs', '--port', '8080'])).toEqual({ project: '/abs', port: 8080 });
  });

  it('ignores switches that Electron and Chromium add', () => {
    expect(parseLaunchArgs(['out/main/index.js', '--inspect=0', '--remote-debugging-port=0'])).toEqual({});
  });

  it('refuses a missing value or a bad port', () => {
    expect(() => parseLaunchArgs(['--project'])).toThrow('--project needs a value');
    expect(() => parseLaunchArgs(['--port', '99999'])).toThrow('--port must be a number');
    expect(() => parseLaunchArgs(['--port', 'abc'])).toThrow('--port must be a number');
  });
});

describe('default project location', () => {
  it('matches where Electron keeps userData on each system', () => {
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe('/x/Analyst Workbench');
    expect(defaultUserDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('Analyst Workbench');
    expect(defaultUserDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/Analyst Workbench$/);
    expect(defaultProjectDir('/x/Analyst Workbench')).toBe('/x/Analyst Workbench/project');
  });
});
