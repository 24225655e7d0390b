import { describeRange } from '../../../src-shared/anchoring/quote-selector';
import { reanchorAll } from '../../../src-shared/anchoring/reanchor';
import type { Annotation } from '../../../src-shared/domain/annotation';
import type { ArticleFile, ProjectFile } from '../../store/file-schemas';
import { cleanAliases } from '../validate';
import { recordMerge } from './merged-into';
import { random } from '../../../bench/edit-suite/generate';
import { actor, articleFile, projectFile, tag } from './test-fixtures';

/**
 * A project edited by random operations with the same effects as the services (an annotation's
 * deletion drops its links at the other end, an actor's deletion turns its mentions into
 * highlights, a merge moves references and records `mergedInto`, a text edit re-anchors), for the
 * merge's property test. Deterministic for a seed.
 */
export interface SimProject {
  project: ProjectFile;
  articles: Map<string, ArticleFile>;
}

/** The edit suite's seeded generator (mulberry32), so a failing seed replays the same edits anywhere. */
export const rng = random;

const WORDS = ['envoys', 'border', 'talks', 'minister', 'depot', 'troops', 'statement', 'ceasefire', 'convoy', 'harbour', 'briefing', 'delegation'];
const PARAGRAPHS = [
  "Valdoria's foreign minister Ines Marrow met envoys from Ostrava on Monday.",
  'Marrow said the border crossings would reopen within a week; the Marrowfield depot stays shut.',
  'In Ostrava, Deputy Premier Tomas Vell called the promise a stalling tactic.',
  'A convoy of grain reached the harbour at Kessel after two days of delay.',
  'Observers from the coastal league were refused entry to the depot.',
];

export function initialProject(): SimProject {
  const project = projectFile([actor('actor-marrow', 'Ines Marrow'), actor('actor-vell', 'Tomas Vell'), actor('actor-valdoria', 'Valdoria', { kind: 'state' })], [tag('tag-econ', 'Economy', { hotkey: 1 }), tag('tag-sec', 'Security')]);
  const articles = new Map<string, ArticleFile>();
  for (const n of [1, 2, 3]) {
    const text = [PARAGRAPHS[n - 1]!, PARAGRAPHS[n]!, PARAGRAPHS[(n + 1) % PARAGRAPHS.length]!].join('\n\n');
    articles.set(`article-${n}`, articleFile(`article-${n}`, text));
  }
  return { project, articles };
}

export const toTree = (p: SimProject): Map<string, unknown> =>
  new Map<string, unknown>([['project.json', p.project], ...[...p.articles].map(([id, f]): [string, unknown] => [`articles/${id}.json`, f])]);

export function fromTree(tree: ReadonlyMap<string, unknown>): SimProject {
  const articles = new Map<string, ArticleFile>();
  for (const [path, file] of tree) if (path !== 'project.json') articles.set((file as ArticleFile).article.id, structuredClone(file as ArticleFile));
  return { project: structuredClone(tree.get('project.json') as ProjectFile), articles };
}

