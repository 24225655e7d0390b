import { describeRange } from '../../../src-shared/anchoring/quote-selector';
import type { Actor } from '../../../src-shared/domain/actor';
import type { Annotation } from '../../../src-shared/domain/annotation';
import type { ClaimLink } from '../../../src-shared/domain/claim';
import type { Tag } from '../../../src-shared/domain/tag';
import type { ArticleFile, ProjectFile } from '../../store/file-schemas';

/** Fixtures for the merge tests: small valid files written by hand, deterministic ids and times. */

export const at = (second: number): string => new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString();
export const id = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

export function articleFile(articleId: string, text: string, annotations: Annotation[] = [], stamp = at(0)): ArticleFile {
  return {
    schemaVersion: 1,
    article: { id: articleId, title: `Article ${articleId}`, source: '', url: '', published: '', text, status: 'todo', note: '', createdAt: at(0), updatedAt: stamp },
    annotations,
  };
}

/** An annotation on the first occurrence of `phrase`. */
export function annotation(annotationId: string, articleId: string, text: string, phrase: string, fields: Partial<Annotation> = {}): Annotation {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  return {
    id: annotationId,
    articleId,
    kind: 'highlight',
    target: describeRange(text, start, start + phrase.length),
    tags: [],
    note: '',
    status: 'draft',
    actorId: null,
    claim: null,
    anchor: 'anchored',
    createdAt: at(0),
    updatedAt: at(0),
    ...fields,
  };
}

export function claim(links: ClaimLink[] = [], speakerId: string | null = null): NonNullable<Annotation['claim']> {
  return { speakerId, form: 'paraphrase', medium: '', reliability: null, credibility: null, verification: 'unverified', links };
}

export function actor(actorId: string, name: string, fields: Partial<Actor> = {}): Actor {
  return { id: actorId, name, kind: 'person', aliases: [], description: '', affiliationId: null, note: '', createdAt: at(0), updatedAt: at(0), ...fields };
}

export function tag(tagId: string, name: string, fields: Partial<Tag> = {}): Tag {
  return { id: tagId, name, color: '#f2c94c', parentId: null, hotkey: null, ...fields };
}

export function projectFile(actors: Actor[] = [], tags: Tag[] = [], fields: Partial<ProjectFile> = {}): ProjectFile {
  return { schemaVersion: 1, id: 'project-1', name: 'Border talks', createdAt: at(0), notes: '', actors, tags, settings: {}, ...fields };
}

/** A deep copy to edit as one side. */
export const copy = <T>(value: T): T => structuredClone(value);

export const TEXT =
  "Valdoria's foreign minister Ines Marrow met envoys from Ostrava on Monday.\n\nMarrow said the border crossings would reopen within a week; the Marrowfield depot stays shut.\n\nIn Ostrava, Deputy Premier Tomas Vell called the promise a stalling tactic.";
