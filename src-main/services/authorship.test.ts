import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Author } from '../../src-shared/domain/author';
import { createRouter } from '../api/router';
import { ProjectStore } from '../store/project-store';
import { tempDir } from '../store/test-helpers';
import { createHandlers } from '.';
import { at, openTestProject } from './test-project';

const LENA: Author = { name: 'Lena Marsh', email: 'lena@example.org' };
const OMAR: Author = { name: 'Omar Haddad' };
const TEXT = 'Foreign Minister Arno Veldt said the ceasefire would hold.\n\nThe ministry later denied it.';

/** A project whose current analyst a test can switch, as the Settings dialog would. */
async function teamProject() {
  let current = LENA;
  let clock = Date.parse('2026-12-02T14:00:00Z');
  const project = await openTestProject(() => new Date((clock += 60_000)), { author: () => current });
  return { ...project, as: (author: Author) => (current = author) };
}

describe('who created and last changed an item', () => {
  it('stamps annotations on create, update and re-attach, and undo restores who changed it', async () => {
    const { call, as } = await teamProject();
    const article = await call('articles:create', { title: 'Truce', text: TEXT });
    const created = await call('annotations:create', { articleId: article.id, ...at(TEXT, 'the ceasefire would hold'), kind: 'highlight' });
    expect([created.createdBy, created.updatedBy]).toEqual([LENA, LENA]);

    as(OMAR);
    const updated = await call('annotations:update', { articleId: article.id, id: created.id, patch: { note: 'Check the date.' } });
    expect([updated.createdBy, updated.updatedBy]).toEqual([LENA, OMAR]);
    expect(updated.updatedAt > updated.createdAt).toBe(true);

    await call('history:undo', {});
    const [afterUndo] = (await call('articles:get', { id: article.id })).annotations;
    expect([afterUndo!.note, afterUndo!.updatedBy, afterUndo!.updatedAt]).toEqual(['', LENA, created.updatedAt]);
    await call('history:redo', {});
    expect((await call('articles:get', { id: article.id })).annotations[0]!.updatedBy).toEqual(OMAR);

    as(LENA);
    const reattached = await call('annotations:reattach', { articleId: article.id, id: created.id, ...at(TEXT, 'The ministry later denied it.') });
    expect([reattached.createdBy, reattached.updatedBy]).toEqual([LENA, LENA]);
  });

  it('stamps articles on create, metadata edits and text edits, and imported articles with the current analyst', async () => {
    const { call, as } = await teamProject();
    const article = await call('articles:create', { title: 'Truce', text: TEXT });
    expect([article.createdBy, article.updatedBy]).toEqual([LENA, LENA]);
    as(OMAR);
    const renamed = await call('articles:update', { id: article.id, patch: { title: 'Truce holds' } });
    expect([renamed.createdBy, renamed.updatedBy]).toEqual([LENA, OMAR]);
    as(LENA);
    const edited = await call('articles:update-text', { id: article.id, text: `${TEXT} Later.` });
    expect(edited.article.updatedBy).toEqual(LENA);

    as(OMAR);
    const { results } = await call('import:commit', { items: [{ title: 'Imported', text: 'An imported text.', fileName: 'a.txt', format: 'txt' }] });
    const imported = results[0]!;
    if (!imported.ok) throw new Error(imported.message);
    const stored = await call('articles:get', { id: imported.id });
    expect([stored.article.createdBy, stored.article.updatedBy]).toEqual([OMAR, OMAR]);
    // Summaries carry it too (the library can show it without reading the text).
    expect((await call('articles:list', {})).find((s) => s.id === imported.id)?.createdBy).toEqual(OMAR);
  });

  it('stamps actors on create, update, merge and when a mention adds an alias; mentions accepted in bulk too', async () => {
    const { call, as } = await teamProject();
    const article = await call('articles:create', { title: 'Truce', text: TEXT });
    const veldt = await call('actors:create', { name: 'Arno Veldt' });
    const ministry = await call('actors:create', { name: 'The ministry' });
    expect([veldt.createdBy, veldt.updatedBy]).toEqual([LENA, LENA]);

    as(OMAR);
    const edited = await call('actors:update', { id: veldt.id, fields: { description: 'Foreign Minister' } });
    expect([edited.createdBy, edited.updatedBy]).toEqual([LENA, OMAR]);

    as(LENA);
    // Marking "Foreign Minister" as Veldt adds it as an alias: a change to the actor by Lena.
    const mention = await call('annotations:create', { articleId: article.id, ...at(TEXT, 'Foreign Minister'), kind: 'actor', actorId: veldt.id });
    expect(mention.createdBy).toEqual(LENA);
    let project = await call('project:get', {});
    expect(project.actors.find((a) => a.id === veldt.id)).toMatchObject({ aliases: ['Foreign Minister'], updatedBy: LENA });

    as(OMAR);
    const inline = await call('annotations:create', { articleId: article.id, ...at(TEXT, 'ministry'), kind: 'actor', newActor: { name: 'Ministry of Foreign Affairs' } });
    project = await call('project:get', {});
    expect(project.actors.find((a) => a.id === inline.actorId)).toMatchObject({ createdBy: OMAR, updatedBy: OMAR });

    const found = await call('actors:find-mentions', { actorId: veldt.id, articleId: article.id });
    expect(found.length).toBeGreaterThan(0);
    await call('actors:accept-mentions', { actorId: veldt.id, mentions: found.map((m) => ({ articleId: article.id, start: m.start, end: m.end })) });
    const accepted = (await call('articles:get', { id: article.id })).annotations.filter((a) => a.kind === 'actor' && a.actorId === veldt.id && a.id !== mention.id);
    expect(accepted.map((a) => a.createdBy)).toEqual(found.map(() => OMAR));

    const survivor = await call('actors:merge', { survivorId: ministry.id, mergedId: inline.actorId! });
    expect([survivor.createdBy, survivor.updatedBy]).toEqual([LENA, OMAR]);
  });

  it('stamps tags with times and authors on create, update and merge', async () => {
    const { call, as } = await teamProject();
    const tag = await call('tags:create', { name: 'Ceasefire' });
    const other = await call('tags:create', { name: 'Truce' });
    expect(tag).toMatchObject({ createdBy: LENA, updatedBy: LENA, createdAt: tag.updatedAt });
    as(OMAR);
    const renamed = await call('tags:update', { id: tag.id, fields: { name: 'Ceasefires' } });
    expect([renamed.createdBy, renamed.updatedBy]).toEqual([LENA, OMAR]);
    expect(renamed.updatedAt! > renamed.createdAt!).toBe(true);
    as(LENA);
    const merged = await call('tags:merge', { survivorId: other.id, mergedId: tag.id });
    expect([merged.createdBy, merged.updatedBy]).toEqual([LENA, LENA]);
  });

  it('refuses an author given by the caller: createdBy is not an input', async () => {
    const { router } = await teamProject();
    const result = await router.handle('tags:create', { name: 'Forged', createdBy: OMAR });
    expect(result.ok).toBe(false);
  });

  it('keeps the creator named in a W3C file on import, and records the importing analyst otherwise', async () => {
    const { call, as } = await teamProject();
    const article = await call('articles:create', { title: 'Truce', text: TEXT });
    const a = await call('annotations:create', { articleId: article.id, ...at(TEXT, 'the ceasefire would hold'), kind: 'highlight' });
    await call('annotations:create', { articleId: article.id, ...at(TEXT, 'The ministry later denied it.'), kind: 'highlight' });
    const { json } = await call('export:w3c', { scope: { kind: 'project' } });
    const file = JSON.parse(json) as { first: { items: { id: string; creator?: unknown }[] } };
    // One annotation loses its creator (as from a tool that writes none); both are removed and imported again.
    delete file.first.items.find((i) => i.id !== `urn:uuid:${a.id}`)!.creator;
    for (const item of (await call('articles:get', { id: article.id })).annotations) await call('annotations:delete', { articleId: article.id, id: item.id });
    as(OMAR);
    const outcome = await call('import:w3c', { json: JSON.stringify(file) });
    expect(outcome.imported).toBe(2);
    const back = (await call('articles:get', { id: article.id })).annotations;
    expect(back.find((x) => x.id === a.id)).toMatchObject({ createdBy: LENA, updatedBy: LENA });
    expect(back.find((x) => x.id !== a.id)).toMatchObject({ createdBy: OMAR, updatedBy: OMAR });
  });
});

