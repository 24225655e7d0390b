import { reanchorAll } from '../../../src-shared/anchoring/reanchor';
import { annotationSchema, type Annotation } from '../../../src-shared/domain/annotation';
import { articleSchema } from '../../../src-shared/domain/article';
import { ARTICLE_FORMAT, articleFileSchema, type ArticleFile } from '../../store/file-schemas';
import { mergeItem, winnerOf, type ItemSpec } from './item';
import { mergeById } from './items';
import { repairLinks } from './links';
import { annotationRef, articlePath, articleRef } from './refs';
import { MergeError, type MergeConflict, type MergeNote, type MergeOutcome, type MergeSide } from './types';
import { sameValue } from './values';

const ARTICLE_SPEC: ItemSpec = { skip: ['text'], atomic: ['origin'], schema: articleSchema.omit({ text: true }) };
/** The passage and whether it was found belong together; so do a mention's kind and actor. */
const PLACE = ['target', 'anchor'] as const;
const ANNOTATION_SPEC: ItemSpec = { groups: [PLACE, ['kind', 'actorId']], schema: annotationSchema };
/** When the texts differ, the passage is decided here, not field by field. */
const ANNOTATION_SPEC_TEXTS_DIFFER: ItemSpec = { ...ANNOTATION_SPEC, groups: [['kind', 'actorId']], skip: PLACE };

/**
 * Three-way merge of one article file by identity (docs/merge.md): the article's fields merged
 * field by field, its text kept whole from one side, its annotations merged by id. Annotations
 * whose passage was taken against a text that was not kept are re-anchored onto the kept text;
 * those that cannot be placed are kept as orphans and listed. The result is validated with the
 * schema every save uses; a failure throws `MergeError` (nothing half-merged is returned).
 * `base` is null when the article was added on both sides.
 */
