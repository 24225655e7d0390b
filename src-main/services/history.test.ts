import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '../../src-shared/contract';
import { createRouter } from '../api/router';
import { ProjectStore } from '../store/project-store';
import { tempDir } from '../store/test-helpers';
import { createHandlers } from '.';

const stores: ProjectStore[] = [];
afterEach(async () => Promise.all(stores.splice(0).map((s) => s.close())));

const TALKS =
  "Valdoria's foreign minister Ines Marrow met envoys from Ostrava on Monday.\n\nMarrow said the border crossings would reopen within a week.";
const DENIAL = 'Speaking in Kessel, Minister Marrow denied that Valdoria had moved troops to the border.';

const CLAIM = { speakerId: null, form: 'assertion', medium: '', reliability: null, credibility: null, verification: 'unverified' } as const;

function at(text: string, phrase: string) {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  return { start, end: start + phrase.length };
}

async function open(dir: string) {
  const store = await ProjectStore.open(dir);
  stores.push(store);
  const router = createRouter(createHandlers(store, () => new Date('2026-03-01T10:00:00Z')), () => undefined);
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await router.handle(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
    return result.value as ChannelOutput<C>;
  };
  return { dir, store, router, call };
}

async function setup() {
  return open(await tempDir());
}

const rawJson = async (dir: string, relative: string): Promise<unknown> => JSON.parse(await readFile(join(dir, relative), 'utf8'));

