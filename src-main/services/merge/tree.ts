import { articleFileSchema, projectFileSchema, type ArticleFile, type ProjectFile } from '../../store/file-schemas';
import { keptEditedMessage, mergeArticleFile, validArticle } from './article';
import { repairLinks } from './links';
import { mergeProjectFile, tidyProject, validProject } from './project';
import { References } from './references';
import { articleIdOfPath, articleRef, isProjectDataPath, PROJECT_PATH } from './refs';
import { MergeError, type MergeConflict, type MergeNote, type MergeOutcome, type MergeSide } from './types';
import { sameValue } from './values';

/** A project's files by path (`project.json`, `articles/<id>.json`), as parsed JSON. */
export type ProjectTreeFiles = ReadonlyMap<string, unknown>;

/** The three versions of a project: the common ancestor (null when there is none) and the two sides. */
export interface ProjectTreeSides {
  base: ProjectTreeFiles | null;
  ours: ProjectTreeFiles;
  theirs: ProjectTreeFiles;
}

export interface ProjectTreeOptions {
  /**
   * The paths to merge: those either side changed since the base (project.json is always
   * merged). A path in this list that a side's map lacks does not exist on that side. Without
   * it, every path of the three maps is merged (the maps are then whole trees).
   */
  paths?: Iterable<string>;
}

/** A merged project: `merged` holds every merged file (by path) that exists after the merge. */
export interface ProjectTreeOutcome extends MergeOutcome<Map<string, ProjectFile | ArticleFile>> {
  /** Paths whose merged content differs from ours: to be written. */
  changed: string[];
  /** Paths ours has that the merge removed: to be deleted. */
  deleted: string[];
}

/**
 * Merges a whole project (docs/merge.md): project.json and each article file by identity, then
 * across files: mentions, speakers and tags naming an actor or tag merged away follow the
 * survivor, ones naming an item deleted on one side bring it back, and claim links are made
 * symmetric again. Every input file is checked against the store's schemas first and every
 * merged file validated after; any failure throws `MergeError` and nothing is returned.
 */
export function mergeProjectTree(sides: ProjectTreeSides, options: ProjectTreeOptions = {}): ProjectTreeOutcome {
  const paths = new Set(options.paths ?? [...(sides.base?.keys() ?? []), ...sides.ours.keys(), ...sides.theirs.keys()]);
  paths.add(PROJECT_PATH);
  for (const path of paths) {
    if (!isProjectDataPath(path)) throw new MergeError(`${path} is not project data: only project.json and articles/<id>.json are merged.`, path);
  }
  const conflicts: MergeConflict[] = [];
  const notes: MergeNote[] = [];

  const projects = {
    base: sides.base ? readProject(sides.base, 'the common version') : null,
    ours: readProject(sides.ours, 'this computer'),
    theirs: readProject(sides.theirs, 'the other side'),
  };
  if (!projects.ours || !projects.theirs) throw new MergeError(`Both sides must hold a project.json to be merged; ${projects.ours ? 'the other side' : 'this computer'} has none.`, PROJECT_PATH);
  const projectOutcome = mergeProjectFile(projects.base, projects.ours, projects.theirs);
  const project = projectOutcome.merged; // fresh from validation: changed in place below
  conflicts.push(...projectOutcome.conflicts);
  notes.push(...projectOutcome.notes);

  const articles = new Map<string, ArticleFile>();
  const gone = new Set<string>();
  const oursArticles = new Map<string, ArticleFile>();
  for (const path of [...paths].sort()) {
    const id = articleIdOfPath(path);
    if (!id) continue;
    const b = sides.base ? readArticle(sides.base, path, id, 'the common version') : null;
    const o = readArticle(sides.ours, path, id, 'this computer');
    const t = readArticle(sides.theirs, path, id, 'the other side');
    if (o) oursArticles.set(id, o);
    if (o && t) {
      const outcome = mergeArticleFile(b, o, t);
      articles.set(id, outcome.merged); // fresh from validation
      conflicts.push(...outcome.conflicts);
      notes.push(...outcome.notes);
      continue;
    }
    const only = o ?? t;
    if (!only || (b && sameValue(b, only))) {
      if (b || only) gone.add(id);
      continue;
    }
    if (b) notes.push({ kind: 'kept-edited', file: path, item: articleRef(only), message: keptEditedMessage((o ? 'theirs' : 'ours') satisfies MergeSide) });
    articles.set(id, structuredClone(only));
  }

  // References in the articles to actors and tags, against the merged project.json.
  const refs = new References(project, [projects.ours, projects.theirs, ...(projects.base ? [projects.base] : [])]);
  for (const file of articles.values()) {
    const path = `articles/${file.article.id}.json`;
    for (const a of file.annotations) {
      if (a.actorId) a.actorId = refs.actor(a.actorId, path);
      if (a.claim?.speakerId) a.claim.speakerId = refs.actor(a.claim.speakerId, path);
      if (a.tags.length) a.tags = [...new Set(a.tags.map((t) => refs.tag(t, path)))];
    }
  }
  notes.push(...refs.notes());
  tidyProject(project, projects.ours, notes);
  repairLinks(articles, gone, notes);

  const merged = new Map<string, ProjectFile | ArticleFile>([[PROJECT_PATH, validProject(project)]]);
  for (const [id, file] of articles) merged.set(`articles/${id}.json`, validArticle(file, `articles/${id}.json`));
  const changed: string[] = [];
  for (const [path, file] of merged) {
    const before = path === PROJECT_PATH ? projects.ours : oursArticles.get(articleIdOfPath(path)!);
    if (!before || !sameValue(before, file)) changed.push(path);
  }
  const deleted = [...oursArticles.keys()].filter((id) => !articles.has(id)).map((id) => `articles/${id}.json`);
  return { merged, conflicts, notes, changed, deleted };
}

function readProject(files: ProjectTreeFiles, side: string): ProjectFile | null {
  const value = files.get(PROJECT_PATH);
  if (value === undefined) return null;
  const checked = projectFileSchema.safeParse(value);
  if (!checked.success) throw new MergeError(`project.json on ${side} is not a valid project file (${describe(checked.error)}); nothing was merged.`, PROJECT_PATH);
  return checked.data;
}

function readArticle(files: ProjectTreeFiles, path: string, id: string, side: string): ArticleFile | null {
  const value = files.get(path);
  if (value === undefined) return null;
  const checked = articleFileSchema.safeParse(value);
  if (!checked.success) throw new MergeError(`${path} on ${side} is not a valid article file (${describe(checked.error)}); nothing was merged.`, path);
  if (checked.data.article.id !== id) throw new MergeError(`${path} on ${side} holds another article (${checked.data.article.id}); nothing was merged.`, path);
  return checked.data;
}

function describe(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return `${issue?.path.map(String).join('.') || 'file'}: ${issue?.message ?? 'invalid'}`;
}
