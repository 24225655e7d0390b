import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../../src-shared/contract';
import { createHandlers } from '../services';
import { ProjectStore } from '../store/project-store';
import { tempDir } from '../store/test-helpers';
import { createRouter } from './router';

const stores: ProjectStore[] = [];
afterEach(async () => Promise.all(stores.splice(0).map((s) => s.close())));

async function setup() {
  const dir = await tempDir();
  const store = await ProjectStore.open(dir);
  stores.push(store);
  const log = vi.fn();
  return { dir, store, log, router: createRouter(createHandlers(store), log) };
}

async function listing(dir: string): Promise<string[]> {
  return [...(await readdir(dir)), ...(await readdir(join(dir, 'articles'))).map((n) => `articles/${n}`)].sort();
}

/** Inputs no channel accepts: wrong types, unknown keys, hostile strings. */
const MALFORMED: unknown[] = [
  undefined,
  null,
  42,
  'articles',
  [],
  { id: 7 },
  { articleId: '../../etc/passwd', id: 'x', start: 0, end: 1 },
  { __proto__: { polluted: true }, unexpected: 'key' },
  { id: 'A'.repeat(500), title: 3, text: [], start: -1, end: 'x' },
];

describe('router', () => {
  it.each(channels)('refuses malformed input on %s and writes nothing', async (channel) => {
    const { dir, router } = await setup();
    const before = await listing(dir);
    for (const input of MALFORMED) {
      const result = await router.handle(channel, input);
      // project:info and articles:list take no input; only an object without extra keys is valid.
      expect(result.ok, `${channel} accepted ${JSON.stringify(input)}`).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid-input');
    }
    expect(await listing(dir)).toEqual(before);
  });

  it('answers an unknown channel with unknown-channel', async () => {
    const { router } = await setup();
    expect(await router.handle('articles:drop', {})).toEqual({
      ok: false,
      error: { code: 'unknown-channel', message: 'There is no API channel named "articles:drop".' },
    });
    expect((await router.handle('__proto__', {})).ok).toBe(false);
    expect((await router.handle('toString', {})).ok).toBe(false);
  });

  it('names the field in a validation message', async () => {
    const { router } = await setup();
    const result = await router.handle('articles:create', { title: '', text: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('Title is empty') } });
  });

  it('refuses an article over 5 MB and an empty one, writing nothing', async () => {
    const { dir, router } = await setup();
    const before = await listing(dir);
    const big = await router.handle('articles:create', { title: 'Big', text: 'a'.repeat(5 * 1024 * 1024 + 1) });
    expect(big).toMatchObject({ ok: false, error: { message: expect.stringContaining('larger than 5 MB') } });
    const empty = await router.handle('articles:create', { title: 'Empty', text: ' \n\t ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await listing(dir)).toEqual(before);
  });

  it('hides unexpected errors behind a generic message and logs them', async () => {
    const { router, log, store } = await setup();
    vi.spyOn(store, 'listSummaries').mockImplementation(() => {
      throw new Error('secret internals');
    });
    const result = await router.handle('articles:list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret internals');
    expect(log).toHaveBeenCalled();
  });

  it('refuses a string with half a character, naming the field, and writes nothing', async () => {
    const { dir, router } = await setup();
    const before = await listing(dir);
    const cases: [string, unknown, string][] = [
      ['articles:create', { title: 'Cut \uD83D', text: 'Fine text.' }, 'title'],
      ['articles:create', { title: 'Fine', text: 'Fine \uDE00 text.' }, 'text'],
      ['project:update-notes', { notes: '😀'.slice(0, 1) }, 'notes'],
      ['actors:create', { name: 'Vale', aliases: ['ok', 'broken \uD800'] }, 'aliases.1'],
      ['search:query', { query: '\uDC00' }, 'query'],
    ];
    for (const [channel, input, field] of cases) {
      const result = await router.handle(channel, input);
      expect(result, channel).toEqual({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(new RegExp(`^${field.replace('.', '\\.')} contains a broken character \\(an unpaired surrogate`)) } });
    }
    expect(await listing(dir)).toEqual(before);
    // Whole characters outside the basic range are welcome.
    expect(await router.handle('articles:create', { title: 'Emoji 😀', text: 'A 𠀋 and 😀.' })).toMatchObject({ ok: true });
  });

  it('says "Nothing was changed" after an unexpected error only when no file was written', async () => {
    const { router, store } = await setup();
    const created = await router.handle('articles:create', { title: 'T', text: 'One two.' });
    const id = (created as { value: { id: string } }).value.id;
    // Fails before the step reaches any write: provably unchanged.
    vi.spyOn(store, 'readArticle').mockRejectedValueOnce(new Error('disk hiccup'));
    const early = await router.handle('annotations:create', { articleId: id, start: 0, end: 3 });
    expect(early).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('Nothing was changed') } });
    // Fails after a change function returned (the store was on its way to writing): not provable.
    vi.spyOn(store, 'updateArticle').mockImplementationOnce(async (_id, change) => {
      change(structuredClone((await store.readArticle(id))!));
      throw new Error('write failed');
    });
    const late = await router.handle('annotations:create', { articleId: id, start: 0, end: 3 });
    expect(late).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('may or may not have been saved') } });
    expect(JSON.stringify(late)).not.toContain('Nothing was changed');
  });

  it('runs a valid call end to end', async () => {
    const { router } = await setup();
    const created = await router.handle('articles:create', { title: 'T', text: 'One.\r\nTwo.' });
    expect(created).toMatchObject({ ok: true, value: { title: 'T', text: 'One.\n\nTwo.' } });
    const list = await router.handle('articles:list', {});
    expect(list).toMatchObject({ ok: true, value: [{ title: 'T', wordCount: 2 }] });
  });
});
