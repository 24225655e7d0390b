import { createHash, randomUUID } from 'node:crypto';
import { languageOf } from './articles-service';
import type { Handlers } from './handlers';
import { MAX_ARTICLE_TEXT, newArticleInputSchema, type Article } from '../../src-shared/domain/article';
import type { ImportEncoding } from '../../src-shared/domain/import-format';
import { stampCreated, type AuthorProvider } from '../../src-shared/domain/author';
import { AppError } from '../../src-shared/result';
import { canonicalizeText } from '../../src-shared/text/canonical';
import { extractArticle, MAX_IMPORT_BYTES } from '../import/extract';
import type { ProjectStore } from '../store/project-store';

export type ImportHandlers = Pick<Handlers, 'import:extract' | 'import:commit'>;

/** Why `data` is not standard padded base64 (what browsers' `btoa` writes), or null when it is. */
export function base64Problem(data: string): string | null {
  if (data.length % 4 !== 0) return `its length, ${data.length}, is not a multiple of 4`;
  const bad = /[^A-Za-z0-9+/=]/.exec(data);
  if (bad) return `it holds the character ${JSON.stringify(bad[0])} at position ${bad.index}`;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data)) return 'padding (=) appears before the end';
  return null;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The import service both transports end in: files arrive as bytes (uploaded by the browser,
 * or read by the desktop app), are extracted into drafts for review, then saved one by one.
 */
export function importHandlers(store: ProjectStore, now: () => Date, author: AuthorProvider): ImportHandlers {
  return {
    'import:extract': async ({ files }) => {
      // Node's decoder skips what is not base64 and stops at the first '=', so a damaged upload
      // would be read as other bytes without a word: check every file before decoding any.
      for (const f of files) {
        const problem = base64Problem(f.data);
        if (problem) throw new AppError('invalid-input', `“${f.name}” did not arrive intact: its bytes are not valid base64 (${problem}). Nothing was read; choose the file again.`);
      }
      return extractFiles(
        store,
        files.map((f) => ({ name: f.name, bytes: Buffer.from(f.data, 'base64'), encoding: f.encoding })),
      );
    },

    'import:commit': async ({ items }) => {
      const results = [];
      for (const item of items) {
        const { fileName, format, ...fields } = item;
        const parsed = newArticleInputSchema.safeParse(fields);
        const text = parsed.success ? canonicalizeText(parsed.data.text) : '';
        if (!parsed.success || !text || text.length > MAX_ARTICLE_TEXT) {
          results.push({ ok: false as const, title: fields.title || fileName, message: parsed.success ? `${fileName}: the text is empty or larger than 5 MB.` : `${fileName}: ${parsed.error.issues[0]?.message ?? 'invalid metadata'}.` });
          continue;
        }
        const stamp = now().toISOString();
        const article: Article = {
          id: randomUUID(),
          ...parsed.data,
          text,
          ...languageOf(text, parsed.data),
          status: 'todo',
          note: '',
          origin: { fileName: fileName.split(/[\\/]/).pop()!.slice(0, 300), format, sha256: sha256(text), importedAt: stamp },
          createdAt: stamp,
          updatedAt: stamp,
        };
        stampCreated(article, author());
        try {
          await store.createArticle(article);
          results.push({ ok: true as const, id: article.id, title: article.title });
        } catch (error) {
          results.push({ ok: false as const, title: article.title, message: `${fileName}: could not be saved (${(error as Error).message}).` });
        }
      }
      return { results };
    },
  };
}

/** One file to extract: its bytes (or that it is too large to read), and the encoding the reviewer chose, if any. */
export interface ExtractInput {
  name: string;
  bytes: Buffer | 'too-large';
  /** A WHATWG encoding name (IMPORT_ENCODINGS) forcing how a text or HTML file is decoded. */
  encoding?: ImportEncoding | undefined;
}

/**
 * Extracts files into drafts for review. Both routes end here: bytes uploaded by the browser, and
 * files the desktop app read from the paths its dialog or a drop gave.
 */
export async function extractFiles(store: ProjectStore, files: readonly ExtractInput[]) {
  const known = new Map<string, { id: string; title: string }>();
  for (const s of store.summaries()) if (s.origin) known.set(s.origin.sha256, { id: s.id, title: s.title });
  // Pasted articles carry no hash: hash them once per batch, and only if a draft needs it.
  let pastedHashed = false;
  const duplicateOf = async (hash: string) => {
    if (!known.has(hash) && !pastedHashed) {
      pastedHashed = true;
      for (const [h, article] of await hashPasted(store)) if (!known.has(h)) known.set(h, article);
    }
    return known.get(hash) ?? null;
  };
  const results = [];
  for (const file of files) {
    // The name is shown, never used as a path.
    const name = file.name.split(/[\\/]/).pop()!.slice(0, 300) || 'unnamed file';
    if (file.bytes === 'too-large' || file.bytes.length > MAX_IMPORT_BYTES) {
      results.push({ name, ok: false as const, reason: 'too-large', message: `${name} is larger than 50 MB; split it or import the article's text.` });
      continue;
    }
    const extracted = await extractArticle({ name, bytes: new Uint8Array(file.bytes.buffer, file.bytes.byteOffset, file.bytes.length), encoding: file.encoding });
    if (!extracted.ok) {
      results.push({ name, ok: false as const, reason: extracted.reason, message: extracted.message });
      continue;
    }
    results.push({ name, ok: true as const, draft: extracted.draft, duplicateOf: await duplicateOf(extracted.draft.sha256) });
  }
  return { results };
}

/**
 * Hashes of the pasted articles (which carry none), so that importing a text equal to one of them
 * is recognised. Only for libraries small enough for reading them all to be cheap.
 */
async function hashPasted(store: ProjectStore): Promise<Map<string, { id: string; title: string }>> {
  const pasted = [...store.summaries()].filter((s) => !s.origin);
  const hashes = new Map<string, { id: string; title: string }>();
  if (pasted.length > 500) return hashes;
  for (const file of await store.peekArticles(pasted.map((s) => s.id))) hashes.set(sha256(file.article.text), { id: file.article.id, title: file.article.title });
  return hashes;
}
