/**
 * `npm run bench merge-bench`: the three-way merge of Sync (src-main/services/merge, docs/merge.md).
 * 1. The merge of one Sync: 10 articles changed on both sides (200 annotations each; each side
 *    edits 20 and adds 20, 5 edited on both: conflicts; one article's text edited on both sides)
 *    and project.json with 500 actors and 100 tags edited on both sides, by `mergeProjectTree`
 *    given the changed paths. Part of the 3 s budget for a Sync of 10 changed articles.
 * 2. The worst single article: 20,000 words, 2,000 annotations, the text edited on both sides
 *    (bench/edit-suite/large-article.ts); the merge re-anchors the other side's 200 new
 *    annotations, and choosing the other text (`resolveConflict`) re-anchors all 2,200.
 */
import { cpus, loadavg } from 'node:os';
import { describeRange } from '../src-shared/anchoring/quote-selector';
import { reanchorAll } from '../src-shared/anchoring/reanchor';
import type { Annotation } from '../src-shared/domain/annotation';
import type { ArticleFile, ProjectFile } from '../src-main/store/file-schemas';
import { mergeArticleFile, mergeProjectTree, resolveConflict } from '../src-main/services/merge';
import { largeArticle } from './edit-suite/large-article';
import { loadArticles } from './edit-suite/load';
import { articlesDir } from './edit-suite/suite';
import { benchSize } from './bench-size';
import { makeArticleFile } from './synthetic-project';
import { median } from './stats.mjs';

const RUNS = benchSize(15, 1);
const ARTICLES = benchSize(10, 2);
const ANNOTATIONS = benchSize(200, 40);
const fmt = (xs: number[]) => `median ${median(xs).toFixed(1)} ms, best ${Math.min(...xs).toFixed(1)} ms`;
const stamp = (s: number) => new Date(Date.UTC(2026, 1, 1, 0, 0, s)).toISOString();

function annotationsFor(file: ArticleFile, count: number, prefix: string, when: string): Annotation[] {
  const words = [...file.article.text.matchAll(/\S+/g)];
  return Array.from({ length: count }, (_, k) => {
    const first = words[(k * 7919) % (words.length - 3)]!;
    const last = words[((k * 7919) % (words.length - 3)) + 2]!;
    const target = describeRange(file.article.text, first.index!, last.index! + last[0].length);
    return { id: `${prefix}-${k}`, articleId: file.article.id, kind: 'highlight', target, tags: [], note: '', status: 'draft', actorId: null, claim: null, anchor: 'anchored', createdAt: when, updatedAt: when };
  });
}

function syncCase(): { base: Map<string, unknown>; ours: Map<string, unknown>; theirs: Map<string, unknown>; paths: string[] } {
  const project: ProjectFile = {
    schemaVersion: 1,
    id: 'bench-project',
    name: 'Bench',
    createdAt: stamp(0),
    notes: '',
    actors: Array.from({ length: 500 }, (_, i) => ({ id: `actor-${i}`, name: `Actor ${i}`, kind: 'person' as const, aliases: [`A${i}`], description: '', affiliationId: null, note: '', createdAt: stamp(0), updatedAt: stamp(0) })),
    tags: Array.from({ length: 100 }, (_, i) => ({ id: `tag-${i}`, name: `Tag ${i}`, color: '#f2c94c', parentId: null, hotkey: null })),
    settings: {},
  };
  const base = new Map<string, unknown>([['project.json', project]]);
  const ours = new Map<string, unknown>([['project.json', structuredClone(project)]]);
  const theirs = new Map<string, unknown>([['project.json', structuredClone(project)]]);
  (ours.get('project.json') as ProjectFile).actors.push({ ...project.actors[0]!, id: 'actor-new-ours', name: 'New ours' });
  (theirs.get('project.json') as ProjectFile).actors[3]!.note = 'Edited on the other side';
  const paths: string[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const made = makeArticleFile(i);
    const file: ArticleFile = { schemaVersion: 1, ...made };
    file.annotations = annotationsFor(file, ANNOTATIONS, `a${i}`, stamp(0));
    const path = `articles/${file.article.id}.json`;
    paths.push(path);
    base.set(path, file);
    const o = structuredClone(file);
    const t = structuredClone(file);
    for (let k = 0; k < 20; k++) Object.assign(o.annotations[k]!, { note: `ours ${k}`, updatedAt: stamp(10) });
    for (let k = 15; k < 35; k++) Object.assign(t.annotations[k]!, { note: `theirs ${k}`, updatedAt: stamp(20) });
    o.annotations.push(...annotationsFor(o, 20, `o${i}`, stamp(10)).map((a) => ({ ...a, target: describeRange(o.article.text, a.target.start + 1, a.target.end) })));
    t.annotations.push(...annotationsFor(t, 20, `t${i}`, stamp(20)));
    if (i === 0) {
      o.article.text = `A paragraph added on this computer.\n\n${o.article.text}`;
      const placed = reanchorAll(file.article.text, o.article.text, o.annotations.map((a) => a.target));
      o.annotations.forEach((a, k) => {
        const r = placed[k]!;
        if (r.status === 'anchored') a.target = r.target;
      });
      t.article.text = `${t.article.text}\n\nA paragraph added on the other side.`;
      t.article.updatedAt = stamp(30);
    }
    ours.set(path, o);
    theirs.set(path, t);
  }
  return { base, ours, theirs, paths };
}

