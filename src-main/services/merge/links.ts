import type { Annotation } from '../../../src-shared/domain/annotation';
import type { ClaimLink } from '../../../src-shared/domain/claim';
import type { ArticleFile } from '../../store/file-schemas';
import { annotationRef, articlePath } from './refs';
import type { MergeNote } from './types';

const keyOf = (articleId: string, annotationId: string) => `${articleId}/${annotationId}`;

/**
 * Keeps claim links symmetric after a merge: a link is stored on both claims, and each end was
 * merged on its own (often in different files). A link that only one end still holds is given
 * back to the other end (the link was kept on one side, so it is kept); where the two ends
 * disagree on the type, the end whose `articleId/annotationId` sorts first decides; a link to a
 * claim the merge removed (or that is no claim any more) is dropped. Links to articles outside
 * `files` are left alone unless the merge deleted that article (`goneArticles`).
 * Changes `files` in place and tells each change in `notes`.
 */
export function repairLinks(files: ReadonlyMap<string, ArticleFile>, goneArticles: ReadonlySet<string>, notes: MergeNote[]): void {
  const claims = new Map<string, Annotation>();
  for (const file of files.values()) for (const a of file.annotations) claims.set(keyOf(file.article.id, a.id), a);
  const ids = [...files.keys()].sort();
  for (const articleId of ids) {
    const file = files.get(articleId)!;
    for (const annotation of file.annotations) {
      const claim = annotation.claim;
      if (!claim || claim.links.length === 0) continue;
      const self = keyOf(articleId, annotation.id);
      const kept: ClaimLink[] = [];
      for (const link of claim.links) {
        const other = keyOf(link.articleId, link.annotationId);
        const target = claims.get(other);
        if (!target?.claim) {
          if (files.has(link.articleId) || goneArticles.has(link.articleId)) {
            notes.push({ kind: 'link-repaired', file: articlePath(articleId), item: annotationRef(file, annotation), message: 'A link to a claim that is no longer in the project was removed.' });
            continue;
          }
          kept.push(link);
          continue;
        }
        kept.push(link);
        const back = target.claim.links.find((l) => l.articleId === articleId && l.annotationId === annotation.id);
        const expected: ClaimLink = { articleId, annotationId: annotation.id, type: link.type, direction: link.direction === 'out' ? 'in' : 'out' };
        if (!back) {
          target.claim.links.push(expected);
          notes.push({ kind: 'link-repaired', file: articlePath(link.articleId), item: annotationRef(files.get(link.articleId)!, target), message: `The link “${link.type}” was completed at this end: only the other claim still held it.` });
        } else if ((back.type !== expected.type || back.direction !== expected.direction) && self < other) {
          back.type = expected.type;
          back.direction = expected.direction;
          notes.push({ kind: 'link-repaired', file: articlePath(link.articleId), item: annotationRef(files.get(link.articleId)!, target), message: `The two ends of a claim link disagreed after the merge; both now say “${link.type}”.` });
        }
      }
      claim.links = kept;
    }
  }
}
