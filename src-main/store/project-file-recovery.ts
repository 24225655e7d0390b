import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { Actor } from '../../src-shared/domain/actor';
import type { ArticleSummary } from '../../src-shared/domain/article';
import type { ProjectProblem } from '../../src-shared/domain/project';
import type { Tag } from '../../src-shared/domain/tag';
import { PROJECT_FORMAT, projectFileSchema, type ProjectFile } from './file-schemas';
import { DurableJsonFile } from './json-file-adapter';
import { isUnusableFileError, moveAside } from './set-aside';

export const PROJECT_FILE = 'project.json';

/** The actor and tag ids the articles' annotations use (from the summaries: no article is read). */
export function referencedIds(summaries: Iterable<ArticleSummary>): { actors: Set<string>; tags: Set<string> } {
  const actors = new Set<string>();
  const tags = new Set<string>();
  for (const s of summaries) {
    for (const id of Object.keys(s.actorMentions)) actors.add(id);
    for (const id of Object.keys(s.speakerClaims)) actors.add(id);
    for (const id of Object.keys(s.tagCounts)) tags.add(id);
  }
  return { actors, tags };
}

export function recoveredActor(id: string, stamp: string): Actor {
  return {
    id,
    name: `Recovered actor ${id.slice(0, 8)}`,
    kind: 'other',
    aliases: [],
    description: 'Recovered: annotations name this actor, but project.json did not list it.',
    affiliationId: null,
    note: `Recovered on ${stamp}: the annotations kept this actor's id, but its name and details were lost with a damaged or missing project.json. Give it its name again (or merge it into the right actor).`,
    createdAt: stamp,
    updatedAt: stamp,
  };
}

export function recoveredTag(id: string): Tag {
  return { id, name: `Recovered tag ${id.slice(0, 8)}`, color: '#9e9e9e', parentId: null, hotkey: null };
}

/**
 * Opens `project.json`. The articles are the larger part of the work and name actors and tags by
 * id, so a damaged, missing or incomplete registry is never replaced by an empty one: every id
 * the annotations use and the registry lacks comes back as a "Recovered …" entry with that id,
 * a damaged file is set aside (never overwritten), and each case is reported in `problems`.
 * `existing` says the folder was already a project, so a missing file is a loss, not a start.
 */
export async function openProjectFile(
  directory: string,
  problems: ProjectProblem[],
  summaries: Iterable<ArticleSummary>,
  existing: boolean,
  now: () => Date = () => new Date(),
): Promise<Low<ProjectFile>> {
  const adapter = new DurableJsonFile(join(directory, PROJECT_FILE), projectFileSchema, PROJECT_FORMAT);
  const referenced = referencedIds(summaries);
  const stamp = now().toISOString();
  let data: ProjectFile | null = null;
  let unreadable: unknown = null;
  try {
    data = await adapter.read();
  } catch (error) {
    if (!isUnusableFileError(error)) throw error;
    unreadable = error;
  }

  if (data) {
    const actorIds = new Set(data.actors.map((a) => a.id));
    const tagIds = new Set(data.tags.map((t) => t.id));
    const actors = [...referenced.actors].filter((id) => !actorIds.has(id)).map((id) => recoveredActor(id, stamp));
    const tags = [...referenced.tags].filter((id) => !tagIds.has(id)).map(recoveredTag);
    const db = new Low<ProjectFile>(adapter, data);
    if (actors.length + tags.length > 0) {
      db.data = { ...data, actors: [...data.actors, ...actors], tags: [...data.tags, ...tags] };
      await db.write();
      const message = `${PROJECT_FILE} did not list ${count(actors.length, 'actor')} and ${count(tags.length, 'tag')} that annotations use (an interrupted restore or an edit outside the app). They were added back as "Recovered …" entries with their original ids; rename them or merge them into the right ones.`;
      console.error(message);
      problems.push({ file: PROJECT_FILE, movedTo: null, message });
    }
    return db;
  }

  const actors = [...referenced.actors].map((id) => recoveredActor(id, stamp));
  const tags = [...referenced.tags].map(recoveredTag);
  const rebuilt = `A new ${PROJECT_FILE} was built from what the articles reference: ${count(actors.length, 'actor')} and ${count(tags.length, 'tag')} came back as "Recovered …" entries with their original ids; their names, details and the project notes must be entered again`;
  if (unreadable) {
    const problem = await moveAside(directory, PROJECT_FILE, unreadable, `${rebuilt} (they may still be in the kept copy)`);
    // Still in place: writing a new registry would overwrite it, so the project does not open.
    if (!problem.movedTo) {
      throw new Error(`${PROJECT_FILE} in ${directory} could not be read and could not be set aside, so the project was not opened (a new ${PROJECT_FILE} would overwrite it). Fix the file or its permissions, then open the project again.`);
    }
    problems.push(problem);
  } else if (existing) {
    const message = `${PROJECT_FILE} was missing. ${rebuilt} (from a backup, if you have one).`;
    console.error(message);
    problems.push({ file: PROJECT_FILE, movedTo: null, message });
  }
  const db = new Low<ProjectFile>(adapter, { ...newProjectFile(stamp), actors, tags });
  await db.write();
  return db;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function newProjectFile(stamp: string): ProjectFile {
  return {
    schemaVersion: PROJECT_FORMAT,
    id: randomUUID(),
    name: 'Analyst Workbench project',
    createdAt: stamp,
    notes: '',
    actors: [],
    tags: [],
    settings: {},
  };
}
