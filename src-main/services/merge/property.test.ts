import { describe, expect, it } from 'vitest';
import { articleFileSchema, projectFileSchema, type ArticleFile, type ProjectFile } from '../../store/file-schemas';
import { fromTree, initialProject, rng, simulate, toTree, type SimProject } from './test-simulator';
import { mergeProjectTree } from './tree';
import { sameValue } from './values';

const RUNS = 60;

const annotationsOf = (p: SimProject) => new Map([...p.articles.values()].flatMap((f) => f.annotations.map((a) => [a.id, a] as const)));

describe('mergeProjectTree over random edits on both sides', () => {
  it(`never loses an annotation and always answers valid, consistent files (${RUNS} seeds)`, () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const random = rng(seed);
      const base = initialProject();
      simulate(base, 'base', 15, random, 0);
      const ours = fromTree(toTree(base));
      const theirs = fromTree(toTree(base));
      simulate(ours, 'ours', 25, random, 100);
      simulate(theirs, 'theirs', 25, random, 100);

      const inputs = { base: toTree(base), ours: toTree(ours), theirs: toTree(theirs) };
      const before = JSON.stringify([...inputs.base, ...inputs.ours, ...inputs.theirs]);
      const { merged } = mergeProjectTree(inputs);
      const context = `seed ${seed}`;
      expect(JSON.stringify([...inputs.base, ...inputs.ours, ...inputs.theirs]), `${context}: the inputs were changed`).toBe(before);
      const project = projectFileSchema.parse(merged.get('project.json')) as ProjectFile;
      const files = [...merged].filter(([path]) => path !== 'project.json').map(([, f]) => articleFileSchema.parse(f) as ArticleFile);
      const result = new Map(files.flatMap((f) => f.annotations.map((a) => [a.id, a] as const)));

      // Nothing lost: every annotation either side holds is kept, unless it came from the base,
      // one side deleted it and the other left it as it was.
      const [b, o, t] = [annotationsOf(base), annotationsOf(ours), annotationsOf(theirs)];
      for (const [side, mine, other] of [
        ['ours', o, t],
        ['theirs', t, o],
      ] as const) {
        for (const [id, a] of mine) {
          const deletedUnchanged = b.has(id) && !other.has(id) && sameValue(b.get(id), a);
          if (!deletedUnchanged) expect(result.has(id), `${context}: ${side}'s annotation ${id} was lost`).toBe(true);
        }
      }
      // Nothing made up.
      for (const id of result.keys()) expect(o.has(id) || t.has(id), `${context}: ${id} is new`).toBe(true);

      // Consistent: references resolve, anchored passages read their quote, links are symmetric.
      const actors = new Set(project.actors.map((a) => a.id));
      const tags = new Set(project.tags.map((x) => x.id));
      for (const a of project.actors) if (a.affiliationId) expect(actors.has(a.affiliationId), `${context}: affiliation`).toBe(true);
      for (const x of project.tags) if (x.parentId) expect(tags.has(x.parentId), `${context}: parent tag`).toBe(true);
      expect(new Set(project.tags.map((x) => x.name.toLowerCase())).size, `${context}: tag names`).toBe(project.tags.length);
      for (const f of files) {
        expect(new Set(f.annotations.map((a) => a.id)).size).toBe(f.annotations.length);
        for (const a of f.annotations) {
          if (a.actorId) expect(actors.has(a.actorId), `${context}: actor of ${a.id}`).toBe(true);
          if (a.claim?.speakerId) expect(actors.has(a.claim.speakerId), `${context}: speaker of ${a.id}`).toBe(true);
          for (const x of a.tags) expect(tags.has(x), `${context}: tag of ${a.id}`).toBe(true);
          if (a.anchor === 'anchored') expect(f.article.text.slice(a.target.start, a.target.end), `${context}: passage of ${a.id}`).toBe(a.target.exact);
          for (const link of a.claim?.links ?? []) {
            const other = result.get(link.annotationId);
            expect(other?.claim, `${context}: link from ${a.id} to a missing claim`).toBeTruthy();
            expect(other!.claim!.links).toContainEqual({ articleId: f.article.id, annotationId: a.id, type: link.type, direction: link.direction === 'out' ? 'in' : 'out' });
          }
        }
      }
    }
  }, 120_000);
});
