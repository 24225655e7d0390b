import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { ArticleFile } from './file-schemas';
import { DurableJsonFile } from './json-file-adapter';
import { ProjectStore } from './project-store';
import { SUMMARY_CACHE_FILE } from './summary-cache-file';
import { makeArticle, tempDir } from './test-helpers';

/** A closed project of three articles whose summary cache is on disk. */
async function closedProject() {
  const dir = await tempDir();
  const store = await ProjectStore.open(dir);
  const articles = [makeArticle({ title: 'Harbour talks' }), makeArticle({ title: 'Quota dispute' }), makeArticle({ title: 'Weather' })];
  for (const article of articles) await store.createArticle(article);
  await store.close();
  return { dir, articles, path: (id: string) => join(dir, 'articles', `${id}.json`) };
}

/** Opens without waiting for the check of the files; records what the check announces. */
async function openFast(dir: string) {
  const store = await ProjectStore.open(dir);
  onTestFinished(() => store.close());
  const announced: [string, string | null][] = [];
  store.onArticleChange((id, file) => announced.push([id, file ? file.article.title : null]));
  return { store, announced, titles: () => store.listSummaries().map((s) => s.title).sort() };
}

async function editByHand(path: string, change: (file: ArticleFile) => void) {
  const file = JSON.parse(await readFile(path, 'utf8')) as ArticleFile;
  change(file);
  await writeFile(path, JSON.stringify(file));
}

describe('a project opened from a sound summary cache', () => {
  it('opens without reading any article file, then checks them in the background', async () => {
    const { dir } = await closedProject();
    const read = vi.spyOn(DurableJsonFile.prototype, 'read');
    const { store, titles } = await openFast(dir);
    const articleReads = () => read.mock.contexts.filter((c) => String((c as { path?: string } | undefined)?.path).includes('/articles/'));
    expect(articleReads()).toEqual([]);
    expect(titles()).toEqual(['Harbour talks', 'Quota dispute', 'Weather']);
    await store.verified;
    // Nothing changed while it was closed: the check read no article either.
    expect(articleReads()).toEqual([]);
    expect(store.problems).toEqual([]);
  });

  it('lets what holds it (loading search) go first, then checks the files', async () => {
    const { dir, articles, path } = await closedProject();
    await editByHand(path(articles[0]!.id), (file) => void (file.article.title = 'Harbour talks, edited'));
    const { store, announced } = await openFast(dir);
    let release!: () => void;
    store.holdCheck(new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(announced).toEqual([]);
    expect(store.isChecking).toBe(true);
    release();
    await store.verified;
    expect(announced).toEqual([[articles[0]!.id, 'Harbour talks, edited']]);
    // Once started, a hold changes nothing.
    store.holdCheck(new Promise(() => undefined));
    expect(store.isChecking).toBe(false);
  });

  it('reads again a file edited while the project was closed, and announces it', async () => {
    const { dir, articles, path } = await closedProject();
    await editByHand(path(articles[1]!.id), (file) => void (file.article.title = 'Quota deal, edited by hand'));
    const { store, announced, titles } = await openFast(dir);
    await store.verified;
    expect(titles()).toEqual(['Harbour talks', 'Quota deal, edited by hand', 'Weather']);
    expect(announced).toEqual([[articles[1]!.id, 'Quota deal, edited by hand']]);
  });

  it('drops an article whose file was removed, and takes in one copied into the folder', async () => {
    const { dir, articles, path } = await closedProject();
    const other = await closedProject();
    await rm(path(articles[2]!.id));
    await copyFile(other.path(other.articles[0]!.id), path(other.articles[0]!.id));
    const { store, announced, titles } = await openFast(dir);
    await store.verified;
    expect(titles()).toEqual(['Harbour talks', 'Harbour talks', 'Quota dispute']);
    expect(announced.sort()).toEqual([[articles[2]!.id, null], [other.articles[0]!.id, 'Harbour talks']].sort());
    await store.close();
    // The cache now says so: the next open announces nothing.
    const again = await openFast(dir);
    await again.store.verified;
    expect(again.announced).toEqual([]);
  });

  it('sets aside and reports a file damaged while the project was closed', async () => {
    const { dir, articles, path } = await closedProject();
    await writeFile(path(articles[0]!.id), '{"schemaVersion":1,"article":');
    const { store, announced, titles } = await openFast(dir);
    await store.verified;
    expect(titles()).toEqual(['Quota dispute', 'Weather']);
    expect(announced).toEqual([[articles[0]!.id, null]]);
    expect(store.problems).toEqual([expect.objectContaining({ file: `articles/${articles[0]!.id}.json`, movedTo: expect.stringMatching(/damaged/) })]);
    expect((await readdir(join(dir, 'articles'))).some((name) => name.startsWith(`${articles[0]!.id}.json.damaged`))).toBe(true);
  });

  it('keeps a save made while the check runs: the saved summary is not replaced by the file as it was', async () => {
    const { dir, articles, path } = await closedProject();
    await editByHand(path(articles[0]!.id), (file) => void (file.article.title = 'Edited by hand'));
    const { store, titles } = await openFast(dir);
    // Saved before the check reached it: the save reads the file as it is on disk (the hand edit), then changes it.
    await store.updateArticle(articles[0]!.id, (file) => void (file.article.note = `${file.article.title}: checked`));
    await store.verified;
    expect(titles()).toContain('Edited by hand');
    expect((await store.readArticle(articles[0]!.id))?.article.note).toBe('Edited by hand: checked');
  });

  it('removes a temporary file a crash left, without disturbing saves made while it checks', async () => {
    const { dir, articles } = await closedProject();
    const crashed = `.${articles[0]!.id}.json.0b6d3a52.tmp`;
    await writeFile(join(dir, 'articles', crashed), '{"half":');
    const { store } = await openFast(dir);
    // Saves of the same article while the check runs: each writes a temporary file and renames it.
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.updateArticle(articles[0]!.id, (file) => void (file.article.note = `save ${i}`))));
    await store.verified;
    const names = await readdir(join(dir, 'articles'));
    expect(names).not.toContain(crashed);
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect((await store.readArticle(articles[0]!.id))?.article.note).toBe('save 9');
  });

  it('without a sound cache, checks every file before the open returns', async () => {
    const { dir, articles, path } = await closedProject();
    await rm(join(dir, SUMMARY_CACHE_FILE));
    await editByHand(path(articles[0]!.id), (file) => void (file.article.title = 'Retitled'));
    const { titles } = await openFast(dir);
    expect(titles()).toEqual(['Quota dispute', 'Retitled', 'Weather']);
  });
});
