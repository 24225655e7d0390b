import { describe, expect, it } from 'vitest';
import { suggestSpeaker, type MentionRef } from './suggest-speaker';

/** Marks every occurrence of each actor's names in `text` as a mention. */
function mentionsIn(text: string, names: Record<string, string[]>): MentionRef[] {
  const result: MentionRef[] = [];
  for (const [actorId, list] of Object.entries(names)) {
    for (const name of list) {
      let at = text.indexOf(name);
      while (at !== -1) {
        result.push({ actorId, start: at, end: at + name.length });
        at = text.indexOf(name, at + 1);
      }
    }
  }
  return result;
}

function claimIn(text: string, passage: string, names: Record<string, string[]>): string | null {
  const start = text.indexOf(passage);
  return suggestSpeaker(text, start, start + passage.length, mentionsIn(text, names));
}

const actors = { marnow: ['Marnow', 'Ilse Marnow'], kesic: ['Kesić'], un: ['the UN'] };

describe('suggestSpeaker', () => {
  it('picks "X said" after a quote, even when another actor is mentioned closer before it', () => {
    const text = 'Kesić left early. "We came here to listen," Marnow said.';
    expect(claimIn(text, 'We came here to listen', actors)).toBe('marnow');
  });

  it('picks "said X" and "according to X"', () => {
    expect(claimIn('Talks will resume in May, said Kesić, adding nothing.', 'Talks will resume in May', actors)).toBe('kesic');
    expect(claimIn('According to Marnow, the border is calm. Kesić disagreed.', 'the border is calm', actors)).toBe('marnow');
  });

  it('picks "X told … that" before the claim', () => {
    const text = 'Ilse Marnow told reporters that her country would not trade its sovereignty.';
    expect(claimIn(text, 'her country would not trade its sovereignty', actors)).toBe('marnow');
  });

  it('takes the speaker from the next sentence when the quote ends one ("…," she said)', () => {
    const text = 'Kesić was silent. "Peace is not a favour." Marnow said so twice.';
    expect(claimIn(text, 'Peace is not a favour.', actors)).toBe('marnow');
  });

  it('falls back to the nearest mention before the passage, and never to one inside it', () => {
    const text = 'Kesić arrived late. The ministry said the exercises were routine and Marnow was wrong.';
    expect(claimIn(text, 'the exercises were routine and Marnow was wrong', actors)).toBe('kesic');
  });

  it('returns null when no actor is mentioned before or around the passage', () => {
    expect(claimIn('The exercises were routine. Marnow later objected.', 'The exercises were routine', { marnow: ['Marnow'] })).toBeNull();
  });
});
