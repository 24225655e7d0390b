import { describe, expect, it } from 'vitest';
import { pendingSuggestions, type MarkedPassage } from './pending';
import type { Suggestion } from './suggestion';

const actor: Suggestion = {
  type: 'actor',
  key: 'actor:person:wang yi',
  name: 'Wang Yi',
  actorKind: 'person',
  aliases: ['Wang'],
  existingActorId: null,
  mentions: [
    { start: 0, end: 7, text: 'Wang Yi' },
    { start: 40, end: 44, text: 'Wang' },
  ],
};
const claim: Suggestion = { type: 'claim', key: 'claim:1', span: { start: 10, end: 30, text: 'x'.repeat(20) }, form: 'direct', medium: null, speaker: null, cue: null };
const mark = (kind: MarkedPassage['kind'], start: number, end: number, anchor: MarkedPassage['anchor'] = 'anchored'): MarkedPassage => ({ kind, target: { start, end }, anchor });

describe('pending suggestions', () => {
  it('keeps what is neither rejected nor annotated', () => {
    expect(pendingSuggestions([actor, claim], [], new Set())).toEqual([actor, claim]);
    expect(pendingSuggestions([actor, claim], [], new Set(['claim:1']))).toEqual([actor]);
  });

  it('drops an actor’s mentions that an actor mention covers, and the actor when none is left', () => {
    const [left] = pendingSuggestions([actor], [mark('actor', 0, 7)], new Set());
    expect(left).toMatchObject({ mentions: [{ start: 40, end: 44 }] });
    expect(pendingSuggestions([actor], [mark('actor', 0, 7), mark('actor', 38, 50)], new Set())).toEqual([]);
    // A highlight, a claim or an orphan over the name does not count as marking the actor.
    expect(pendingSuggestions([actor], [mark('highlight', 0, 7), mark('claim', 0, 7), mark('actor', 40, 44, 'orphan')], new Set())).toEqual([actor]);
  });

  it('drops a quote a claim overlaps by half or more, not one it only touches', () => {
    expect(pendingSuggestions([claim], [mark('claim', 12, 28)], new Set())).toEqual([]);
    expect(pendingSuggestions([claim], [mark('claim', 0, 20)], new Set())).toEqual([]);
    expect(pendingSuggestions([claim], [mark('claim', 25, 60)], new Set())).toEqual([claim]);
    expect(pendingSuggestions([claim], [mark('actor', 10, 30)], new Set())).toEqual([claim]);
  });
});
