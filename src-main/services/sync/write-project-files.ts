import { isDeepStrictEqual } from 'node:util';
import { AppError } from '../../../src-shared/result';
import { articleFileSchema, projectFileSchema, type ArticleFile, type ProjectFile } from '../../store/file-schemas';
import type { ProjectStore } from '../../store/project-store';
import { mapConcurrent } from '../../store/serial-queue';

/** Serialised exactly as the store writes a file, so Git's copy and the folder's are the same bytes. */
export function serialise(file: unknown): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Parses and checks a merged file with the same schema as every save; refuses anything else. */
export function validateFile(path: string, content: unknown): ArticleFile | ProjectFile {
  const result = path === 'project.json' ? projectFileSchema.safeParse(content) : articleFileSchema.safeParse(content);
  if (!result.success) {
    throw new AppError('conflict', `The merged ${path} is not a valid project file (${result.error.issues[0]?.message ?? 'invalid'}), so nothing was written. Please report this; your project is as it was before the sync.`);
  }
  if (path !== 'project.json' && `articles/${(result.data as ArticleFile).article.id}.json` !== path) {
    throw new AppError('conflict', `The merged ${path} holds another article's id, so nothing was written.`);
  }
  return result.data;
}

/**
 * Writes merged files through the store (durable, under the project lock, caches and summaries
 * refreshed). `expected` is each file as the merge saw it locally: a file changed since (the
 * analyst kept working during the sync) is refused before anything is written.
 */
export async function writeProjectFiles(
  store: ProjectStore,
  files: ReadonlyMap<string, ArticleFile | ProjectFile | null>,
  expected: ReadonlyMap<string, unknown>,
): Promise<void> {
  for (const path of files.keys()) {
    const now = path === 'project.json' ? store.project : await store.peekArticle(idOf(path));
    if (!isDeepStrictEqual(now ?? null, expected.get(path) ?? null)) {
      throw new AppError('conflict', `${path} changed while the sync ran, so the sync wrote nothing. Sync again to include that change.`);
    }
  }
  await mapConcurrent([...files], 8, async ([path, next]) => {
    if (path === 'project.json') {
      if (next) await store.replaceProjectFile(next as ProjectFile);
      return;
    }
    const id = idOf(path);
    // Articles cannot be deleted in the app, so a merge never removes one.
    if (!next) return;
    const file = next as ArticleFile;
    if (store.hasArticle(id)) {
      await store.updateArticle(id, (draft) => {
        if (!isDeepStrictEqual(draft, expected.get(path) ?? null)) throw new AppError('conflict', `${path} changed while the sync ran. Sync again to include that change.`);
        draft.schemaVersion = file.schemaVersion;
        draft.article = file.article;
        draft.annotations = file.annotations;
      });
    } else {
      await store.importArticle(file);
    }
  });
}

export function idOf(path: string): string {
  return path.slice('articles/'.length, -'.json'.length);
}
