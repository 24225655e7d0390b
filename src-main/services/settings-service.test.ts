import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings, FALLBACK_AUTHOR_NAME } from '../app/app-settings';
import { AppSettingsStore, SETTINGS_FILE } from '../store/app-settings-store';
import { tempDir } from '../store/test-helpers';
import { openTestProject } from './test-project';

describe('settings:get and settings:update', () => {
  it('answer the analyst, change who later changes are recorded as, and survive a restart', async () => {
    const path = join(await tempDir('settings-'), SETTINGS_FILE);
    const settings = await AppSettingsStore.open(path, { author: { name: 'ana' } });
    const { call } = await openTestProject(undefined, { settings });
    expect(await call('settings:get', {})).toEqual({ author: { name: 'ana' }, problem: null });
    const before = await call('tags:create', { name: 'Before' });
    expect(before.createdBy).toEqual({ name: 'ana' });

    expect(await call('settings:update', { name: '  Lena Marsh ', email: ' lena@example.org ' })).toEqual({ author: { name: 'Lena Marsh', email: 'lena@example.org' }, problem: null });
    const after = await call('tags:create', { name: 'After' });
    expect(after.createdBy).toEqual({ name: 'Lena Marsh', email: 'lena@example.org' });
    // Nothing already recorded is rewritten.
    expect((await call('project:get', {})).tags.find((t) => t.id === before.id)?.createdBy).toEqual({ name: 'ana' });
    // Not an undoable step of the project.
    expect((await call('history:state', {})).undo).toBe('Add tag After');

    // An empty email removes it.
    await call('settings:update', { name: 'Lena Marsh', email: '' });
    expect((await AppSettingsStore.open(path, { author: { name: 'x' } })).get()).toEqual({ author: { name: 'Lena Marsh' } });
  });

  it.each([
    [{ name: '' }, 'Your name is empty'],
    [{ name: '    ' }, 'Your name is empty'],
    [{ name: 'x'.repeat(101) }, 'Your name is longer than 100 characters'],
    [{ name: 'Lena', email: 'lena' }, 'Email must look like name@example.org'],
    [{ name: 'Lena', email: 'lena@example' }, 'Email must look like name@example.org'],
    [{ name: 'Lena', extra: true }, 'extra'],
  ])('refuses %j with invalid-input saying what is wrong, and keeps the settings', async (input, message) => {
    const { router, call } = await openTestProject();
    const result = await router.handle('settings:update', input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.message).toContain(message);
    expect((await call('settings:get', {})).author).toEqual({ name: 'Analyst' });
  });

  it('accepts a name of exactly 100 characters', async () => {
    const { call } = await openTestProject();
    expect((await call('settings:update', { name: 'x'.repeat(100) })).author.name).toHaveLength(100);
  });
});

describe('defaultSettings', () => {
  it('names the analyst after the system user, or "Analyst" when there is none', () => {
    expect(defaultSettings(() => 'ana').author).toEqual({ name: 'ana' });
    expect(defaultSettings(() => '').author.name).toBe(FALLBACK_AUTHOR_NAME);
    expect(
      defaultSettings(() => {
        throw new Error('no user');
      }).author.name,
    ).toBe(FALLBACK_AUTHOR_NAME);
    expect(defaultSettings(() => 'y'.repeat(300)).author.name).toBe(FALLBACK_AUTHOR_NAME);
  });
});
