import { describe, expect, it } from 'vitest';
import type { Channel } from '../../src-shared/contract';
import { at, openTestProject } from './test-project';


const SUMMIT = 'Leaders of Valdoria and Ostrava met in Kessel.\n\nThe summit ended without a joint statement on grain exports.';
const SANCTIONS = 'Ostrava announced new sanctions on Valdorian banks after the summit collapsed.';


async function setup() {
  const { router, call } = await openTestProject(() => new Date('2026-03-01T10:00:00Z'));
  const tags = async () => (await call('project:get', {})).tags;
  const tagsOn = async (articleId: string) => (await call('articles:get', { id: articleId })).annotations.map((a) => a.tags);
  return { router, call, tags, tagsOn };
}

describe('tags', () => {
  it('refuses a second tag with the same name (ignoring case) or the same hotkey', async () => {
    const { router, call, tags } = await setup();
    const diplomacy = await call('tags:create', { name: 'Diplomacy', hotkey: 1 });
    const military = await call('tags:create', { name: 'Military', hotkey: 2 });
    const cases: [Channel, unknown][] = [
      ['tags:create', { name: 'DIPLOMACY' }],
      ['tags:create', { name: ' diplomacy ' }],
      ['tags:create', { name: 'Economy', hotkey: 1 }],
      ['tags:update', { id: military.id, fields: { name: 'diplomacy' } }],
      ['tags:update', { id: military.id, fields: { hotkey: 1 } }],
    ];
    for (const [channel, input] of cases) {
      expect(await router.handle(channel, input), JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    }
    expect((await tags()).map((t) => [t.name, t.hotkey])).toEqual([
      ['Diplomacy', 1],
      ['Military', 2],
    ]);
    // Renaming a tag to a different case of its own name is not a clash.
    expect(await call('tags:update', { id: diplomacy.id, fields: { name: 'diplomacy', hotkey: 1 } })).toMatchObject({ name: 'diplomacy' });
  });

  it('refuses to nest a tag under itself or one of its descendants', async () => {
    const { router, call, tags } = await setup();
    const conflict = await call('tags:create', { name: 'Conflict' });
    const military = await call('tags:create', { name: 'Military', parentId: conflict.id });
    const troops = await call('tags:create', { name: 'Troop movements', parentId: military.id });
    for (const parentId of [conflict.id, troops.id]) {
      const result = await router.handle('tags:update', { id: conflict.id, fields: { parentId } });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(await router.handle('tags:update', { id: troops.id, fields: { parentId: 'no-such-tag' } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await tags()).map((t) => t.parentId)).toEqual([null, conflict.id, military.id]);
  });

  it('merges usage into the survivor, dedupes annotations that had both, and moves children', async () => {
    const { call, tags, tagsOn } = await setup();
    const summit = await call('articles:create', { title: 'Summit', text: SUMMIT });
    const sanctions = await call('articles:create', { title: 'Sanctions', text: SANCTIONS });
    const economy = await call('tags:create', { name: 'Economy' });
    const trade = await call('tags:create', { name: 'Trade', hotkey: 4 });
    const grain = await call('tags:create', { name: 'Grain', parentId: trade.id });
    await call('annotations:create', { articleId: summit.id, ...at(SUMMIT, 'grain exports'), tags: [economy.id, trade.id] });
    await call('annotations:create', { articleId: summit.id, ...at(SUMMIT, 'joint statement'), tags: [trade.id, grain.id] });
    await call('annotations:create', { articleId: sanctions.id, ...at(SANCTIONS, 'new sanctions'), tags: [trade.id] });

    const survivor = await call('tags:merge', { survivorId: economy.id, mergedId: trade.id });
    expect(survivor).toMatchObject({ id: economy.id, name: 'Economy', hotkey: 4 });
    expect(await tagsOn(summit.id)).toEqual([[economy.id], [economy.id, grain.id]]);
    expect(await tagsOn(sanctions.id)).toEqual([[economy.id]]);
    expect((await tags()).map((t) => [t.name, t.parentId, t.usageCount])).toEqual([
      ['Economy', null, 3],
      ['Grain', economy.id, 1],
    ]);
  });

  // Regression (fixed): tags-service.ts:49 re-parents the merged tag's children under the survivor even when the
  // survivor descends from the merged tag (survivor -> child -> merged), leaving child <-> survivor a
  // cycle; checkTag (tags-service.ts:89) then loops forever on any tag nested under it.
  it('does not leave a parent cycle when the survivor was nested under the merged tag', async () => {
    const { call, tags } = await setup();
    const merged = await call('tags:create', { name: 'Conflict' });
    const child = await call('tags:create', { name: 'Military', parentId: merged.id });
    const survivor = await call('tags:create', { name: 'Armed conflict', parentId: child.id });
    await call('tags:merge', { survivorId: survivor.id, mergedId: merged.id });
    const parents = new Map((await tags()).map((t) => [t.id, t.parentId]));
    const seen = new Set<string>();
    for (let id: string | null | undefined = survivor.id; id; id = parents.get(id)) {
      expect(seen.has(id), 'parent cycle').toBe(false);
      seen.add(id);
    }
  });

  it('deletes a tag from every annotation and moves its children up a level', async () => {
    const { call, tags, tagsOn } = await setup();
    const summit = await call('articles:create', { title: 'Summit', text: SUMMIT });
    const sanctions = await call('articles:create', { title: 'Sanctions', text: SANCTIONS });
    const politics = await call('tags:create', { name: 'Politics' });
    const diplomacy = await call('tags:create', { name: 'Diplomacy', parentId: politics.id });
    const summits = await call('tags:create', { name: 'Summits', parentId: diplomacy.id });
    await call('annotations:create', { articleId: summit.id, ...at(SUMMIT, 'Leaders'), tags: [diplomacy.id, summits.id] });
    await call('annotations:create', { articleId: summit.id, ...at(SUMMIT, 'grain exports') });
    await call('annotations:create', { articleId: sanctions.id, ...at(SANCTIONS, 'summit collapsed'), tags: [diplomacy.id] });
    expect((await tags()).find((t) => t.id === diplomacy.id)?.usageCount).toBe(2);

    expect(await call('tags:delete', { id: diplomacy.id })).toEqual({ id: diplomacy.id, annotationsChanged: 2 });
    expect(await tagsOn(summit.id)).toEqual([[summits.id], []]);
    expect(await tagsOn(sanctions.id)).toEqual([[]]);
    expect((await tags()).map((t) => [t.name, t.parentId, t.usageCount])).toEqual([
      ['Politics', null, 0],
      ['Summits', politics.id, 1],
    ]);
  });

  // Regression (fixed): tagFieldsSchema.partial() keeps zod defaults (contract.ts:190, tags:update), so renaming a tag resets its
  // colour to #f2c94c and drops its parent and hotkey.
  it('changes only the fields given', async () => {
    const { call } = await setup();
    const parent = await call('tags:create', { name: 'Conflict' });
    const tag = await call('tags:create', { name: 'Military', color: '#3366cc', parentId: parent.id, hotkey: 3 });
    const updated = await call('tags:update', { id: tag.id, fields: { name: 'Armed forces' } });
    expect(updated).toEqual({ ...tag, name: 'Armed forces' });
  });
});
