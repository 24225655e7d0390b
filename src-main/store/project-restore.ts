import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isTempFileName, releaseDirectories } from './durable-file';
import type { ArticleFile, ProjectFile } from './file-schemas';
import { removeSummaryLog } from './summary-log';
import { removeLockLeftovers } from './project-lock';

/*
 * Restoring a project file replaces `project.json` and `articles/` together, in the folder the
 * app keeps open and locked. Two renames cannot be one atomic step, so the switch is a
 * roll-forward with a durable commit point:
 *
 * 1. Everything is written into `.restore-staging/` inside the project folder (same disk, so
 *    renames are atomic): `articles/<id>.json` and `project.json`, each fsynced, then the folders.
 * 2. Commit point: `.restore-staging` is renamed to `.restore-ready` and the project folder is
 *    fsynced. Before this, the restore does not exist; from here on, it is the project.
 * 3. Switch: `index.json` (a cache) is removed, the old `articles/` moved into `.restore-ready`,
 *    the new one moved out, and `project.json` renamed over the old one; then `.restore-ready`
 *    (holding only the old, empty articles folder) is deleted.
 *
 * Every step of 3 looks at what exists, so it can be repeated: opening a project first finishes
 * a switch that a crash interrupted after the commit point (`.restore-ready` exists), and
 * removes a staging folder from one interrupted before it. Either way the app only ever sees
 * the old project or the whole restored one, and a project whose restore was interrupted
 * before the commit point is as empty as before, so the restore can simply be tried again.
 */

export const STAGING_DIR = '.restore-staging';
export const READY_DIR = '.restore-ready';
const ARTICLES_DIR = 'articles';

/** Writes the restored project into a fresh staging folder and commits it (steps 1 and 2). */
export async function stageRestore(directory: string, project: ProjectFile, articles: readonly ArticleFile[]): Promise<void> {
  const staging = join(directory, STAGING_DIR);
  await rm(staging, { recursive: true, force: true });
  await mkdir(join(staging, ARTICLES_DIR), { recursive: true });
  for (const file of articles) await writeSynced(join(staging, ARTICLES_DIR, `${file.article.id}.json`), file);
  await writeSynced(join(staging, 'project.json'), project);
  await syncFolder(join(staging, ARTICLES_DIR));
  await syncFolder(staging);
  await rename(staging, join(directory, READY_DIR));
  await syncFolder(directory);
}

/**
 * Finishes a committed restore (step 3) if there is one; returns whether there was. Safe to run
 * again after a crash at any point inside it.
 */
export async function finishRestore(directory: string): Promise<boolean> {
  const ready = join(directory, READY_DIR);
  if (!(await exists(ready))) return false;
  // Cached folder handles would point at the articles folder that is about to be replaced.
  await releaseDirectories(directory);
  await rm(join(directory, 'index.json'), { force: true });
  await removeSummaryLog(directory);
  if (await exists(join(ready, ARTICLES_DIR))) {
    if (await exists(join(directory, ARTICLES_DIR))) await rename(join(directory, ARTICLES_DIR), join(ready, `replaced-${randomUUID()}`));
    await rename(join(ready, ARTICLES_DIR), join(directory, ARTICLES_DIR));
  }
  if (await exists(join(ready, 'project.json'))) await rename(join(ready, 'project.json'), join(directory, 'project.json'));
  await syncFolder(directory);
  await rm(ready, { recursive: true, force: true });
  await syncFolder(directory);
  await releaseDirectories(directory);
  return true;
}

/**
 * What a crash can leave in the project folder, removed at open (with the lock held): temporary
 * files of durable writes, old lock temporaries, an uncommitted staging folder. A committed
 * restore is finished instead.
 */
export async function cleanUpAfterCrash(directory: string): Promise<void> {
  const names = await readdir(directory);
  await removeLockLeftovers(directory, names);
  for (const name of names) {
    if (isTempFileName(name)) await rm(join(directory, name), { force: true });
  }
  if (names.includes(STAGING_DIR)) await rm(join(directory, STAGING_DIR), { recursive: true, force: true });
  await finishRestore(directory);
}

/** Names in `articles/` other than temporary files: the folder must hold none before a restore. */
export async function articleFolderEntries(directory: string): Promise<string[]> {
  const names = await readdir(join(directory, ARTICLES_DIR)).catch(() => []);
  return names.filter((name) => !isTempFileName(name));
}

async function writeSynced(path: string, data: unknown): Promise<void> {
  const handle = await open(path, 'wx', 0o644);
  try {
    await handle.writeFile(`${JSON.stringify(data, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