describe('history', () => {
  it('undoes a new highlight durably: it is gone after reopening the project', async () => {
    const { dir, store, call } = await setup();
    const article = await call('articles:create', { title: 'Talks', text: TALKS });
    await call('annotations:create', { articleId: article.id, ...at(article.text, 'Ines Marrow') });
    const step = await call('history:undo', {});
    expect(step).toEqual({ label: 'Add highlight', articleIds: [article.id], projectChanged: false, state: { undo: null, redo: 'Add highlight' } });
    await store.close();
    const reopened = await ProjectStore.open(dir);
    stores.push(reopened);
    expect((await reopened.readArticle(article.id))?.annotations).toEqual([]);
  });

  it('redoes the highlight with the same annotation id, and the redo is durable', async () => {
    const { dir, store, call } = await setup();
    const article = await call('articles:create', { title: 'Talks', text: TALKS });
    const created = await call('annotations:create', { articleId: article.id, ...at(article.text, 'border crossings') });
    await call('history:undo', {});
    expect((await call('articles:get', { id: article.id })).annotations).toEqual([]);
    const step = await call('history:redo', {});
    expect(step.state).toEqual({ undo: 'Add highlight', redo: null });
    expect((await call('articles:get', { id: article.id })).annotations).toEqual([created]);
    await store.close();
    const reopened = await ProjectStore.open(dir);
    stores.push(reopened);
    expect((await reopened.readArticle(article.id))?.annotations.map((a) => a.id)).toEqual([created.id]);
  });

  it('undoes and redoes a merge that touched two articles and project.json', async () => {
    const { dir, call } = await setup();
    const first = await call('articles:create', { title: 'Talks', text: TALKS });
    const second = await call('articles:create', { title: 'Denial', text: DENIAL });
    const survivor = await call('actors:create', { name: 'Ines Marrow' });
    const merged = await call('actors:create', { name: 'Minister Marrow', aliases: ['I. Marrow'] });
    await call('actors:accept-mentions', {
      actorId: merged.id,
      mentions: [
        { articleId: first.id, ...at(first.text, 'Ines Marrow') },
        { articleId: second.id, ...at(second.text, 'Minister Marrow') },
      ],
    });
    const files = ['project.json', `articles/${first.id}.json`, `articles/${second.id}.json`];
    const before = await Promise.all(files.map((f) => rawJson(dir, f)));

    await call('actors:merge', { survivorId: survivor.id, mergedId: merged.id });
    const after = await Promise.all(files.map((f) => rawJson(dir, f)));
    expect(after).not.toEqual(before);

    const undone = await call('history:undo', {});
    expect(undone.label).toBe('Merge actors');
    expect([...undone.articleIds].sort()).toEqual([first.id, second.id].sort());
    expect(undone.projectChanged).toBe(true);
    expect(await Promise.all(files.map((f) => rawJson(dir, f)))).toEqual(before);
    const project = await call('project:get', {});
    expect(project.actors.map((a) => [a.name, a.mentionCount])).toEqual([
      ['Ines Marrow', 0],
      ['Minister Marrow', 2],
    ]);

    await call('history:redo', {});
    expect(await Promise.all(files.map((f) => rawJson(dir, f)))).toEqual(after);
  });

  it('clears the redo stack when a new change is made', async () => {
    const { router, call } = await setup();
    const article = await call('articles:create', { title: 'Talks', text: TALKS });
    await call('annotations:create', { articleId: article.id, ...at(article.text, 'Ines Marrow') });
    await call('history:undo', {});
    expect(await call('history:state', {})).toEqual({ undo: null, redo: 'Add highlight' });
    await call('annotations:create', { articleId: article.id, ...at(article.text, 'Ostrava'), kind: 'claim', claim: CLAIM });
    expect(await call('history:state', {})).toEqual({ undo: 'Add claim', redo: null });
    expect(await router.handle('history:redo', {})).toMatchObject({ ok: false, error: { code: 'conflict', message: 'There is nothing to redo.' } });
  });

  it('labels each step for the menu, in undo order', async () => {
    const { call } = await setup();
    expect(await call('history:state', {})).toEqual({ undo: null, redo: null });
    const article = await call('articles:create', { title: 'Talks', text: TALKS });
    // Adding an article is not an undoable step.
    expect(await call('history:state', {})).toEqual({ undo: null, redo: null });
    await call('actors:create', { name: 'Ines Marrow' });
    await call('tags:create', { name: 'Diplomacy' });
    const mark = await call('annotations:create', { articleId: article.id, ...at(article.text, 'Marrow said') });
    await call('annotations:update', { articleId: article.id, id: mark.id, patch: { status: 'reviewed' } });
    await call('articles:update', { id: article.id, patch: { status: 'done' } });
    const labels: (string | null)[] = [];
    for (let i = 0; i < 5; i++) labels.push((await call('history:undo', {})).label);
    expect(labels).toEqual(['Change article status', 'Change review status', 'Add highlight', 'Add tag Diplomacy', 'Add actor Ines Marrow']);
    expect(await call('history:state', {})).toEqual({ undo: null, redo: 'Add actor Ines Marrow' });
    expect((await call('project:get', {})).actors).toEqual([]);
  });

  it('answers conflict when there is nothing to undo', async () => {
    const { router } = await setup();
    expect(await router.handle('history:undo', {})).toEqual({ ok: false, error: { code: 'conflict', message: 'There is nothing to undo.' } });
  });

  it('refuses to undo over a change made behind its back, and clears the history', async () => {
    const { store, router, call } = await setup();
    const article = await call('articles:create', { title: 'Talks', text: TALKS });
    await call('tags:create', { name: 'Diplomacy' });
    const mark = await call('annotations:create', { articleId: article.id, ...at(article.text, 'Ines Marrow') });
    await store.updateArticle(article.id, (file) => {
      file.article.note = 'Edited outside the history.';
    });
    const result = await router.handle('history:undo', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('history was cleared') } });
    expect(await call('history:state', {})).toEqual({ undo: null, redo: null });
    const file = await call('articles:get', { id: article.id });
    expect(file.annotations.map((a) => a.id)).toEqual([mark.id]);
    expect(file.article.note).toBe('Edited outside the history.');
    expect((await call('project:get', {})).tags.map((t) => t.name)).toEqual(['Diplomacy']);
  });

  // Regression (fixed): restoreArticle compares states by identity (project-store.ts:182), so an article evicted
  // from the 64-entry cache and read again from disk looks "changed" and undo fails and wipes history.
  it('undoes a change to an article that has since left the article cache', async () => {
    const { call } = await setup();
    const article = await call('articles:create', { title: 'Talks', text: TALKS });
    await call('annotations:create', { articleId: article.id, ...at(article.text, 'Ines Marrow') });
    for (let i = 0; i < 65; i++) await call('articles:create', { title: `Wire ${i}`, text: `${DENIAL} Update ${i}.` });
    const step = await call('history:undo', {});
    expect(step.articleIds).toEqual([article.id]);
    expect((await call('articles:get', { id: article.id })).annotations).toEqual([]);
  });
});
