import { actorSchema } from '../../../src-shared/domain/actor';
import { tagSchema } from '../../../src-shared/domain/tag';
import { PROJECT_FORMAT, projectFileSchema, type ProjectFile } from '../../store/file-schemas';
import { keptEditedMessage } from './article';
import { mergeItem } from './item';
import { mergeById } from './items';
import { mergeObject } from './values';
import { foldMergedItems, References } from './references';
import { actorRef, PROJECT_PATH, projectRef, tagRef } from './refs';
import { MergeError, type MergeConflict, type MergeNote, type MergeOutcome } from './types';

/**
 * Three-way merge of project.json by identity (docs/merge.md): the project's own fields
 * (name, notes, settings, merge records) field by field, actors and tags (the codebook) by id.
 * Then what the two sides' changes can only break together is repaired and told: an item merged
 * away on one side and edited on the other stays merged; a deleted actor or tag still named by a
 * kept one comes back; a loop of affiliations or parent tags is broken; two tags with one name or
 * hotkey are told apart. Validated as every save; a failure throws `MergeError`.
 */
export function mergeProjectFile(base: ProjectFile | null, ours: ProjectFile, theirs: ProjectFile): MergeOutcome<ProjectFile> {
  for (const side of [base, ours, theirs]) {
    if (side && side.schemaVersion > PROJECT_FORMAT) {
      throw new MergeError('The project was saved by a newer version of Analyst Workbench. Update the app, then sync again. Nothing was changed.', PROJECT_PATH);
    }
  }
  const conflicts: MergeConflict[] = [];
  const notes: MergeNote[] = [];
  const place = (item: MergeConflict['item']) => ({ file: PROJECT_PATH, item });
  const mergedInto = mergeRecords(base?.mergedInto, ours.mergedInto, theirs.mergedInto);
  const top = { ...mergeItem(base, ours, theirs, { skip: ['actors', 'tags', 'mergedInto'] }, place(projectRef(ours)), conflicts), mergedInto };
  const keptEdited = (item: MergeConflict['item'], id: string, deletedOn: 'ours' | 'theirs') => {
    // An item merged away stays merged; foldMergedItems tells what became of its edits.
    if (!mergedInto[id]) notes.push({ kind: 'kept-edited', file: PROJECT_PATH, item, message: keptEditedMessage(deletedOn) });
  };
  const actors = mergeById(base?.actors ?? null, ours.actors, theirs.actors, (b, o, t) => mergeItem(b, o, t, { schema: actorSchema }, place(actorRef(o)), conflicts), (a, side) => keptEdited(actorRef(a), a.id, side));
  const tags = mergeById(base?.tags ?? null, ours.tags, theirs.tags, (b, o, t) => mergeItem(b, o, t, { schema: tagSchema }, place(tagRef(o)), conflicts), (t, side) => keptEdited(tagRef(t), t.id, side));
  // One small file: a copy to repair in place, so the inputs are never changed.
  const project = structuredClone({ ...top, actors: actors.merged, tags: tags.merged }) as ProjectFile;
  if (Object.keys(mergedInto).length === 0) delete project.mergedInto;

  foldMergedItems(project, notes);
  const refs = new References(project, [ours, theirs, ...(base ? [base] : [])]);
  for (let i = 0; i < project.actors.length; i++) {
    const actor = project.actors[i]!;
    if (actor.affiliationId) actor.affiliationId = refs.actor(actor.affiliationId, PROJECT_PATH);
  }
  for (let i = 0; i < project.tags.length; i++) {
    const tag = project.tags[i]!;
    if (tag.parentId) tag.parentId = refs.tag(tag.parentId, PROJECT_PATH);
  }
  notes.push(...refs.notes());
  tidyProject(project, ours, notes);
  return { merged: validProject(project), conflicts, notes };
}

/**
 * What each side kept valid alone but both together can break: loops of affiliations or parent
 * tags (each side added one link), tags sharing a name or a hotkey. The local side's choice stays;
 * the other side's item gives way, and a note says so.
 */
