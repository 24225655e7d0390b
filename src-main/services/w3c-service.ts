import { randomUUID } from 'node:crypto';
import type { Handlers } from './handlers';
import { describeRange } from '../../src-shared/anchoring/quote-selector';
import { MAX_ALIASES } from '../../src-shared/domain/actor';
import type { Annotation } from '../../src-shared/domain/annotation';
import { stampCreated, type Author, type AuthorProvider } from '../../src-shared/domain/author';
import { timestampSchema } from '../../src-shared/domain/ids';
import { fromW3C, toW3C, W3CImportError, type ArticleRef, type ImportedActor, type ImportedAnnotation } from '../../src-shared/export/w3c-annotations';
import { findLoneSurrogate } from '../../src-shared/text/lone-surrogates';
import { reportFileName } from '../../src-shared/report/article-markdown';
import { AppError } from '../../src-shared/result';
import type { ProjectFile } from '../store/file-schemas';
import type { ProjectStore } from '../store/project-store';
import { onArticle } from './annotations-service';
import { cleanAliases } from './validate';
import type { History } from './history';
import { loadScope } from './reports-service';

export type W3CHandlers = Pick<Handlers, 'export:w3c' | 'import:w3c'>;

export function w3cHandlers(store: ProjectStore, history: History, now: () => Date, author: AuthorProvider): W3CHandlers {
  return {
    'export:w3c': async ({ scope }) => {
      const input = await loadScope(store, scope, now);
      const collection = toW3C({ ...input, articles: input.articles.map((a) => ({ article: a.article, annotations: [...a.annotations] })), actors: [...input.actors], tags: [...input.tags], projectId: store.project.id });
      return { fileName: reportFileName(`${input.projectName} annotations ${input.generatedAt.slice(0, 10)}`, 'jsonld'), json: `${JSON.stringify(collection, null, 2)}\n` };
    },

    'import:w3c': async ({ json }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(json);
      } catch (error) {
        throw new AppError('invalid-input', `This is not a W3C annotation file: it is not valid JSON (${(error as Error).message}).`);
      }
      // Find the articles the file targets, then read it again with their texts to place each passage.
      const byUrl = new Map([...store.summaries()].filter((s) => s.url).map((s) => [s.url, s.id]));
      const articleOf = (ref: ArticleRef): string | null => (ref.id && store.hasArticle(ref.id) ? ref.id : ref.url ? byUrl.get(ref.url) ?? null : null);
      const texts = new Map<string, string>();
      const parsed = parse(raw, () => null);
      for (const item of parsed.annotations) {
        const id = articleOf(item.article);
        if (id && !texts.has(id)) texts.set(id, (await store.readArticle(id))?.article.text ?? '');
      }
      const { annotations: found, problems } = parse(raw, (ref) => texts.get(articleOf(ref) ?? '') ?? null);
      // JSON escapes can spell half a character ("\ud83d"); what would be stored must be whole.
      const annotations = found.filter((item) => {
        const broken = findLoneSurrogate(storedFieldsOf(item));
        if (broken) problems.push(`${whereOf(item)}: its ${broken.join('.')} contains a broken character (an unpaired surrogate), so it was not imported.`);
        return !broken;
      });

      return history.record(`Import ${annotations.length} W3C annotations`, async (tx) => {
        const stamp = now().toISOString();
        const analyst = author();
        const byArticle = new Map<string, Annotation[]>();
        let skipped = found.length - annotations.length;
        // Tags and actors the file names but the project lacks are created first.
        const resolved = await tx.project((project) => annotations.map((item) => ({
          item,
          tags: item.tags.map((name) => tagByName(project, name, stamp, analyst)),
          actorId: item.actor ? actorFor(project, item.actor, stamp, analyst) : null,
          speakerId: item.claim?.speaker ? actorFor(project, { id: item.claim.speaker.id, name: item.claim.speaker.name ?? 'Unknown speaker', kind: null, aliases: [], description: '' }, stamp, analyst) : null,
        })));
        for (const { item, tags, actorId, speakerId } of resolved) {
          const articleId = articleOf(item.article);
          const where = whereOf(item);
          if (!articleId) {
            problems.push(`${where}: its article (${item.article.title ?? item.article.iri}) is not in this project.`);
            skipped++;
            continue;
          }
          if (!item.offsets || item.orphan) {
            problems.push(`${where}: the passage was not found in “${item.article.title ?? 'the article'}”.`);
            skipped++;
            continue;
          }
          if (item.claim?.links.length) problems.push(`${where}: links between claims are not imported; link them again in the claim form.`);
          const text = texts.get(articleId)!;
          byArticle.set(articleId, [
            ...(byArticle.get(articleId) ?? []),
            {
              id: item.id ?? randomUUID(),
              articleId,
              kind: item.kind === 'actor' && !actorId ? 'highlight' : item.kind,
              target: describeRange(text, item.offsets.start, item.offsets.end),
              tags,
              note: item.note,
              status: item.status,
              actorId: item.kind === 'actor' ? actorId : null,
              claim: item.claim ? { speakerId, form: item.claim.form, medium: item.claim.medium, reliability: item.claim.reliability, credibility: item.claim.credibility, verification: item.claim.verification, links: [] } : null,
              anchor: 'anchored',
              createdAt: timestampSchema.safeParse(item.created).success ? item.created! : stamp,
              updatedAt: timestampSchema.safeParse(item.modified).success ? item.modified! : stamp,
              // The file's creator when it names one (a round trip keeps who marked it), else the
              // analyst importing. The W3C model has no "last changed by", so that is the creator too,
              // matching the `modified` time kept from the file.
              createdBy: { ...(item.creator ?? analyst) },
              updatedBy: { ...(item.creator ?? analyst) },
            },
          ]);
        }
        let imported = 0;
        for (const [articleId, list] of byArticle) {
          await onArticle(tx, articleId, (file) => {
            for (const annotation of list) {
              if (file.annotations.some((a) => a.id === annotation.id)) {
                skipped++;
                continue;
              }
              file.annotations.push(annotation);
              imported++;
            }
          });
        }
        return { imported, skipped, problems };
      });
    },
  };
}

