import { describe, expect, it } from 'vitest';
import { at, openTestProject } from './test-project';


const TALKS =
  "Valdoria's foreign minister Ines Marrow met envoys from Ostrava on Monday.\n\nMarrow said the border crossings would reopen within a week; the Marrowfield depot stays shut.";
const DENIAL = 'Speaking in Kessel, Minister Marrow denied that Valdoria had moved troops.\n\nIn Ostrava, Deputy Premier Tomas Vell called the denial a stalling tactic.';
const CLAIM = { speakerId: null, form: 'paraphrase', medium: 'briefing', reliability: 'B', credibility: 3, verification: 'unverified' } as const;


async function setup() {
  const { router, call } = await openTestProject(() => new Date('2026-03-01T10:00:00Z'));
  const talks = await call('articles:create', { title: 'Talks', text: TALKS });
  const denial = await call('articles:create', { title: 'Denial', text: DENIAL });
  const actor = async (id: string) => (await call('project:get', {})).actors.find((a) => a.id === id);
  const annotationsOf = async (articleId: string) => (await call('articles:get', { id: articleId })).annotations;
  return { router, call, talks, denial, actor, annotationsOf };
}

describe('actors:create', () => {
  it('dedupes aliases ignoring case and drops one equal to the name', async () => {
    const { call } = await setup();
    const actor = await call('actors:create', { name: 'Ines Marrow', aliases: ['Marrow', 'MARROW', 'ines marrow', ' the foreign minister '] });
    expect(actor.aliases).toEqual(['Marrow', 'the foreign minister']);
    expect(actor).toMatchObject({ kind: 'person', affiliationId: null, createdAt: '2026-03-01T10:00:00.000Z' });
  });

  it('requires the affiliation to exist', async () => {
    const { router, call } = await setup();
    const missing = await router.handle('actors:create', { name: 'Ines Marrow', affiliationId: 'no-such-actor' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await call('project:get', {})).actors).toEqual([]);
    const state = await call('actors:create', { name: 'Valdoria', kind: 'state' });
    const minister = await call('actors:create', { name: 'Ines Marrow', affiliationId: state.id });
    expect(minister.affiliationId).toBe(state.id);
  });
});

