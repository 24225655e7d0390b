import { describe, expect, it } from 'vitest';
import { analyse, MAX_TEXT, suggest } from './index';
import type { ActorSuggestion, ClaimSuggestion, RegistryActor, Suggestion } from './suggestion';

const actors = (s: Suggestion[]) => s.filter((x): x is ActorSuggestion => x.type === 'actor');
const claims = (s: Suggestion[]) => s.filter((x): x is ClaimSuggestion => x.type === 'claim');
const run = (text: string, registry: RegistryActor[] = []) => suggest({ text, language: 'en', actors: registry });
const actorNamed = (s: Suggestion[], name: string) => actors(s).find((a) => a.name === name);

describe('actors', () => {
  it('groups a full name and its short form in one suggestion, short form as alias', () => {
    const s = run('Chinese Foreign Minister Wang Yi met Ukraine\'s Dmytro Kuleba on Tuesday. Wang spoke first. Kuleba listened.');
    const wang = actorNamed(s, 'Wang Yi');
    expect(wang).toMatchObject({ actorKind: 'person', existingActorId: null, key: 'actor:person:wang yi', aliases: ['Wang'] });
    expect(wang!.mentions.map((m) => m.text)).toEqual(['Wang Yi', 'Wang']);
    expect(actorNamed(s, 'Dmytro Kuleba')!.mentions.map((m) => m.text)).toEqual(['Dmytro Kuleba', 'Kuleba']);
    expect(actorNamed(s, 'Ukraine')?.actorKind).toBe('state');
    // Titles and the demonym before them are not part of the name.
    expect(actors(s).some((a) => /Minister|Chinese/.test(a.name))).toBe(false);
  });

  it('finds "the ministry" as a short form of the one ministry named before', () => {
    const s = run('The Chinese foreign ministry said the talks were useful. The ministry added that more would follow.');
    const ministry = actorNamed(s, 'Chinese foreign ministry');
    expect(ministry?.actorKind).toBe('organization');
    expect(ministry!.mentions.map((m) => m.text)).toEqual(['Chinese foreign ministry', 'ministry']);
  });

  it('matches the registry by name or alias, ignoring case and accents', () => {
    const registry: RegistryActor[] = [
      { id: 'a1', name: 'Anna Müller', kind: 'person', aliases: [] },
      { id: 'a2', name: 'United Nations', kind: 'organization', aliases: ['UN'] },
    ];
    const s = run('Anna Muller spoke at the UN in Geneva. ANNA MÜLLER left early.', registry);
    const anna = actors(s).find((a) => a.existingActorId === 'a1');
    expect(anna?.mentions.map((m) => m.text)).toEqual(['Anna Muller', 'ANNA MÜLLER']);
    expect(actors(s).find((a) => a.existingActorId === 'a2')?.mentions.map((m) => m.text)).toEqual(['UN']);
  });

  it('proposes acronyms of an organisation named in full as its aliases', () => {
    const s = run('The World Health Organization warned on Thursday of a new outbreak. The WHO said vaccines were short.');
    const who = actorNamed(s, 'World Health Organization');
    expect(who?.aliases).toContain('WHO');
  });

  it('does not take a dateline or a sentence-initial word for an actor', () => {
    const s = run('NEW YORK (Reuters) - Prices rose. Nobody expected it. Analysts were surprised.');
    expect(actors(s)).toEqual([]);
  });
});

