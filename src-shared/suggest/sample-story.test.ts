import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggest } from './index';
import type { ActorSuggestion, ClaimSuggestion } from './suggestion';

/**
 * The sample project's wire story (two foreign ministers at the UN, a post on social media, the
 * Secretary-General's spokesperson): the acceptance example of issue 9. Its names are invented,
 * so the lexicon knows none of them; the rules must carry it.
 */
const story = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/sample/meeting-at-the-un.json'), 'utf8')) as { text: string };
const result = suggest({ text: story.text, language: 'en', actors: [] });
const actors = result.filter((s): s is ActorSuggestion => s.type === 'actor');
const claims = result.filter((s): s is ClaimSuggestion => s.type === 'claim');

describe('the sample wire story', () => {
  it('proposes its people, states and organisation, without the dateline or the months', () => {
    const byName = new Map(actors.map((a) => [a.name, a]));
    for (const name of ['Ilse Marnow', 'Davor Kesić', 'Mira Okafor', 'Halvard Strand', 'Nela Vuković']) expect(byName.get(name)?.actorKind).toBe('person');
    expect(byName.get('Caldonia')?.actorKind).toBe('state');
    expect(byName.get('Vesteria')?.actorKind).toBe('state');
    expect(byName.get('UN General Assembly')?.actorKind).toBe('organization');
    expect(byName.get('Ilse Marnow')?.aliases).toEqual(['Marnow']);
    expect(actors.some((a) => /NEW YORK|March|Caldonian|Vesterian/.test(a.name))).toBe(false);
  });

  it('attributes its quotes: the minister, the post on social media, the spokesperson', () => {
    const marnow = claims.find((c) => c.span.text.startsWith('We came here to listen'));
    expect(marnow).toMatchObject({ form: 'direct', speaker: { name: 'Ilse Marnow' } });
    const post = claims.find((c) => c.span.text.includes('frank and useful'));
    expect(post).toMatchObject({ form: 'mixed', medium: 'social media post', speaker: { name: 'Davor Kesić' } });
    const okafor = claims.find((c) => c.span.text.startsWith('the Secretary-General welcomed'));
    expect(okafor?.speaker?.name).toBe('Mira Okafor');
    // The anonymous diplomats' claim is proposed without a speaker.
    expect(claims.find((c) => c.span.text.startsWith('neither side'))?.speaker).toBeNull();
  });
});
