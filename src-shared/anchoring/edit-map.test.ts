import { describe, expect, it } from 'vitest';
import { buildEditMap, unitStarts } from './edit-map';

const OLD = [
  'The council met on Monday to discuss the budget for next year.',
  'Several members asked for more money for schools. The mayor refused to commit.',
  'A final vote is expected in two weeks, officials said.',
].join('\n\n');

describe('unitStarts', () => {
  it('splits sentences and paragraphs so that the units tile the text', () => {
    const starts = unitStarts(OLD);
    expect(starts[0]).toBe(0);
    expect(starts.map((s) => OLD.slice(s, s + 12))).toEqual(['The council ', 'Several memb', 'The mayor re', 'A final vote']);
  });

  it('does not make a unit of a short abbreviation', () => {
    expect(unitStarts('Mr. Vale said the tax cut would pay for itself. Nobody agreed with him at all.')).toEqual([0, 48]);
  });
});

describe('buildEditMap', () => {
  const edited = OLD.replace('The mayor refused to commit.', 'The mayor said no.').replace('The council', 'Late news. The council');

  it('carries passages in kept sentences and refuses those in changed ones', () => {
    const map = buildEditMap(OLD, edited);
    const schools = OLD.indexOf('money for schools');
    expect(map.mapRange(schools, schools + 17, 'money for schools')).toEqual({ start: edited.indexOf('money for schools'), end: edited.indexOf('money for schools') + 17 });
    const mayor = OLD.indexOf('The mayor');
    expect(map.mapRange(mayor, mayor + 9, 'The mayor')).toBeNull();
    // The stored quote must be what the old text reads there.
    expect(map.mapRange(schools, schools + 17, 'money for roads!!')).toBeNull();
  });

  it('lists the changed parts of the new text', () => {
    const map = buildEditMap(OLD, edited);
    expect(map.changed.map((c) => edited.slice(c.start, c.end))).toEqual(['Late news. The council met on Monday to discuss the budget for next year.\n\n', 'The mayor said no.\n\n']);
  });

  it('counts a candidate in kept text from elsewhere as foreign', () => {
    const map = buildEditMap(OLD, edited);
    const vote = edited.indexOf('A final vote');
    const oldVote = OLD.indexOf('A final vote');
    expect(map.foreignOverlap(vote, vote + 12, oldVote, oldVote + 12)).toBe(0);
    expect(map.foreignOverlap(vote, vote + 12, 0, 20)).toBe(12);
  });

  it('lists the changed sentences that may have replaced a changed one, only between its kept neighbours', () => {
    const text = `${edited} More late news came in on Friday evening.`;
    const map = buildEditMap(OLD, text);
    const mayor = OLD.indexOf('The mayor');
    const replaced = map.replacements(mayor, mayor + 9);
    expect(replaced && OLD.slice(replaced.old.start, replaced.old.end)).toBe('The mayor refused to commit.\n\n');
    // Not "Late news." before the kept sentence before it, nor the news after the one after it.
    expect(replaced?.runs.map((r) => text.slice(r.start, r.end))).toEqual(['The mayor said no.\n\n']);
    const schools = OLD.indexOf('money for schools');
    expect(map.replacements(schools, schools + 17)).toBeNull(); // kept
  });

  it('follows a paragraph moved whole', () => {
    const [a, b, c] = OLD.split('\n\n');
    const moved = [c, a, b].join('\n\n');
    const map = buildEditMap(OLD, moved);
    const at = OLD.indexOf('two weeks');
    expect(map.mapRange(at, at + 9, 'two weeks')).toEqual({ start: moved.indexOf('two weeks'), end: moved.indexOf('two weeks') + 9 });
  });

  it('aligns large texts on unique sentences when a full table would be too big', () => {
    const sentences = Array.from({ length: 3000 }, (_, i) => `Sentence number ${i} of the long report.`);
    const old = sentences.join(' ');
    const changed = [...sentences];
    changed.reverse(); // nothing but unique units, in a new order
    changed[1500] = 'A new sentence written in.';
    const map = buildEditMap(old, changed.join(' '));
    const at = old.indexOf('Sentence number 42 ');
    expect(map.mapRange(at, at + 18, 'Sentence number 42')).not.toBeNull();
  });
});