describe('actors:update', () => {
  it('refuses an affiliation cycle, direct or through others', async () => {
    const { router, call, actor } = await setup();
    const state = await call('actors:create', { name: 'Valdoria', kind: 'state' });
    const ministry = await call('actors:create', { name: 'Valdorian Foreign Ministry', kind: 'organization', affiliationId: state.id });
    const minister = await call('actors:create', { name: 'Ines Marrow', affiliationId: ministry.id });
    for (const [id, affiliationId] of [
      [state.id, ministry.id],
      [state.id, minister.id],
      [minister.id, minister.id],
    ] as const) {
      const result = await router.handle('actors:update', { id, fields: { affiliationId } });
      expect(result, `${id} -> ${affiliationId}`).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect((await actor(state.id))?.affiliationId).toBeNull();
    expect((await actor(minister.id))?.affiliationId).toBe(ministry.id);
  });

  // Regression (fixed): actorFieldsSchema.partial() keeps zod defaults (contract.ts:140, actors:update), so every omitted field is
  // reset: renaming an actor wipes its aliases, kind, description, affiliation and note.
  it('changes only the fields given', async () => {
    const { call } = await setup();
    const state = await call('actors:create', { name: 'Valdoria', kind: 'state' });
    const created = await call('actors:create', { name: 'Ines Marrow', aliases: ['Marrow'], description: 'Foreign minister', affiliationId: state.id, note: 'Check title.' });
    const updated = await call('actors:update', { id: created.id, fields: { name: 'Ines Marrow-Kade' } });
    expect(updated).toMatchObject({ name: 'Ines Marrow-Kade', aliases: ['Marrow'], kind: 'person', description: 'Foreign minister', affiliationId: state.id, note: 'Check title.' });
  });
});

describe('actors:find-mentions and actors:accept-mentions', () => {
  it('finds whole-word occurrences in one article or across the library, skipping marked ones', async () => {
    const { call, talks, denial } = await setup();
    const marrow = await call('actors:create', { name: 'Ines Marrow', aliases: ['Marrow'] });
    const inTalks = await call('actors:find-mentions', { actorId: marrow.id, articleId: talks.id });
    expect(inTalks.map((m) => m.exact)).toEqual(['Ines Marrow', 'Marrow']);
    expect(inTalks[0]).toMatchObject({ articleId: talks.id, articleTitle: 'Talks', ...at(talks.text, 'Ines Marrow'), before: "Valdoria's foreign minister " });
    const everywhere = await call('actors:find-mentions', { actorId: marrow.id });
    expect(everywhere.map((m) => [m.articleId, m.start])).toEqual(
      expect.arrayContaining([
        [talks.id, at(talks.text, 'Ines Marrow').start],
        [denial.id, at(denial.text, 'Marrow denied').start],
      ]),
    );
    expect(everywhere).toHaveLength(3);

    await call('actors:accept-mentions', { actorId: marrow.id, mentions: [{ articleId: talks.id, ...at(talks.text, 'Ines Marrow') }] });
    const after = await call('actors:find-mentions', { actorId: marrow.id });
    expect(after.map((m) => m.exact)).toHaveLength(2);
    expect(after.some((m) => m.articleId === talks.id && m.start === at(talks.text, 'Ines Marrow').start)).toBe(false);
  });

  it('creates actor mentions, once per range even when accepted twice', async () => {
    const { call, talks, denial, annotationsOf } = await setup();
    const marrow = await call('actors:create', { name: 'Ines Marrow', aliases: ['Marrow'] });
    const range = { articleId: talks.id, ...at(talks.text, 'Ines Marrow') };
    const first = await call('actors:accept-mentions', { actorId: marrow.id, mentions: [range, range, { articleId: denial.id, ...at(denial.text, 'Marrow') }] });
    expect(first).toEqual({ created: 2 });
    expect(await call('history:state', {})).toMatchObject({ undo: 'Mark 3 mentions' });
    expect(await call('actors:accept-mentions', { actorId: marrow.id, mentions: [range] })).toEqual({ created: 0 });
    const marks = await annotationsOf(talks.id);
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ kind: 'actor', actorId: marrow.id, anchor: 'anchored', target: { exact: 'Ines Marrow' } });
    expect((await call('project:get', {})).actors[0]?.mentionCount).toBe(2);
  });
});