export function mergeArticleFile(base: ArticleFile | null, ours: ArticleFile, theirs: ArticleFile): MergeOutcome<ArticleFile> {
  const id = ours.article.id;
  const file = articlePath(id);
  for (const side of [base, ours, theirs]) {
    if (side && side.schemaVersion > ARTICLE_FORMAT) {
      throw new MergeError(`“${side.article.title}” was saved by a newer version of Analyst Workbench. Update the app, then sync again. Nothing was changed.`, file);
    }
  }
  if (theirs.article.id !== id || (base && base.article.id !== id)) throw new MergeError(`The three versions of ${file} are not the same article.`, file);
  const conflicts: MergeConflict[] = [];
  const notes: MergeNote[] = [];

  const texts = { ours: ours.article.text, theirs: theirs.article.text };
  const baseText = base?.article.text;
  let textSide: MergeSide;
  if (texts.ours === texts.theirs || baseText === texts.theirs) textSide = 'ours';
  else if (baseText === texts.ours) textSide = 'theirs';
  else {
    const { winner, rule } = winnerOf(ours.article, theirs.article);
    textSide = winner;
    conflicts.push({ id: `${file}#article:${id}:text`, file, item: articleRef(ours), path: [], fields: ['text'], ours: texts.ours, theirs: texts.theirs, kept: winner, rule: `${rule}; the other side's annotations were placed on the kept text` });
  }
  const text = texts[textSide];
  const article = { ...mergeItem(base?.article ?? null, ours.article, theirs.article, ARTICLE_SPEC, { file, item: articleRef(ours) }, conflicts), text };

  const textsDiffer = texts.ours !== texts.theirs;
  const spec = textsDiffer ? ANNOTATION_SPEC_TEXTS_DIFFER : ANNOTATION_SPEC;
  const sides = { ours, theirs };
  // Which side's passage each annotation keeps, when the texts differ.
  const placeFrom = new Map<string, MergeSide>();
  const { merged: annotations, origin } = mergeById(
    base?.annotations ?? null,
    ours.annotations,
    theirs.annotations,
    (b, o, t) => {
      const merged = mergeItem(b, o, t, spec, { file, item: annotationRef(ours, o) }, conflicts);
      if (textsDiffer) placeFrom.set(o.id, passageSide(b, o, t, textSide, baseText === texts.ours || baseText === texts.theirs));
      return merged;
    },
    (item, deletedOn) => notes.push({ kind: 'kept-edited', file, item: annotationRef(ours, item), message: keptEditedMessage(deletedOn) }),
  );

  // Passages taken against the text that was not kept are placed again on the kept one.
  const other: MergeSide = textSide === 'ours' ? 'theirs' : 'ours';
  const toPlace: { at: number; from: Annotation }[] = [];
  annotations.forEach((annotation, at) => {
    const from = origin.get(annotation.id) === 'both' ? (placeFrom.get(annotation.id) ?? textSide) : (origin.get(annotation.id) as MergeSide);
    const version = sides[from].annotations.find((a) => a.id === annotation.id)!;
    if (textsDiffer) annotations[at] = { ...annotation, target: version.target, anchor: version.anchor };
    if (sides[from].article.text !== text) toPlace.push({ at, from: version });
  });
  if (toPlace.length > 0) {
    const results = reanchorAll(sides[other].article.text, text, toPlace.map((p) => p.from.target), toPlace.map((p) => p.from.anchor === 'anchored'));
    toPlace.forEach(({ at, from }, i) => {
      const result = results[i]!;
      if (result.status === 'anchored') {
        annotations[at] = { ...annotations[at]!, target: result.target, anchor: 'anchored' };
        return;
      }
      // As after a text edit: the old selectors stay, for re-attaching.
      annotations[at] = { ...annotations[at]!, anchor: 'orphan', target: { ...from.target, start: 0, end: Math.min(1, text.length) } };
      if (from.anchor === 'anchored') {
        notes.push({ kind: 'orphaned', file, item: annotationRef(ours, annotations[at]!), message: 'Its passage was not found in the text that was kept: it is listed with the orphans, to be re-attached or deleted.' });
      }
    });
  }

  // Claim links are repaired in place: on copies, never on the inputs' objects.
  const own = annotations.map((a) => (a.claim ? { ...a, claim: { ...a.claim, links: a.claim.links.map((l) => ({ ...l })) } } : a));
  const merged: ArticleFile = { schemaVersion: Math.max(ours.schemaVersion, theirs.schemaVersion), article, annotations: own };
  repairLinks(new Map([[id, merged]]), new Set(), notes);
  return { merged: validArticle(merged, file), conflicts, notes };
}

/**
 * Whose passage an annotation both sides hold keeps when the texts differ. When only one side
 * changed the text (`oneTextIsBase`), the other side's passage is still in the common text: if it
 * changed it (re-attached), that deliberate choice is kept and carried over; otherwise the
 * passage the text's side placed itself is kept. When both changed the text, the kept text's side.
 */
function passageSide(base: Annotation | null, ours: Annotation, theirs: Annotation, textSide: MergeSide, oneTextIsBase: boolean): MergeSide {
  if (!oneTextIsBase || !base) return textSide;
  const otherSide = textSide === 'ours' ? theirs : ours;
  const placeOf = (a: Annotation) => ({ target: a.target, anchor: a.anchor });
  return sameValue(placeOf(base), placeOf(otherSide)) ? textSide : textSide === 'ours' ? 'theirs' : 'ours';
}

/** The merged file, as the store would save it; a file that fails the schema is an error. */
export function validArticle(file: ArticleFile, path: string): ArticleFile {
  const checked = articleFileSchema.safeParse(file);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new MergeError(`The merged ${path} would not be valid (${issue?.path.join('.') || 'file'}: ${issue?.message}); nothing was merged. Please report this.`, path);
  }
  return checked.data;
}

/** For a note: an item deleted on one side and edited on the other was kept. */
export function keptEditedMessage(deletedOn: MergeSide): string {
  return deletedOn === 'ours' ? 'Deleted here but edited on the other side: kept, with those edits.' : 'Deleted on the other side but edited here: kept, with these edits.';
}
