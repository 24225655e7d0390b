import { describe, expect, it } from 'vitest';
import type { TextTarget } from '../domain/annotation';
import { describeRange } from './quote-selector';
import { reanchor, reanchorAll, type AnchorResult } from './reanchor';

const ARTICLE = [
  'The city council voted on Tuesday to extend the tram line to the northern suburbs, a project debated for more than a decade.',
  'Supporters said the extension would cut commuting times in half, while opponents warned that the cost estimates were unrealistic.',
  'Construction is expected to begin next spring and last about three years, according to the transport authority.',
].join('\n\n');

/** Selects the `nth` occurrence of `quote` in `text`, as the editor would. */
function select(text: string, quote: string, nth = 0): TextTarget {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(quote, at + 1);
    if (at === -1) throw new Error(`"${quote}" occurs fewer than ${nth + 1} times`);
  }
  return describeRange(text, at, at + quote.length);
}

/** Asserts an anchored result whose selector fully describes `text`, and returns it. */
function anchored(text: string, result: AnchorResult, how: 'position' | 'exact' | 'fuzzy'): TextTarget {
  if (result.status !== 'anchored') throw new Error('expected the annotation to be anchored, got an orphan');
  expect(result.how).toBe(how);
  expect(result.target).toEqual(describeRange(text, result.target.start, result.target.end));
  return result.target;
}

describe('reanchor', () => {
  const passage = 'opponents warned that the cost estimates were unrealistic';
  const target = select(ARTICLE, passage);

  it('keeps an unchanged text where it was', () => {
    expect(reanchor(ARTICLE, target)).toEqual({ status: 'anchored', target, how: 'position' });
  });

  it('follows an edit before the passage', () => {
    const edited = ARTICLE.replace('voted on Tuesday', 'voted late on Tuesday evening');
    const moved = anchored(edited, reanchor(edited, target), 'exact');
    expect(moved.start).toBe(target.start + ' late'.length + ' evening'.length);
    expect(moved.exact).toBe(passage);
  });

  it('keeps the position after an edit just after the passage, with a fresh suffix', () => {
    const edited = ARTICLE.replace('Construction is expected', 'Building work is due');
    const kept = anchored(edited, reanchor(edited, target), 'position');
    expect(kept.start).toBe(target.start);
    expect(kept.suffix).not.toBe(target.suffix);
    expect(kept.suffix).toContain('Building work');
  });

  it('finds a passage whose typo was fixed, quoting the corrected text', () => {
    const typo = ARTICLE.replace('cost estimates', 'cost estimtaes');
    const old = select(typo, 'opponents warned that the cost estimtaes were unrealistic');
    const fixed = anchored(ARTICLE, reanchor(ARTICLE, old), 'fuzzy');
    expect(fixed).toMatchObject({ start: old.start, exact: passage });
  });

  it('finds a passage with a word inserted inside it and text added before it', () => {
    const edited = ('Updated. ' + ARTICLE).replace('cost estimates', 'official cost estimates');
    const moved = anchored(edited, reanchor(edited, target), 'fuzzy');
    expect(moved.exact).toBe('opponents warned that the official cost estimates were unrealistic');
  });

  it('trims white space off a fuzzy match', () => {
    const old = ' budget for schools would rise'; // a selection that began with a space
    const text = `The mayor said the${old} by four percent.`;
    const target = select(text, old);
    const edited = text.replace('would rise', 'will rise');
    expect(anchored(edited, reanchor(edited, target), 'fuzzy').exact).toBe('budget for schools will rise');
  });

  it('orphans a heavily edited passage whose lead-in changed too', () => {
    const old = 'In a surprise vote late on Thursday, the regional parliament approved the new water tax after a long and bitter debate.';
    const target = select(old, 'the regional parliament approved the new water tax');
    // Quote similarity about 0.78 and context about 0.6 each pass on their own; together they are too weak.
    const edited = 'After a walkout by the opposition, the regional assembly approved the new water levy after a long and bitter debate.';
    expect(reanchor(edited, target)).toEqual({ status: 'orphan' });
  });

  it('orphans a passage that was deleted', () => {
    const edited = ARTICLE.replace(', while ' + passage, '');
    expect(edited).not.toContain('opponents');
    expect(reanchor(edited, target)).toEqual({ status: 'orphan' });
  });

  it('orphans a passage rewritten beyond recognition', () => {
    const edited = ARTICLE.replace(passage, 'critics doubted whether the budget could ever hold');
    expect(reanchor(edited, target)).toEqual({ status: 'orphan' });
  });
});