export function tidyProject(project: ProjectFile, ours: ProjectFile, notes: MergeNote[]): void {
  breakLoops(project.actors, 'affiliationId', new Map(ours.actors.map((a) => [a.id, a.affiliationId])), (a) =>
    notes.push({ kind: 'loop-broken', file: PROJECT_PATH, item: actorRef(a), message: `The two sides' affiliations made a loop; “${a.name}” no longer belongs to another actor.` }),
  );
  breakLoops(project.tags, 'parentId', new Map(ours.tags.map((t) => [t.id, t.parentId])), (t) =>
    notes.push({ kind: 'loop-broken', file: PROJECT_PATH, item: tagRef(t), message: `The two sides' parent tags made a loop; “${t.name}” is now a top-level tag.` }),
  );
  const oursTag = new Map(ours.tags.map((t) => [t.id, t]));
  const taken = new Set<string>();
  // Tags that have their name on the local side keep it; the others are renamed.
  const ordered = [...project.tags].sort((a, b) => Number(oursTag.get(b.id)?.name === b.name) - Number(oursTag.get(a.id)?.name === a.name));
  for (const tag of ordered) {
    if (!taken.has(tag.name.toLowerCase())) {
      taken.add(tag.name.toLowerCase());
      continue;
    }
    const old = tag.name;
    for (let n = 2; taken.has(tag.name.toLowerCase()); n++) tag.name = `${old.slice(0, 90).trim()} (${n})`;
    taken.add(tag.name.toLowerCase());
    notes.push({ kind: 'renamed', file: PROJECT_PATH, item: tagRef(tag), message: `Both sides have a tag named “${old}”; this one was renamed “${tag.name}”. Merge the two tags if they are one code.` });
  }
  const hotkeys = new Set<number>();
  const byHotkey = [...project.tags].sort((a, b) => Number(oursTag.get(b.id)?.hotkey === b.hotkey) - Number(oursTag.get(a.id)?.hotkey === a.hotkey));
  for (const tag of byHotkey) {
    if (tag.hotkey === null) continue;
    if (!hotkeys.has(tag.hotkey)) {
      hotkeys.add(tag.hotkey);
      continue;
    }
    notes.push({ kind: 'renamed', file: PROJECT_PATH, item: tagRef(tag), message: `Hotkey ${tag.hotkey} was given to two tags; “${tag.name}” no longer has one.` });
    tag.hotkey = null;
  }
}

/** Cuts every loop in a parent chain at the member whose link the local side did not have. */
function breakLoops<T extends { id: string }, K extends keyof T & string>(items: T[], key: K, oursLinks: Map<string, unknown>, told: (item: T) => void): void {
  const byId = new Map(items.map((x) => [x.id, x]));
  for (const start of items) {
    const chain: T[] = [];
    let current: T | undefined = start;
    while (current && !chain.includes(current)) {
      chain.push(current);
      const next = current[key] as unknown;
      current = typeof next === 'string' ? byId.get(next) : undefined;
    }
    if (!current) continue;
    const loop = chain.slice(chain.indexOf(current)).sort((a, b) => (a.id < b.id ? -1 : 1));
    const cut = loop.find((x) => oursLinks.get(x.id) !== x[key]) ?? loop[0]!;
    (cut as Record<string, unknown>)[key] = null;
    told(cut);
  }
}

/** The merged project.json, as the store would save it; a file that fails the schema is an error. */
export function validProject(project: ProjectFile): ProjectFile {
  const checked = projectFileSchema.safeParse(project);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new MergeError(`The merged project.json would not be valid (${issue?.path.join('.') || 'file'}: ${issue?.message}); nothing was merged. Please report this.`, PROJECT_PATH);
  }
  return checked.data;
}

/**
 * The merge records of both sides (an undo on one side removes its record). The same item merged
 * into different survivors on the two sides keeps the local survivor: both survivors exist and
 * the other side's references already name theirs, so there is nothing for the analyst to choose.
 */
function mergeRecords(base: Record<string, string> | undefined, ours: Record<string, string> | undefined, theirs: Record<string, string> | undefined): Record<string, string> {
  const silent = { winner: 'ours' as const, atomic: new Set<string>(), conflict: () => undefined };
  // No common record is an empty one: what either side added is kept.
  return mergeObject(base ?? {}, ours ?? {}, theirs ?? {}, [], silent) as Record<string, string>;
}