/** Runs `steps` random operations as `side`, with its own clock. */
export function simulate(p: SimProject, side: string, steps: number, random: () => number, clockStart: number): void {
  let clock = clockStart;
  let counter = 0;
  const tick = () => new Date(Date.UTC(2026, 0, 1) + (clock += 1 + Math.floor(random() * 3)) * 1000).toISOString();
  const pick = <T>(list: readonly T[]): T | undefined => (list.length ? list[Math.floor(random() * list.length)] : undefined);
  const newId = (kind: string) => `${side}-${kind}-${++counter}`;
  const all = () => [...p.articles.values()].flatMap((f) => f.annotations.map((a) => ({ file: f, a })));
  const claims = () => all().filter(({ a }) => a.claim);

  const ops: (() => void)[] = [
    // add an annotation (three times as likely as the rest)
    ...Array<() => void>(3).fill(() => {
      const file = pick([...p.articles.values()])!;
      const words = [...file.article.text.matchAll(/\S+/g)];
      const first = Math.floor(random() * words.length);
      const last = Math.min(words.length - 1, first + Math.floor(random() * 3));
      const start = words[first]!.index!;
      const end = words[last]!.index! + words[last]![0].length;
      const roll = random();
      const stamp = tick();
      const speaker = pick(p.project.actors)?.id ?? null;
      const mention = roll < 0.3 ? pick(p.project.actors) : undefined;
      const annotation: Annotation = {
        id: newId('note'),
        articleId: file.article.id,
        kind: mention ? 'actor' : roll > 0.6 ? 'claim' : 'highlight',
        target: describeRange(file.article.text, start, end),
        tags: p.project.tags.filter(() => random() < 0.3).map((t) => t.id),
        note: '',
        status: 'draft',
        actorId: mention?.id ?? null,
        claim: !mention && roll > 0.6 ? { speakerId: speaker, form: 'paraphrase', medium: '', reliability: null, credibility: null, verification: 'unverified', links: [] } : null,
        anchor: 'anchored',
        createdAt: stamp,
        updatedAt: stamp,
      };
      file.annotations.push(annotation);
    }),
    // edit an annotation
    () => {
      const hit = pick(all());
      if (!hit) return;
      const roll = random();
      if (roll < 0.4) hit.a.note = `${side} note ${++counter}`;
      else if (roll < 0.7) hit.a.status = pick(['draft', 'reviewed', 'disputed'] as const)!;
      else hit.a.tags = p.project.tags.filter(() => random() < 0.4).map((t) => t.id);
      if (hit.a.claim && random() < 0.3) hit.a.claim.verification = pick(['corroborated', 'contested', 'false'] as const)!;
      hit.a.updatedAt = tick();
    },
    // delete an annotation, and the other ends of its links
    () => {
      const hit = pick(all());
      if (!hit) return;
      for (const f of p.articles.values()) {
        for (const a of f.annotations) if (a.claim) a.claim.links = a.claim.links.filter((l) => !(l.articleId === hit.file.article.id && l.annotationId === hit.a.id));
      }
      hit.file.annotations = hit.file.annotations.filter((a) => a !== hit.a);
    },
    // link two claims (both ends)
    () => {
      const [x, y] = [pick(claims()), pick(claims())];
      if (!x || !y || x.a === y.a) return;
      const type = pick(['supports', 'contradicts', 'repeats'] as const)!;
      const drop = (a: Annotation, f: ArticleFile, other: Annotation) => (a.claim!.links = a.claim!.links.filter((l) => !(l.articleId === other.articleId && l.annotationId === other.id)));
      drop(x.a, x.file, y.a);
      drop(y.a, y.file, x.a);
      x.a.claim!.links.push({ articleId: y.file.article.id, annotationId: y.a.id, type, direction: 'out' });
      y.a.claim!.links.push({ articleId: x.file.article.id, annotationId: x.a.id, type, direction: 'in' });
    },
    // edit an article's text, re-anchoring as articles:update-text does
    () => {
      const file = pick([...p.articles.values()])!;
      const old = file.article.text;
      const paragraphs = old.split('\n\n');
      const at = Math.floor(random() * paragraphs.length);
      const roll = random();
      if (roll < 0.4) paragraphs.splice(at, 0, `The ${pick(WORDS)} was mentioned by ${side} (${++counter}).`);
      else if (roll < 0.7 && paragraphs.length > 1) paragraphs.splice(at, 1);
      else paragraphs[at] = paragraphs[at]!.replace(/\b[a-z]{5,}\b/, pick(WORDS)!);
      const text = paragraphs.join('\n\n');
      if (text === old) return;
      const results = reanchorAll(old, text, file.annotations.map((a) => a.target), file.annotations.map((a) => a.anchor === 'anchored'));
      file.annotations.forEach((a, i) => {
        const r = results[i]!;
        if (r.status === 'anchored') Object.assign(a, { target: r.target, anchor: 'anchored' });
        else Object.assign(a, { anchor: 'orphan', target: { ...a.target, start: 0, end: Math.min(1, text.length) } });
      });
      file.article.text = text;
      file.article.updatedAt = tick();
    },
    // add, edit, delete or merge actors
    () => {
      const stamp = tick();
      p.project.actors.push(actor(newId('actor'), `Actor ${side} ${counter}`, { createdAt: stamp, updatedAt: stamp, affiliationId: random() < 0.3 ? (pick(p.project.actors)?.id ?? null) : null }));
    },
    () => {
      const a = pick(p.project.actors);
      if (!a) return;
      a.note = `${side} actor note ${++counter}`;
      if (random() < 0.5) a.aliases = cleanAliases(a.name, [...a.aliases, `${side} alias ${counter}`]);
      a.updatedAt = tick();
    },
    () => {
      const gone = pick(p.project.actors);
      if (!gone) return;
      for (const f of p.articles.values()) {
        for (const a of f.annotations) {
          if (a.claim?.speakerId === gone.id) a.claim.speakerId = null;
          if (a.actorId === gone.id) Object.assign(a, { kind: 'highlight', actorId: null });
        }
      }
      for (const a of p.project.actors) if (a.affiliationId === gone.id) a.affiliationId = null;
      p.project.actors = p.project.actors.filter((a) => a !== gone);
    },
    () => {
      const [survivor, merged] = [pick(p.project.actors), pick(p.project.actors)];
      if (!survivor || !merged || survivor === merged) return;
      for (const f of p.articles.values()) {
        for (const a of f.annotations) {
          if (a.actorId === merged.id) a.actorId = survivor.id;
          if (a.claim?.speakerId === merged.id) a.claim.speakerId = survivor.id;
        }
      }
      survivor.aliases = cleanAliases(survivor.name, [...survivor.aliases, merged.name, ...merged.aliases]).slice(0, 200);
      for (const a of p.project.actors) if (a.affiliationId === merged.id) a.affiliationId = a === survivor ? null : survivor.id;
      if (survivor.affiliationId === merged.id) survivor.affiliationId = null;
      p.project.actors = p.project.actors.filter((a) => a !== merged);
      recordMerge(p.project, merged.id, survivor.id);
      survivor.updatedAt = tick();
    },
    // add or delete tags
    () => {
      p.project.tags.push(tag(newId('tag'), `Tag ${side} ${counter}`, { parentId: random() < 0.3 ? (pick(p.project.tags)?.id ?? null) : null }));
    },
    () => {
      const gone = pick(p.project.tags);
      if (!gone) return;
      for (const f of p.articles.values()) for (const a of f.annotations) a.tags = a.tags.filter((t) => t !== gone.id);
      for (const t of p.project.tags) if (t.parentId === gone.id) t.parentId = gone.parentId;
      p.project.tags = p.project.tags.filter((t) => t !== gone);
    },
  ];
  for (let i = 0; i < steps; i++) pick(ops)!();
}