describe('reanchor with repeated quotes', () => {
  const quote = 'The bridge will reopen in May.';
  const text = [
    `Engineers inspected the river crossing on Monday. ${quote} Traffic will be diverted until then.`,
    `At a press conference, the transport minister repeated the promise. ${quote} She gave no exact date.`,
    `Residents remain sceptical after two earlier delays. ${quote} Few believe it.`,
  ].join('\n\n');
  const second = select(text, quote, 1);

  it('keeps the second occurrence after text is inserted before all three', () => {
    const edited = 'Correction appended on Friday.\n\n' + text;
    const moved = anchored(edited, reanchor(edited, second), 'exact');
    expect(moved.start).toBe(second.start + 'Correction appended on Friday.\n\n'.length);
    expect(moved.prefix).toContain('repeated the promise');
  });

  it('prefers matching context over the first occurrence landing on the old offset', () => {
    const first = select(text, quote, 0);
    const shift = second.start - first.start;
    const edited = 'x'.repeat(shift - 2) + '\n\n' + text;
    expect(edited.slice(second.start, second.end)).toBe(quote); // the first copy now sits there
    const moved = anchored(edited, reanchor(edited, second), 'exact');
    expect(moved.start).toBe(second.start + shift);
    expect(moved.suffix).toContain('She gave no exact date');
  });

  it('orphans a quote whose copies cannot be told apart once the text shifts', () => {
    const block = `Update from the newsroom: ${quote} Details follow.`;
    const same = [block, block, block, block].join('\n\n');
    const old = select(same, quote, 1);
    expect(reanchor(same, old)).toMatchObject({ status: 'anchored', how: 'position' });
    expect(reanchor('Live blog.\n\n' + same, old)).toEqual({ status: 'orphan' });
  });
});

describe('reanchor with white space changes', () => {
  it('follows a double space collapsed before the passage', () => {
    const old = 'The mayor  said on Monday that the budget for schools would rise by four percent next year.';
    const target = select(old, 'the budget for schools would rise');
    const edited = old.replace('  ', ' ');
    expect(anchored(edited, reanchor(edited, target), 'exact').start).toBe(target.start - 1);
  });

  it('finds a passage whose double space was collapsed', () => {
    const old = 'The mayor said on Monday that the budget for  schools would rise by four percent next year.';
    const target = select(old, 'the budget for  schools would rise');
    const edited = old.replace('  ', ' ');
    expect(anchored(edited, reanchor(edited, target), 'fuzzy').exact).toBe('the budget for schools would rise');
  });

  it('finds a passage whose line break became a paragraph break', () => {
    const old = 'Polls closed at eight in the evening.\nCounting began at once in all districts, officials said.';
    const target = select(old, 'evening.\nCounting began at once');
    const edited = old.replace('\n', '\n\n');
    expect(anchored(edited, reanchor(edited, target), 'fuzzy').exact).toBe('evening.\n\nCounting began at once');
  });

  it('finds a passage split into two paragraphs', () => {
    const old = 'Polls closed at eight in the evening. Counting began at once in all districts, officials said.';
    const target = select(old, 'in the evening. Counting began at once');
    const edited = old.replace('evening. ', 'evening.\n\n');
    expect(anchored(edited, reanchor(edited, target), 'fuzzy').exact).toBe('in the evening.\n\nCounting began at once');
  });
});