describe('actors:merge', () => {
  it('moves mentions, claims, names and affiliations to the survivor and removes the merged actor', async () => {
    const { router, call, talks, denial, actor, annotationsOf } = await setup();
    const survivor = await call('actors:create', { name: 'Ines Marrow', aliases: ['I. Marrow'] });
    const merged = await call('actors:create', { name: 'Minister Marrow', aliases: ['Marrow', 'i. marrow'], description: 'Foreign minister' });
    const office = await call('actors:create', { name: 'Marrow press office', kind: 'organization', affiliationId: merged.id });
    await call('actors:accept-mentions', { actorId: survivor.id, mentions: [{ articleId: talks.id, ...at(talks.text, 'Ines Marrow') }] });
    const said = at(talks.text, 'Marrow said').start;
    await call('actors:accept-mentions', {
      actorId: merged.id,
      mentions: [
        { articleId: talks.id, start: said, end: said + 'Marrow'.length },
        { articleId: denial.id, ...at(denial.text, 'Minister Marrow') },
      ],
    });
    const claim = await call('annotations:create', {
      articleId: denial.id,
      ...at(denial.text, 'Valdoria had moved troops'),
      kind: 'claim',
      claim: { ...CLAIM, speakerId: merged.id },
    });
    const total = (await call('project:get', {})).actors.reduce((n, a) => n + a.mentionCount, 0);
    expect(total).toBe(3);

    const result = await call('actors:merge', { survivorId: survivor.id, mergedId: merged.id });
    expect(result.aliases).toEqual(['I. Marrow', 'Minister Marrow', 'Marrow']);
    expect(result.description).toBe('Foreign minister');

    const project = await call('project:get', {});
    expect(project.actors.map((a) => a.id)).toEqual([survivor.id, office.id]);
    expect(await actor(survivor.id)).toMatchObject({ mentionCount: 3, claimCount: 1 });
    expect(project.actors.reduce((n, a) => n + a.mentionCount, 0)).toBe(total);
    expect((await actor(office.id))?.affiliationId).toBe(survivor.id);
    const all = [...(await annotationsOf(talks.id)), ...(await annotationsOf(denial.id))];
    expect(all.filter((a) => a.kind === 'actor').map((a) => a.actorId)).toEqual([survivor.id, survivor.id, survivor.id]);
    expect(all.find((a) => a.id === claim.id)?.claim?.speakerId).toBe(survivor.id);
    expect(await router.handle('actors:merge', { survivorId: survivor.id, mergedId: survivor.id })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  // Regression (fixed): actors-service.ts:81 (actors:merge) re-points the merged actor's dependants at the survivor even when the
  // survivor is one of them (survivor -> ministry -> merged), leaving ministry <-> survivor a cycle.
  it('does not leave an affiliation cycle when the survivor belonged to the merged actor', async () => {
    const { call, actor } = await setup();
    const merged = await call('actors:create', { name: 'Valdoria', kind: 'state' });
    const ministry = await call('actors:create', { name: 'Foreign Ministry', kind: 'organization', affiliationId: merged.id });
    const survivor = await call('actors:create', { name: 'Republic of Valdoria', kind: 'state', affiliationId: ministry.id });
    await call('actors:merge', { survivorId: survivor.id, mergedId: merged.id });
    const seen = new Set<string>();
    for (let id: string | null | undefined = survivor.id; id; id = (await actor(id))?.affiliationId) {
      expect(seen.has(id), 'affiliation cycle').toBe(false);
      seen.add(id);
    }
  });
});

describe('actors:delete', () => {
  async function withVell() {
    const env = await setup();
    const { call, denial } = env;
    const vell = await call('actors:create', { name: 'Tomas Vell' });
    const aide = await call('actors:create', { name: 'Vell campaign', kind: 'group', affiliationId: vell.id });
    await call('actors:accept-mentions', { actorId: vell.id, mentions: [{ articleId: denial.id, ...at(denial.text, 'Tomas Vell') }] });
    const claim = await call('annotations:create', { articleId: denial.id, ...at(denial.text, 'a stalling tactic'), kind: 'claim', claim: { ...CLAIM, speakerId: vell.id } });
    return { ...env, vell, aide, claim };
  }

  it('keeps mentions as highlights when asked, and unsets speakers and affiliations', async () => {
    const { call, denial, vell, aide, claim, annotationsOf, actor } = await withVell();
    expect(await call('actors:delete', { id: vell.id, mentions: 'keep-as-highlights' })).toEqual({ id: vell.id, mentionsChanged: 1 });
    const marks = await annotationsOf(denial.id);
    expect(marks.map((a) => [a.kind, a.actorId, a.target.exact])).toEqual([
      ['highlight', null, 'Tomas Vell'],
      ['claim', null, 'a stalling tactic'],
    ]);
    expect(marks.find((a) => a.id === claim.id)?.claim?.speakerId).toBeNull();
    expect((await actor(aide.id))?.affiliationId).toBeNull();
    expect(await actor(vell.id)).toBeUndefined();
  });

  it('deletes mentions when asked, keeping the claims without a speaker', async () => {
    const { call, denial, vell, aide, claim, annotationsOf, actor } = await withVell();
    expect(await call('actors:delete', { id: vell.id, mentions: 'delete' })).toEqual({ id: vell.id, mentionsChanged: 1 });
    const marks = await annotationsOf(denial.id);
    expect(marks.map((a) => a.id)).toEqual([claim.id]);
    expect(marks[0]?.claim?.speakerId).toBeNull();
    expect((await actor(aide.id))?.affiliationId).toBeNull();
    expect((await call('project:get', {})).actors.map((a) => a.name)).toEqual(['Vell campaign']);
  });
});
