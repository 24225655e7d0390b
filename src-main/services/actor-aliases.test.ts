import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ALIASES } from '../../src-shared/domain/actor';
import { at, openTestProject } from './test-project';

const LONG = `The delegation ${'of very patient negotiators '.repeat(8)}arrived late.`;
const TEXT = `Minister Marrow spoke first. MINISTER MARROW spoke again.\n\n${LONG}\n\nThe Deputy Premier answered.`;
const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);

async function setup() {
  const { store, router, call } = await openTestProject();
  const article = await call('articles:create', { title: 'Talks', text: TEXT });
  const actor = async (id: string) => (await call('project:get', {})).actors.find((a) => a.id === id)!;
  const mentions = async () => (await call('articles:get', { id: article.id })).annotations.filter((a) => a.kind === 'actor');
  /** Every file of the project folder with its content, to prove a refusal wrote nothing. */
  const snapshot = async () => {
    const files: Record<string, string> = {};
    for (const entry of await readdir(store.directory, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name !== 'index.json') files[join(entry.parentPath, entry.name)] = await readFile(join(entry.parentPath, entry.name), 'utf8');
    }
    return files;
  };
  return { router, call, article, actor, mentions, snapshot };
}

describe('aliases from marked mentions', () => {
  it('marks the mention but adds no 201st alias', async () => {
    const { call, article, actor, mentions } = await setup();
    const marrow = await call('actors:create', { name: 'Ines Marrow', aliases: many('alias', MAX_ALIASES) });
    const mark = await call('annotations:create', { articleId: article.id, ...at(TEXT, 'Minister Marrow'), kind: 'actor', actorId: marrow.id });
    expect(mark).toMatchObject({ kind: 'actor', actorId: marrow.id, target: { exact: 'Minister Marrow' } });
    expect((await actor(marrow.id)).aliases).toEqual(many('alias', MAX_ALIASES));
    expect(await mentions()).toHaveLength(1);
    // A new actor created with a full list, marked in the same step, the same way.
    const full = await call('annotations:create', { articleId: article.id, ...at(TEXT, 'Deputy Premier'), kind: 'actor', newActor: { name: 'Tomas Vell', aliases: many('name', MAX_ALIASES) } });
    expect((await actor(full.actorId!)).aliases).toHaveLength(MAX_ALIASES);
    expect((await actor(full.actorId!)).aliases).not.toContain('Deputy Premier');
  });

  it('adds no alias from a selection longer than a name (250 characters) or across paragraphs', async () => {
    const { call, article, actor, mentions } = await setup();
    const marrow = await call('actors:create', { name: 'Ines Marrow' });
    expect(LONG.length).toBeGreaterThan(200);
    await call('annotations:create', { articleId: article.id, ...at(TEXT, LONG), kind: 'actor', actorId: marrow.id });
    const across = at(TEXT, 'again.\n\nThe delegation');
    await call('annotations:create', { articleId: article.id, ...across, kind: 'actor', actorId: marrow.id });
    expect((await actor(marrow.id)).aliases).toEqual([]);
    expect(await mentions()).toHaveLength(2);
    // A short one still becomes an alias.
    await call('annotations:create', { articleId: article.id, ...at(TEXT, 'Minister Marrow'), kind: 'actor', actorId: marrow.id });
    expect((await actor(marrow.id)).aliases).toEqual(['Minister Marrow']);
  });

  it('ignores an alias already known under another case or spacing', async () => {
    const { call, article, actor } = await setup();
    const marrow = await call('actors:create', { name: 'Ines Marrow', aliases: ['minister   marrow'] });
    expect(marrow.aliases).toEqual(['minister marrow']);
    await call('annotations:create', { articleId: article.id, ...at(TEXT, 'MINISTER MARROW'), kind: 'actor', actorId: marrow.id });
    await call('annotations:create', { articleId: article.id, ...at(TEXT, 'Minister Marrow'), kind: 'actor', actorId: marrow.id });
    expect((await actor(marrow.id)).aliases).toEqual(['minister marrow']);
  });

  it('refuses an explicit list over the limit with a message, changing nothing', async () => {
    const { router, call, actor } = await setup();
    const marrow = await call('actors:create', { name: 'Ines Marrow', aliases: many('alias', MAX_ALIASES) });
    const result = await router.handle('actors:update', { id: marrow.id, fields: { aliases: [...marrow.aliases, 'One more'] } });
    expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message: 'An actor can have at most 200 aliases: remove some before adding others.' } });
    expect((await actor(marrow.id)).aliases).toHaveLength(MAX_ALIASES);
  });
});

describe('actors:merge and the alias limit', () => {
  it('refuses a merge past the limit before moving anything: files and undo history unchanged', async () => {
    const { router, call, article, snapshot, mentions } = await setup();
    const survivor = await call('actors:create', { name: 'Ines Marrow', aliases: many('spelling', 150) });
    const merged = await call('actors:create', { name: 'Minister Marrow', aliases: many('other', 60) });
    await call('actors:accept-mentions', { actorId: merged.id, mentions: [{ articleId: article.id, ...at(TEXT, 'Minister Marrow') }] });
    const files = await snapshot();
    const history = await call('history:state', {});

    const result = await router.handle('actors:merge', { survivorId: survivor.id, mergedId: merged.id });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/^Merging would give “Ines Marrow” 211 aliases, more than the 200 an actor can have\. Remove some aliases .* Nothing was changed\.$/) },
    });
    expect(await snapshot()).toEqual(files);
    expect(await call('history:state', {})).toEqual(history);
    expect((await mentions()).map((m) => m.actorId)).toEqual([merged.id]);
    expect((await call('project:get', {})).actors).toHaveLength(2);
  });

  it('counts duplicates once, so a merge that fits after dropping them goes through', async () => {
    const { call } = await setup();
    const survivor = await call('actors:create', { name: 'Ines Marrow', aliases: many('spelling', 150) });
    const merged = await call('actors:create', { name: 'Minister Marrow', aliases: [...many('SPELLING', 100), ...many('other', 49)] });
    const result = await call('actors:merge', { survivorId: survivor.id, mergedId: merged.id });
    expect(result.aliases).toHaveLength(MAX_ALIASES);
    expect(result.aliases.slice(150, 152)).toEqual(['Minister Marrow', 'other 1']);
  });

  it('refuses a merge whose joined notes would be too long, before moving anything', async () => {
    const { router, call, snapshot } = await setup();
    const survivor = await call('actors:create', { name: 'Ines Marrow', note: 'a'.repeat(15_000) });
    const merged = await call('actors:create', { name: 'Minister Marrow', note: 'b'.repeat(15_000) });
    const files = await snapshot();
    const result = await router.handle('actors:merge', { survivorId: survivor.id, mergedId: merged.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('longer than 20,000 characters') } });
    expect(await snapshot()).toEqual(files);
  });
});