describe('reanchor with emoji and combining characters', () => {
  const text = 'Fans cheered 😀 as the 🇺🇳 delegation 🇺🇳 arrived in Geneva on Friday for the climate talks.';

  it('follows emoji and flags inserted before the passage', () => {
    const target = select(text, 'delegation 🇺🇳 arrived in Geneva');
    const edited = '🎉🇫🇷 ' + text;
    const moved = anchored(edited, reanchor(edited, target), 'exact');
    expect(moved.start).toBe(target.start + '🎉🇫🇷 '.length);
    expect(moved.exact).toBe('delegation 🇺🇳 arrived in Geneva');
  });

  it('keeps emoji whole when a typo inside the passage was fixed', () => {
    const typo = text.replace('arrived', 'arived');
    const target = select(typo, 'cheered 😀 as the 🇺🇳 delegation 🇺🇳 arived');
    const fixed = anchored(text, reanchor(text, target), 'fuzzy');
    expect(fixed.exact).toBe('cheered 😀 as the 🇺🇳 delegation 🇺🇳 arrived');
  });

  it('never ends inside a surrogate pair when an emoji was swapped', () => {
    const old = 'Supporters posted thousands of messages tonight 😀 after the verdict was read.';
    const target = select(old, 'thousands of messages tonight 😀');
    const edited = old.replace('😀', '😃'); // same high surrogate, different low one
    expect(anchored(edited, reanchor(edited, target), 'fuzzy').exact).toBe('thousands of messages tonight 😃');
  });

  it('does not anchor a flag found between the halves of two other flags', () => {
    const target = select('Fans waved 🇸🇪 at the match in Oslo.', '🇸🇪');
    const edited = 'Fans waved 🇺🇸🇪🇸 at the match in Oslo.'; // "🇸🇪" is a substring here
    expect(edited).toContain('🇸🇪');
    expect(reanchor(edited, target)).toEqual({ status: 'orphan' });
  });

  it('finds a decomposed name after the text was normalised to NFC', () => {
    const old = 'Interior minister Dragan Kesic\u0301 said the border would stay open through the winter.';
    const target = select(old, 'Dragan Kesic\u0301 said the border');
    const edited = old.normalize('NFC');
    const moved = anchored(edited, reanchor(edited, target), 'exact');
    expect(moved).toMatchObject({ start: target.start, end: target.end - 1, exact: 'Dragan Kesić said the border' });
  });

  it('follows a passage after a combining character before it was composed', () => {
    const old = 'Interior minister Dragan Kesic\u0301 said the border would stay open through the winter.';
    const target = select(old, 'would stay open through the winter');
    const edited = old.normalize('NFC');
    expect(anchored(edited, reanchor(edited, target), 'exact').start).toBe(target.start - 1);
  });

  it('widens a fuzzy match to a whole joined emoji sequence', () => {
    const old = 'The minister posted a photo captioned Home at last 👨\u200d👩 on Sunday.';
    const target = select(old, 'captioned Home at last 👨\u200d👩');
    const edited = old.replace('👨\u200d👩', '👨\u200d👩\u200d👧'); // the quote is now a prefix of a longer sequence
    expect(anchored(edited, reanchor(edited, target), 'fuzzy').exact).toBe('captioned Home at last 👨\u200d👩\u200d👧');
  });

  it('widens a fuzzy match over a combining mark that follows it', () => {
    const old = 'The award went to the novelist Ana Kesic on Saturday.';
    const target = select(old, 'went to the novelist Ana Kesic');
    const edited = old.replace('Kesic on', 'Kesic\u0301 on').replace('went to', 'went on to');
    expect(anchored(edited, reanchor(edited, target), 'fuzzy').exact).toBe('went on to the novelist Ana Kesic\u0301');
  });
});

describe('reanchor with short quotes', () => {
  const old = 'Talks resume in May. Officials expect a deal by June, and a vote in the autumn.';

  it('finds a short quote whose context survived', () => {
    const target = select(old, 'June');
    const edited = 'Brussels. ' + old;
    expect(anchored(edited, reanchor(edited, target), 'exact').start).toBe(target.start + 'Brussels. '.length);
  });

  it('orphans a short quote that now recurs in unrelated context', () => {
    const target = select(old, 'May');
    const edited = 'Talks will now resume in June. Officials expect a deal by May, and a vote in May.';
    expect(reanchor(edited, target)).toEqual({ status: 'orphan' });
  });

  it('orphans a short quote whose context is gone, even if it occurs once', () => {
    const target = select(old, 'June');
    const edited = 'The summit was postponed again. Ministers will now meet in June.';
    expect(reanchor(edited, target)).toEqual({ status: 'orphan' });
  });

  it('does not fuzzy-match a short quote', () => {
    const text = 'Delegates flew to Bejing on Sunday for the summit.';
    const target = select(text, 'Bejing');
    const edited = text.replace('Bejing', 'Beijing');
    expect(reanchor(edited, target)).toEqual({ status: 'orphan' });
  });
});

