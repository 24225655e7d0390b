import { randomUUID } from 'node:crypto';
import type { Handlers } from './handlers';
import { agreementCsv, agreementMarkdown } from '../../src-shared/agreement/agreement-export';
import type { CodedAnnotation } from '../../src-shared/agreement/align';
import { analystOf } from '../../src-shared/agreement/analyst';
import { computeAgreement, type AgreementArticle } from '../../src-shared/agreement/compute-agreement';
import { curationUnits } from '../../src-shared/agreement/disagreements';
import type { Annotation } from '../../src-shared/domain/annotation';
import { stampCreated, type AuthorProvider } from '../../src-shared/domain/author';
import { AppError } from '../../src-shared/result';
import type { ArticleFile } from '../store/file-schemas';
import type { ProjectStore } from '../store/project-store';
import { onArticle } from './annotations-service';
import type { History } from './history';
import { annotationOf } from './validate';

export type AgreementHandlers = Pick<Handlers, 'agreement:analysts' | 'agreement:compute' | 'agreement:export' | 'agreement:curation' | 'agreement:curate'>;

type Coded = CodedAnnotation & { annotation: Annotation };

/** An analyst's annotations of one article as agreement reads them (curated and anonymous ones left out). */
function coded(file: Readonly<ArticleFile>, analysts: readonly string[]): Coded[] {
  const index = new Map(analysts.map((name, i) => [name, i]));
  const out: Coded[] = [];
  for (const a of file.annotations) {
    const name = analystOf(a);
    const coder = name === null ? undefined : index.get(name);
    // An orphan has no place in the current text: it cannot be compared by position.
    if (coder === undefined || a.anchor !== 'anchored') continue;
    out.push({ id: a.id, kind: a.kind, start: a.target.start, end: a.target.end, tags: a.tags, actorId: a.actorId, claim: a.claim, coder, annotation: a });
  }
  return out;
}

async function readAll(store: ProjectStore, ids: readonly string[]): Promise<Readonly<ArticleFile>[]> {
  const missing = ids.filter((id) => !store.hasArticle(id));
  if (missing.length) throw new AppError('not-found', `${missing.length} of the chosen articles are no longer in the project. Choose the articles again.`);
  return store.peekArticles(ids);
}

export function agreementHandlers(store: ProjectStore, history: History, now: () => Date = () => new Date(), author: AuthorProvider = () => ({ name: 'Analyst' })): AgreementHandlers {
  const report = async (articleIds: readonly string[], analysts: readonly string[]) => {
    const files = await readAll(store, articleIds);
    const articles: AgreementArticle[] = files.map((f) => ({ id: f.article.id, title: f.article.title, length: f.article.text.length, annotations: coded(f, analysts) }));
    return computeAgreement({ analysts, articles, tags: new Map(store.project.tags.map((t) => [t.id, t.name])) });
  };
  return {
    'agreement:analysts': async ({ articleIds }) => {
      const files = await readAll(store, articleIds);
      const counts = new Map<string, { annotations: number; articles: Set<string> }>();
      for (const file of files) {
        for (const name of file.article.assignedTo ?? []) if (!counts.has(name)) counts.set(name, { annotations: 0, articles: new Set() });
        for (const a of file.annotations) {
          const name = analystOf(a);
          if (!name) continue;
          const entry = counts.get(name) ?? { annotations: 0, articles: new Set<string>() };
          entry.annotations++;
          entry.articles.add(file.article.id);
          counts.set(name, entry);
        }
      }
      return [...counts].map(([name, c]) => ({ name, annotations: c.annotations, articles: c.articles.size })).sort((a, b) => a.name.localeCompare(b.name));
    },

    'agreement:compute': ({ articleIds, analysts }) => report(articleIds, analysts),

    'agreement:export': async ({ articleIds, analysts, format }) => {
      const result = await report(articleIds, analysts);
      const stamp = now().toISOString().slice(0, 10);
      return format === 'csv'
        ? { fileName: `agreement-${stamp}.csv`, content: agreementCsv(result) }
        : { fileName: `agreement-${stamp}.md`, content: agreementMarkdown(result) };
    },

    'agreement:curation': async ({ articleId, analysts }) => {
      const file = await store.readArticle(articleId);
      if (!file) throw new AppError('not-found', 'That article is no longer in the project. Reload the library.');
      const units = curationUnits(coded(file, analysts), analysts).map((u) => ({
        kind: u.kind,
        differences: u.differences,
        versions: u.versions.map((v) => v?.annotation ?? null),
      }));
      return { article: { id: file.article.id, title: file.article.title, text: file.article.text, direction: file.article.direction ?? 'ltr' }, units, curated: file.annotations.filter((a) => a.curated) };
    },

    'agreement:curate': ({ articleId, items }) =>
      history.record(items.length === 1 ? 'Settle one disagreement' : `Settle ${items.length} units`, (tx) =>
        onArticle(tx, articleId, (file) => {
          const stamp = now().toISOString();
          const created: Annotation[] = [];
          for (const { spanFrom, valuesFrom } of items) {
            const span = annotationOf(file, spanFrom);
            const values = annotationOf(file, valuesFrom ?? spanFrom);
            if (span.curated || values.curated) throw new AppError('invalid-input', 'Curate from the analysts’ own annotations, not from the agreed set.');
            if (span.kind !== values.kind) throw new AppError('invalid-input', 'A passage and values can only be merged from annotations of the same kind.');
            if (span.anchor !== 'anchored') throw new AppError('invalid-input', 'That annotation has lost its place in the text: re-attach it first.');
            const annotation: Annotation = {
              id: randomUUID(),
              articleId,
              kind: values.kind,
              target: { ...span.target },
              tags: [...values.tags],
              note: values.note,
              status: 'reviewed',
              actorId: values.actorId,
              // Links point at one analyst's claim; the agreed claim starts without them.
              claim: values.claim ? { ...values.claim, links: [] } : null,
              anchor: 'anchored',
              curated: true,
              createdAt: stamp,
              updatedAt: stamp,
            };
            // The curator is the one who settled it; the analysts stay on their own annotations.
            stampCreated(annotation, author());
            file.annotations.push(annotation);
            created.push(annotation);
          }
          return { created };
        }),
      ),
  };
}
