import { describe, expect, it } from 'vitest';
import { describeRange } from './quote-selector';
import { reanchorAll } from './reanchor';

const OLD = [
  'The union said on Monday that talks had failed. "We have heard promises before," said its leader, Mira Dassen. Members will vote on a strike next week.',
  'The ministry said it was ready to meet again. It gave no date for the next round of talks.',
].join('\n\n');

function target(text: string, quote: string) {
  const at = text.indexOf(quote);
  if (at === -1) throw new Error(`"${quote}" is not in the text`);
  return describeRange(text, at, at + quote.length);
}

describe('a passage found in its own edited sentence (typoInSentence)', () => {
  it('finds a one-word passage mistyped while the sentences on both sides were rewritten', () => {
    const heard = target(OLD, 'heard');
    const edited = OLD.replace('The union said on Monday that talks had failed.', 'Talks collapsed late on Monday.')
      .replace('heard', 'haerd')
      .replace('Members will vote on a strike next week.', 'A strike ballot follows.');
    const [result] = reanchorAll(OLD, edited, [heard]);
    expect(result).toMatchObject({ status: 'anchored', how: 'fuzzy', target: { start: edited.indexOf('haerd'), exact: 'haerd' } });
  });

  it('finds a corrected typo even with another word of its sentence changed', () => {
    const old = OLD.replace('heard', 'hered');
    const hered = target(old, 'hered');
    const edited = old.replace('The union said on Monday that talks had failed.', 'Talks collapsed.').replace('hered', 'heard').replace('its leader', 'the leader');
    expect(reanchorAll(old, edited, [hered])[0]).toMatchObject({ status: 'anchored', target: { exact: 'heard' } });
  });

  it('places an unchanged passage exactly when words on both sides of it in its sentence changed', () => {
    const heard = target(OLD, 'heard promises');
    // (The new first sentence is long enough to stay a sentence of its own: a shorter one joins
    // the next, and that sentence then differs too much from the old one.)
    const edited = OLD.replace('The union said on Monday that talks had failed.', 'Talks with the ministry collapsed.')
      .replace('"We have', '"They have')
      .replace('said its leader,', 'said the chief,');
    expect(reanchorAll(OLD, edited, [heard])[0]).toMatchObject({ status: 'anchored', target: { start: edited.indexOf('heard promises'), exact: 'heard promises' } });
  });

  it('pairs a mistyped word with its place among other changed words beside it', () => {
    const have = target(OLD, 'heard');
    const edited = OLD.replace('The union said on Monday that talks had failed.', 'Talks collapsed.').replace('heard promises', 'haerd pledges');
    expect(reanchorAll(OLD, edited, [have])[0]).toMatchObject({ status: 'anchored', target: { exact: 'haerd' } });
  });

  it('finds a mistyped word in a paragraph moved before the text that preceded it', () => {
    const [first, second] = OLD.split('\n\n');
    const old = `${first}\n\n${second}\n\nThe talks are due to resume after the summer holidays.`;
    const at = old.indexOf('ministry said') + 'ministry '.length;
    const said = describeRange(old, at, at + 'said'.length);
    const edited = `${second!.replace('said it was', 'siad it was')}\n\n${first}\n\nThe talks are due to resume after the summer holidays.`;
    expect(reanchorAll(old, edited, [said])[0]).toMatchObject({ status: 'anchored', target: { start: edited.indexOf('siad'), exact: 'siad' } });
  });

  it('orphans a passage whose word was replaced by another word, not mistyped', () => {
    const heard = target(OLD, 'heard');
    const edited = OLD.replace('The union said on Monday that talks had failed.', 'Talks collapsed.').replace('heard', 'seen');
    expect(reanchorAll(OLD, edited, [heard])[0]).toEqual({ status: 'orphan' });
  });

  it('orphans it when two sentences where it should be both read as its sentence with a typo', () => {
    const heard = target(OLD, 'heard');
    const sentence = '"We have heard promises before," said its leader, Mira Dassen.';
    const edited = OLD.replace('The union said on Monday that talks had failed.', 'Talks collapsed.').replace(
      sentence,
      `${sentence.replace('heard', 'haerd')} ${sentence.replace('heard', 'herad')}`,
    );
    expect(reanchorAll(OLD, edited, [heard])[0]).toEqual({ status: 'orphan' });
  });

  it('orphans a passage whose sentence was deleted, even if a like sentence is now near its place', () => {
    const heard = target(OLD, 'heard');
    const edited = OLD.replace('"We have heard promises before," said its leader, Mira Dassen.', '"We have haerd nothing new," one member said.');
    expect(reanchorAll(OLD, edited, [heard])[0]).toEqual({ status: 'orphan' });
  });
});

describe('a fuzzy match keeps the word edges of the passage', () => {
  it('does not stretch a cut passage over the start of the next word (found by the edit suite)', () => {
    const old =
      'Its spokesman said the court had found that the government acted unlawfully and that someone had to take responsibility. The prime minister said the minister had his full support.';
    const passage = target(old, 'minister said the');
    const edited = old.replace('minister said the minister', 'minister');
    expect(reanchorAll(old, edited, [passage])[0]).toEqual({ status: 'orphan' });
  });
});
