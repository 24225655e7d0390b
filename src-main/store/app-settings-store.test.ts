import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppSettingsStore, SETTINGS_FILE } from './app-settings-store';
import { tempDir } from './test-helpers';

const DEFAULTS = { author: { name: 'ana' } };

describe('AppSettingsStore', () => {
  it('starts from the defaults without writing anything when there is no file (the first start asks nothing)', async () => {
    const dir = await tempDir('settings-');
    const settings = await AppSettingsStore.open(join(dir, SETTINGS_FILE), DEFAULTS);
    expect(settings.get()).toEqual(DEFAULTS);
    expect(settings.problem).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  it('saves durably and reads back what was saved after a restart, creating the folder if needed', async () => {
    const dir = join(await tempDir('settings-'), 'Analyst Workbench');
    const path = join(dir, SETTINGS_FILE);
    const settings = await AppSettingsStore.open(path, DEFAULTS);
    await settings.update({ author: { name: 'Lena Marsh', email: 'lena@example.org' } });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ schemaVersion: 1, author: { name: 'Lena Marsh', email: 'lena@example.org' } });
    // No temporary file is left behind.
    expect(await readdir(dir)).toEqual([SETTINGS_FILE]);
    const again = await AppSettingsStore.open(path, DEFAULTS);
    expect(again.get().author).toEqual({ name: 'Lena Marsh', email: 'lena@example.org' });
  });

  it('refuses invalid settings without changing what is kept', async () => {
    const dir = await tempDir('settings-');
    const settings = await AppSettingsStore.open(join(dir, SETTINGS_FILE), DEFAULTS);
    expect(() => settings.update({ author: { name: '   ' } })).toThrow();
    expect(settings.get()).toEqual(DEFAULTS);
  });

  it('keeps a failed save from changing the settings in memory', async () => {
    const dir = await tempDir('settings-');
    const settings = await AppSettingsStore.open(join(dir, SETTINGS_FILE), DEFAULTS);
    // A folder where the file should be: the rename over it fails.
    await mkdir(join(dir, SETTINGS_FILE));
    await expect(settings.update({ author: { name: 'Lena' } })).rejects.toThrow();
    expect(settings.get()).toEqual(DEFAULTS);
  });

  it.each([
    ['not JSON', '{"author": {"name": "Le'],
    ['the wrong shape', JSON.stringify({ schemaVersion: 1, author: { name: '' } })],
    ['a newer format', JSON.stringify({ schemaVersion: 99, author: { name: 'Lena' } })],
  ])('sets a damaged file (%s) aside, keeps it, says so, and starts from the defaults', async (_case, content) => {
    const dir = await tempDir('settings-');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, SETTINGS_FILE), content);
    const settings = await AppSettingsStore.open(join(dir, SETTINGS_FILE), DEFAULTS);
    expect(settings.get()).toEqual(DEFAULTS);
    expect(settings.problem).toMatch(/settings\.json could not be read .* It was kept as settings\.json\.damaged-.*Your settings were reset: check your name in Settings/);
    const kept = (await readdir(dir)).filter((name) => name.startsWith(`${SETTINGS_FILE}.damaged-`));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(dir, kept[0]!), 'utf8')).toBe(content);
  });
});

describe('AppSettingsStore start-up', () => {
  it('starts with the defaults and a problem, never a failure, when the folder cannot be read', async () => {
    const dir = await tempDir('settings-');
    await writeFile(join(dir, 'blocked'), 'a file where the folder should be');
    const settings = await AppSettingsStore.open(join(dir, 'blocked', SETTINGS_FILE), DEFAULTS);
    expect(settings.get()).toEqual(DEFAULTS);
    expect(settings.problem).toMatch(/^Your settings could not be read \(ENOTDIR/);
  });
});