describe('quotes and speakers', () => {
  it('finds a direct quote and its speaker after it', () => {
    const s = run('Wang Yi met reporters.\n\n“China has never added fuel to the fire,” Wang told reporters.');
    const [c] = claims(s);
    expect(c).toMatchObject({ form: 'direct', medium: 'remarks to reporters', speaker: { name: 'Wang Yi' } });
    expect(c!.span.text).toBe('China has never added fuel to the fire');
    expect(c!.cue?.text).toBe('told');
  });

  it('makes one claim of a quote split by its attribution', () => {
    const text = '“We will decide meeting by meeting,” Christine Lagarde said, “and we will not be rushed.”';
    const c = claims(run(text));
    expect(c).toHaveLength(1);
    expect(c[0]!.span.text).toBe('We will decide meeting by meeting,” Christine Lagarde said, “and we will not be rushed');
    expect(c[0]!.speaker?.name).toBe('Christine Lagarde');
  });

  it('follows a quote over paragraphs when the next one opens again', () => {
    const text = 'Carlos Mazón spoke on Friday.\n\n“We have lost neighbours.\n\n“We will rebuild every house,” Mazón said.';
    const c = claims(run(text));
    expect(c).toHaveLength(1);
    expect(c[0]!.span.text).toBe('We have lost neighbours.\n\n“We will rebuild every house');
    expect(c[0]!.speaker?.name).toBe('Carlos Mazón');
  });

  it('reads «…», „…“, ‘…’ and straight quotes', () => {
    for (const [open, close] of [['«', '»'], ['„', '“'], ['‘', '’'], ['"', '"']]) {
      const c = claims(run(`Emmanuel Macron spoke. ${open}We must protect our industry${close}, Macron said.`));
      expect(c.map((x) => [x.span.text, x.speaker?.name])).toEqual([['We must protect our industry', 'Emmanuel Macron']]);
    }
  });

  it('resolves "he added" to the subject of the previous attribution, not its object', () => {
    const text = 'Wang Yi told Dmytro Kuleba on Monday that China wanted peace. “We will not take sides,” he added.';
    const c = claims(run(text));
    expect(c.map((x) => [x.form, x.span.text, x.speaker?.name])).toEqual([
      ['indirect', 'China wanted peace', 'Wang Yi'],
      ['direct', 'We will not take sides', 'Wang Yi'],
    ]);
  });

  it('resolves "she" past a man named later', () => {
    const text = 'Leonore Gewessler told Sergei Lavrov that Austria would stop buying gas. “Every euro counts,” she said.';
    expect(claims(run(text)).map((x) => x.speaker?.name)).toEqual(['Leonore Gewessler', 'Leonore Gewessler']);
  });

  it('takes an organisation as speaker and the medium from the attribution', () => {
    const text = 'The Russian foreign ministry rejected the plan. “These measures will hurt Europe,” the ministry said in a statement.';
    const [c] = claims(run(text));
    expect(c).toMatchObject({ form: 'direct', medium: 'statement', speaker: { name: 'Russian foreign ministry' } });
  });

  it('finds indirect, tweeted and "according to" claims', () => {
    const text = 'Dmytro Kuleba tweeted that he had asked Beijing for help. According to NATO figures, 23 allies meet the target.';
    const c = claims(run(text));
    expect(c.map((x) => [x.form, x.span.text, x.speaker?.name, x.medium])).toEqual([
      ['indirect', 'he had asked Beijing for help', 'Dmytro Kuleba', 'social media post'],
      ['indirect', '23 allies meet the target', 'NATO', null],
    ]);
  });

  it('calls a quoted label after "called" a mixed claim', () => {
    const c = claims(run('Prime Minister Irakli Kobakhidze called the claims “hysteria”.'));
    expect(c.map((x) => [x.form, x.span.text, x.speaker?.name])).toEqual([['mixed', 'hysteria', 'Irakli Kobakhidze']]);
  });

  it('keeps an unattributed quote only when it reads as a statement, with no speaker', () => {
    const c = claims(run('“Prices have doubled since the summer.”\n\nThe so-called “peace plan” failed.'));
    expect(c.map((x) => [x.span.text, x.speaker])).toEqual([['Prices have doubled since the summer', null]]);
  });
});

describe('keys', () => {
  it('keeps a claim key and an actor key when the text changes elsewhere', () => {
    const a = run('Wang Yi spoke. “We want peace,” Wang said.');
    const b = run('In a long session at the UN on Tuesday, Wang Yi spoke. “We want peace,” Wang said.');
    expect(claims(b)[0]!.key).toBe(claims(a)[0]!.key);
    expect(actorNamed(b, 'Wang Yi')!.key).toBe(actorNamed(a, 'Wang Yi')!.key);
    expect(claims(a)[0]!.key).toMatch(/^claim:/);
  });

  it('gives a repeated quote its own key', () => {
    const c = claims(run('“Never again,” Anna Müller said. Later: “Never again,” Anna Müller said.'));
    expect(new Set(c.map((x) => x.key)).size).toBe(c.length);
  });

  it('is deterministic', () => {
    const text = 'Wang Yi told Dmytro Kuleba that China wanted peace. “We will not take sides,” he added.';
    expect(run(text)).toEqual(run(text));
  });
});

describe('bad input', () => {
  it('returns nothing for an empty text and for text without sentences', () => {
    expect(run('')).toEqual([]);
    expect(run('   \n\n  ')).toEqual([]);
    expect(() => run('!!!! ,,,, ---- 12 34 ;;; ““ ”” «« »»')).not.toThrow();
    expect(() => run('lorem ipsum dolor sit amet '.repeat(5_000))).not.toThrow();
  });

  it('handles a text of only quotes', () => {
    const c = claims(run('“One two three four.”\n\n“Five six seven eight.”'));
    expect(c).toHaveLength(2);
    expect(c.every((x) => x.speaker === null)).toBe(true);
  });

  it('reads only the first MAX_TEXT characters of a 5 MB text, and says so', () => {
    const para = 'Wang Yi told reporters that China wanted peace. “We will not take sides,” he added.\n\n';
    const result = analyse({ text: para.repeat(Math.ceil(5_000_000 / para.length)), language: 'en', actors: [] });
    expect(result.truncated).toBe(true);
    expect(claims(result.suggestions).every((c) => c.span.end <= MAX_TEXT)).toBe(true);
    expect(actorNamed(result.suggestions, 'Wang Yi')!.mentions.length).toBeGreaterThan(1000);
  });

  it('stays linear on pathological text: stray marks, endless capitalised runs, unclosed quotes', () => {
    const inputs = ['“'.repeat(200_000), '"a '.repeat(100_000), '‘x'.repeat(100_000), 'Aa '.repeat(100_000), '“open '.repeat(50_000) + '\n'.repeat(10), 'von der '.repeat(50_000) + 'Leyen'];
    for (const text of inputs) {
      const t0 = performance.now();
      expect(() => run(text)).not.toThrow();
      // Generous: the machine may be shared; quadratic behaviour would take minutes here.
      expect(performance.now() - t0).toBeLessThan(8_000);
    }
  });

  it('proposes nothing for a language it cannot read, and says why', () => {
    const result = analyse({ text: '„Wir lassen uns nicht erpressen“, sagte Claus Weselsky.', language: 'de', actors: [] });
    expect(result.suggestions).toEqual([]);
    expect(result.skipped).toMatch(/English/);
  });
});