function annotationCreatedAt(file: { annotations: { createdAt: string }[] }): string {
  return file.annotations[0]!.createdAt;
}

/** Removes the authorship fields (and tags' times) from every object, as files written before this change. */
function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === 'object') {
    const { createdBy: _c, updatedBy: _u, ...rest } = value as Record<string, unknown>;
    return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, strip(v)]));
  }
  return value;
}

describe('projects written before authorship was recorded', () => {
  it('open as they are; a later change names who made it and leaves the creator unknown', async () => {
    const directory = await tempDir();
    const store = await ProjectStore.open(directory);
    const call = async (channel: string, input: unknown) => {
      const result = await createRouter(createHandlers(store), () => undefined).handle(channel, input);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as { id: string };
    };
    const article = await call('articles:create', { title: 'Old', text: TEXT });
    const annotation = await call('annotations:create', { articleId: article.id, ...at(TEXT, 'the ceasefire would hold') });
    await call('actors:create', { name: 'Arno Veldt' });
    const { tags } = { tags: [await call('tags:create', { name: 'Old tag' })] };
    await store.close();
    // Rewrite the files as an older version wrote them: no createdBy/updatedBy anywhere, tags without times.
    const projectFile = JSON.parse(await readFile(join(directory, 'project.json'), 'utf8')) as { tags: Record<string, unknown>[] };
    const old = strip(projectFile) as typeof projectFile;
    for (const tag of old.tags) {
      delete tag.createdAt;
      delete tag.updatedAt;
    }
    await writeFile(join(directory, 'project.json'), JSON.stringify(old));
    for (const name of await readdir(join(directory, 'articles'))) {
      const path = join(directory, 'articles', name);
      await writeFile(path, JSON.stringify(strip(JSON.parse(await readFile(path, 'utf8')))));
    }
    await rm(join(directory, 'index.json'), { force: true });
    expect(await readFile(join(directory, 'project.json'), 'utf8')).not.toContain('createdBy');

    const { call: call2, store: reopened } = await openTestProject(() => new Date('2026-12-02T15:00:00Z'), { directory, author: () => OMAR });
    expect(reopened.problems).toEqual([]);
    const read = await call2('articles:get', { id: article.id });
    expect(read.article.createdBy).toBeUndefined();
    expect(read.annotations[0]!.createdBy).toBeUndefined();
    const project = await call2('project:get', {});
    expect(project.actors[0]!.createdBy).toBeUndefined();
    expect(project.tags[0]).not.toHaveProperty('createdAt');

    const changed = await call2('annotations:update', { articleId: article.id, id: annotation.id, patch: { status: 'reviewed' } });
    expect(changed.createdBy).toBeUndefined();
    expect(changed.updatedBy).toEqual(OMAR);
    const tag = await call2('tags:update', { id: tags[0]!.id, fields: { color: '#123456' } });
    expect([tag.createdBy, tag.updatedBy, tag.createdAt]).toEqual([undefined, OMAR, undefined]);
    // And the CSV export names no one for what nobody was recorded for.
    const { csv } = await call2('export:csv', { table: 'annotations', scope: { kind: 'project' } });
    expect(csv).toContain(`,,${annotationCreatedAt(read)},Omar Haddad,`);
  });
});
