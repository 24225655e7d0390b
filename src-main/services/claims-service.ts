import type { Handlers } from './handlers';
import type { ClaimRef } from '../../src-shared/domain/claim';
import { AppError } from '../../src-shared/result';
import type { ArticleFile } from '../store/file-schemas';
import type { ProjectStore } from '../store/project-store';
import { onArticle } from './annotations-service';
import type { History } from './history';
import { annotationOf } from './validate';

export type ClaimHandlers = Pick<Handlers, 'claims:list' | 'claims:link' | 'claims:unlink'>;

export function claimHandlers(store: ProjectStore, history: History): ClaimHandlers {
  return {
    'claims:list': async () => {
      const withClaims = [...store.summaries()].filter((s) => s.claimCount > 0).map((s) => s.id);
      const result = [];
      for await (const file of store.articles(withClaims)) {
        for (const a of file.annotations) {
          if (!a.claim) continue;
          result.push({ articleId: file.article.id, annotationId: a.id, articleTitle: file.article.title, exact: a.target.exact, speakerId: a.claim.speakerId });
        }
      }
      return result;
    },

    'claims:link': ({ from, to, type }) =>
      history.record(`Link claims (${type})`, async (tx) => {
        if (from.articleId === to.articleId && from.annotationId === to.annotationId) {
          throw new AppError('invalid-input', 'A claim cannot be linked to itself.');
        }
        await assertClaim(store, from);
        await assertClaim(store, to);
        await onArticle(tx, from.articleId, (file) => setLink(file, from, { ...to, type, direction: 'out' }));
        await onArticle(tx, to.articleId, (file) => setLink(file, to, { ...from, type, direction: 'in' }));
        return { linked: true };
      }),

    'claims:unlink': ({ from, to }) =>
      history.record('Unlink claims', async (tx) => {
        let unlinked = false;
        for (const [self, other] of [
          [from, to],
          [to, from],
        ] as const) {
          await onArticle(tx, self.articleId, (file) => {
            const claim = annotationOf(file, self.annotationId).claim;
            if (!claim) return;
            const before = claim.links.length;
            claim.links = claim.links.filter((l) => !same(l, other));
            unlinked ||= claim.links.length !== before;
          });
        }
        return { unlinked };
      }),
  };
}

const same = (a: ClaimRef, b: ClaimRef): boolean => a.articleId === b.articleId && a.annotationId === b.annotationId;

/** One link per pair of claims: linking again replaces the type. */
function setLink(file: ArticleFile, self: ClaimRef, link: ClaimRef & { type: 'supports' | 'contradicts' | 'repeats'; direction: 'in' | 'out' }): void {
  const claim = annotationOf(file, self.annotationId).claim;
  if (!claim) throw new AppError('invalid-input', 'Only claims can be linked.');
  claim.links = [...claim.links.filter((l) => !same(l, link)), link];
}

async function assertClaim(store: ProjectStore, ref: ClaimRef): Promise<void> {
  const file = await store.readArticle(ref.articleId);
  if (!file) throw new AppError('not-found', 'That article is no longer in the project.');
  if (!annotationOf(file, ref.annotationId).claim) throw new AppError('invalid-input', 'Only claims can be linked; that annotation is not a claim.');
}