/** How a problem names an annotation of the file. */
function whereOf(item: ImportedAnnotation): string {
  return item.iri ?? `“${item.exact.slice(0, 40)}”`;
}

/** The parts of an imported annotation that end up in the project (the passage is read from the article). */
function storedFieldsOf(item: ImportedAnnotation) {
  return { note: item.note, tags: item.tags, actor: item.actor, medium: item.claim?.medium, speaker: item.claim?.speaker?.name };
}

function parse(raw: unknown, resolveText: (ref: ArticleRef) => string | null) {
  try {
    return fromW3C(raw, { resolveText });
  } catch (error) {
    if (error instanceof W3CImportError) throw new AppError('invalid-input', `The annotation file cannot be imported: ${error.message}. Nothing was changed.`);
    throw error;
  }
}

function tagByName(project: ProjectFile, name: string, stamp: string, analyst: Author): string {
  const found = project.tags.find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (found) return found.id;
  const tag = stampCreated({ id: randomUUID(), name: name.slice(0, 100), color: '#9b9b9b', parentId: null, hotkey: null, createdAt: stamp, updatedAt: stamp }, analyst);
  project.tags.push(tag);
  return tag.id;
}

function actorFor(project: ProjectFile, info: ImportedActor, stamp: string, analyst: Author): string {
  const byId = info.id ? project.actors.find((a) => a.id === info.id) : undefined;
  if (byId) return byId.id;
  const key = info.name.toLowerCase();
  const byName = project.actors.find((a) => a.name.toLowerCase() === key || a.aliases.some((x) => x.toLowerCase() === key));
  if (byName) return byName.id;
  const actor = { id: info.id ?? randomUUID(), name: info.name.slice(0, 200) || 'Unnamed actor', kind: info.kind ?? 'other', aliases: cleanAliases(info.name, info.aliases).slice(0, MAX_ALIASES), description: info.description.slice(0, 500), affiliationId: null, note: '', createdAt: stamp, updatedAt: stamp };
  stampCreated(actor, analyst);
  project.actors.push(actor);
  return actor.id;
}