describe('reanchor never moves a passage to the same words elsewhere (issue 14)', () => {
  /** Expects an orphan, or a place overlapping `allowed` (the edited passage itself). */
  function notElsewhere(text: string, result: AnchorResult, allowed: { start: number; end: number } | null): void {
    if (result.status === 'orphan') return;
    expect(allowed, `placed on "${result.target.exact}" at ${result.target.start}`).not.toBeNull();
    expect(result.target.start < allowed!.end && result.target.end > allowed!.start).toBe(true);
  }

  const cases = [
    {
      name: 'a reworded claim whose words recur in a later sentence',
      old: 'Mr. Vale said the tax cut would pay for itself within two years.\n\nFew economists at the institute believe the tax cut would pay for itself.',
      range: [14, 46] as const,
      edit: (t: string) => t.replace('the tax cut would pay for itself within', 'the tax cut will pay for itself within'),
      allowed: (t: string) => at(t, 'the tax cut will pay for itself'),
    },
    {
      name: 'a deleted paragraph whose words recur in the next one',
      old: 'The ministry confirmed the deal was final on Monday.\n\nBy Friday, several analysts doubted the deal was final at all.',
      range: [23, 41] as const,
      edit: (t: string) => t.slice(t.indexOf('By Friday')),
      allowed: () => null,
    },
    {
      name: 'a deleted first sentence whose opening words start the next one',
      old: 'We didn’t expect the vote to pass. We didn’t plan for a recount either.',
      range: [0, 9] as const,
      edit: (t: string) => t.slice(t.indexOf('We didn’t plan')),
      allowed: () => null,
    },
  ];

  for (const c of cases) {
    const target = describeRange(c.old, c.range[0], c.range[1]);
    const edited = c.edit(c.old);
    it(`${c.name}: quote only (as on W3C import)`, () => {
      notElsewhere(edited, reanchor(edited, target), c.allowed(edited));
    });
    it(`${c.name}: with the old text (as after an edit)`, () => {
      notElsewhere(edited, reanchorAll(c.old, edited, [target])[0]!, c.allowed(edited));
    });
  }

  it('places the reworded claim on its own, edited sentence', () => {
    const old = cases[0]!.old;
    const edited = cases[0]!.edit(old);
    const result = reanchorAll(old, edited, [describeRange(old, 14, 46)])[0]!;
    expect(result).toMatchObject({ status: 'anchored', target: { start: 14, exact: 'the tax cut will pay for itself' } });
  });

  it('keeps a passage of a duplicated paragraph on its original, not orphaned', () => {
    const para = 'Officials said the bridge would reopen in May after repairs to its northern span.';
    const old = ['Heavy rain closed the river crossing last week.', para, 'Drivers face long detours until then.'].join('\n\n');
    const target = select(old, 'the bridge would reopen in May');
    // A copy of the paragraph pasted at the end, and another just after the original.
    for (const edited of [`${old}\n\n${para}`, old.replace(para, `${para}\n\n${para}`)]) {
      expect(reanchor(edited, target)).toMatchObject({ status: 'anchored', how: 'position', target: { start: target.start } });
      expect(reanchorAll(old, edited, [target])[0]).toMatchObject({ status: 'anchored', target: { start: target.start } });
    }
    // A copy pasted before it: the original moved on, and the order of the text says which is which.
    const before = `${para}\n\n${old}`;
    expect(reanchorAll(old, before, [target])[0]).toMatchObject({ status: 'anchored', target: { start: target.start + para.length + 2 } });
  });

  it('orphans a passage only found where kept text from elsewhere now stands', () => {
    const old = 'Alpha said the plan was sound and would be funded next year by the treasury.\n\nBeta later insisted the plan was sound and would be funded next year anyway.';
    const target = select(old, 'the plan was sound and would be funded next year');
    const edited = old.slice(old.indexOf('Beta'));
    expect(reanchorAll(old, edited, [target])[0]).toEqual({ status: 'orphan' });
  });
});

function at(text: string, phrase: string): { start: number; end: number } {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  return { start, end: start + phrase.length };
}