function largeCase(): { base: ArticleFile; ours: ArticleFile; theirs: ArticleFile; size: string } {
  const { dev, test } = loadArticles(articlesDir());
  const large = largeArticle([...dev, ...test], benchSize(20_000, 2_000), benchSize(2_000, 200));
  const base: ArticleFile = {
    schemaVersion: 1,
    article: { id: 'large', title: 'Large', source: '', url: '', published: '', text: large.oldText, status: 'todo', note: '', createdAt: stamp(0), updatedAt: stamp(0) },
    annotations: large.targets.map((target, k) => ({ id: `n-${k}`, articleId: 'large', kind: 'highlight', target, tags: [], note: '', status: 'draft', actorId: null, claim: null, anchor: 'anchored', createdAt: stamp(0), updatedAt: stamp(0) })),
  };
  const ours = structuredClone(base);
  const placed = reanchorAll(large.oldText, large.newText, large.targets);
  ours.article.text = large.newText;
  ours.article.updatedAt = stamp(50);
  ours.annotations.forEach((a, k) => {
    const r = placed[k]!;
    if (r.status === 'anchored') a.target = r.target;
    else Object.assign(a, { anchor: 'orphan', target: { ...a.target, start: 0, end: 1 } });
  });
  const theirs = structuredClone(base);
  theirs.article.text = `${large.oldText}\n\nA closing paragraph added on the other side.`;
  theirs.article.updatedAt = stamp(40);
  theirs.annotations.push(...annotationsFor(theirs, benchSize(200, 20), 'theirs', stamp(40)));
  return { base, ours, theirs, size: `${large.words.toLocaleString()} words, ${theirs.annotations.length.toLocaleString()} annotations` };
}

function main(): void {
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const sync = syncCase();
  const times: number[] = [];
  let summary = '';
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    const result = mergeProjectTree({ base: sync.base, ours: sync.ours, theirs: sync.theirs }, { paths: sync.paths });
    times.push(performance.now() - t);
    summary = `${result.changed.length} files to write, ${result.conflicts.length} conflicts, ${result.notes.length} notes`;
  }
  console.log(`mergeProjectTree, ${ARTICLES} changed articles × ${ANNOTATIONS + 20} annotations + project.json: ${fmt(times)}   (${summary}; ${RUNS} runs; budget for the whole Sync: 3,000 ms)`);

  const large = largeCase();
  const mergeTimes: number[] = [];
  const chooseTimes: number[] = [];
  let orphans = 0;
  for (let r = 0; r < Math.min(RUNS, benchSize(5, 1)); r++) {
    let t = performance.now();
    const result = mergeArticleFile(large.base, large.ours, large.theirs);
    mergeTimes.push(performance.now() - t);
    const text = result.conflicts.find((c) => c.fields[0] === 'text')!;
    t = performance.now();
    const chosen = resolveConflict(result.merged, text, text.kept === 'ours' ? 'theirs' : 'ours');
    chooseTimes.push(performance.now() - t);
    orphans = chosen.notes.length;
  }
  console.log(`mergeArticleFile, text edited on both sides (${large.size}): ${fmt(mergeTimes)}`);
  console.log(`resolveConflict, the other text chosen (all re-anchored, ${orphans} orphaned): ${fmt(chooseTimes)}`);
}

main();
