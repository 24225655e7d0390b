import { MAX_ALIASES, type Actor } from '../../../src-shared/domain/actor';
import type { Tag } from '../../../src-shared/domain/tag';
import type { ProjectFile } from '../../store/file-schemas';
import { cleanAliases } from '../validate';
import { actorRef, PROJECT_PATH, tagRef } from './refs';
import type { MergeNote } from './types';

type Kind = 'actor' | 'tag';
type Registry = { actor: Actor; tag: Tag };

/**
 * Resolves the actor and tag ids that merged data names against the merged project.json:
 * an id merged into another on either side (`mergedInto`) gives the survivor; an id deleted on
 * one side but still named by the other side's data brings the item back from the side that
 * has it (nothing the other side built on it is lost). Both are told in `notes()`, once per id
 * and file, with how many references followed. Changes the project in place.
 */
export class References {
  private readonly followed = new Map<string, { file: string; from: string; to: string; kind: Kind; count: number }>();
  private readonly restored: MergeNote[] = [];

  constructor(
    private readonly project: ProjectFile,
    /** The project.json of each side (ours first), where deleted items are found again. */
    private readonly versions: readonly ProjectFile[],
  ) {}

  actor(id: string, file: string): string {
    return this.resolve('actor', id, file);
  }

  tag(id: string, file: string): string {
    return this.resolve('tag', id, file);
  }

  private list<K extends Kind>(kind: K, project: ProjectFile = this.project): Registry[K][] {
    return (kind === 'actor' ? project.actors : project.tags) as Registry[K][];
  }

  private resolve(kind: Kind, id: string, file: string): string {
    if (this.list(kind).some((x) => x.id === id)) return id;
    const survivor = this.survivorOf(kind, id);
    if (survivor) {
      const key = `${file}|${id}`;
      const entry = this.followed.get(key) ?? { file, from: id, to: survivor, kind, count: 0 };
      entry.count++;
      this.followed.set(key, entry);
      return survivor;
    }
    const version = this.latest(kind, id);
    if (!version) return id; // known to no side: left for the open-time repair to name
    const item = structuredClone(version);
    (this.list(kind) as (Actor | Tag)[]).push(item);
    this.restored.push({
      kind: 'restored',
      file: PROJECT_PATH,
      item: kind === 'actor' ? actorRef(item as Actor) : tagRef(item as Tag),
      message: `Deleted on one side, but the other side still uses this ${kind}: it was brought back.`,
    });
    // Whatever it names is resolved too (an actor's affiliation, a tag's parent).
    if (kind === 'actor' && (item as Actor).affiliationId) (item as Actor).affiliationId = this.resolve('actor', (item as Actor).affiliationId!, PROJECT_PATH);
    if (kind === 'tag' && (item as Tag).parentId) (item as Tag).parentId = this.resolve('tag', (item as Tag).parentId!, PROJECT_PATH);
    return id;
  }

  /** The surviving item an id was merged into (through any chain of merges), or null. */
  private survivorOf(kind: Kind, id: string): string | null {
    const merged = this.project.mergedInto ?? {};
    const seen = new Set<string>();
    let current = id;
    while (merged[current] && !seen.has(current)) {
      seen.add(current);
      current = merged[current]!;
      if (this.list(kind).some((x) => x.id === current)) return current;
    }
    return null;
  }

  /** The item as the side that changed it last holds it. */
  private latest(kind: Kind, id: string): Actor | Tag | undefined {
    const found = this.versions.map((v) => (this.list(kind, v) as (Actor | Tag)[]).find((x) => x.id === id)).filter((x) => x !== undefined);
    return found.sort((a, b) => stamp(b) - stamp(a))[0];
  }

  notes(): MergeNote[] {
    const names = (kind: Kind, id: string) => (this.list(kind) as (Actor | Tag)[]).find((x) => x.id === id)?.name ?? id;
    const followed = [...this.followed.values()].map(({ file, to, kind, count }): MergeNote => {
      const survivor = (this.list(kind) as (Actor | Tag)[]).find((x) => x.id === to)!;
      return {
        kind: 'followed-merge',
        file,
        item: kind === 'actor' ? actorRef(survivor as Actor) : tagRef(survivor as Tag),
        message: `${count} reference${count === 1 ? '' : 's'} to ${kind === 'actor' ? 'an actor' : 'a tag'} merged into “${names(kind, to)}” on one side now name${count === 1 ? 's' : ''} “${names(kind, to)}”.`,
      };
    });
    return [...followed, ...this.restored];
  }
}

const stamp = (item: Actor | Tag): number => {
  const value = (item as { updatedAt?: string }).updatedAt;
  return value ? Date.parse(value) : 0;
};

/**
 * Items merged away on one side that the other side's edits kept (a merge deletes the merged
 * item): they stay merged. An actor's names are added to the survivor's aliases, so nothing the
 * other side typed is lost; a tag passes on its hotkey if the survivor has none.
 */
export function foldMergedItems(project: ProjectFile, notes: MergeNote[]): void {
  const merged = project.mergedInto ?? {};
  const survivorIn = <T extends { id: string }>(list: T[], id: string): T | undefined => {
    const seen = new Set<string>();
    let current = id;
    while (merged[current] && !seen.has(current)) {
      seen.add(current);
      current = merged[current]!;
      const found = list.find((x) => x.id === current);
      if (found) return found;
    }
    return undefined;
  };
  for (const actor of [...project.actors]) {
    const survivor = survivorIn(project.actors, actor.id);
    if (!survivor || survivor === actor) continue;
    const aliases = cleanAliases(survivor.name, [...survivor.aliases, actor.name, ...actor.aliases]);
    survivor.aliases = aliases.slice(0, MAX_ALIASES);
    project.actors = project.actors.filter((a) => a !== actor);
    notes.push({ kind: 'followed-merge', file: PROJECT_PATH, item: actorRef(survivor), message: `“${actor.name}”, merged into “${survivor.name}” on one side, was edited on the other: it stays merged, its names kept as aliases of “${survivor.name}”.` });
  }
  for (const tag of [...project.tags]) {
    const survivor = survivorIn(project.tags, tag.id);
    if (!survivor || survivor === tag) continue;
    if (survivor.hotkey === null && !project.tags.some((t) => t.hotkey === tag.hotkey && t !== tag)) survivor.hotkey = tag.hotkey;
    project.tags = project.tags.filter((t) => t !== tag);
    notes.push({ kind: 'followed-merge', file: PROJECT_PATH, item: tagRef(survivor), message: `“${tag.name}”, merged into “${survivor.name}” on one side, was edited on the other: it stays merged.` });
  }
}
