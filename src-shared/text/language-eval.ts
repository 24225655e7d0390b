import { directionOf, type TextDirection, type TextLanguage } from './language';

/** One text of the language samples (src-shared/text/language-samples/) and what it is. */
export interface LanguageSample {
  /** Primary language subtag, or '' when the text is too short or bare to name one. */
  expected: string;
  direction: TextDirection;
  /** "fr headline": the expected language and what kind of text it is. */
  label: string;
  text: string;
}

/** Parses a samples file (format in language-samples/README.md). */
export function parseLanguageSamples(raw: string): LanguageSample[] {
  const samples: LanguageSample[] = [];
  let current: LanguageSample | null = null;
  const lines: string[] = [];
  const flush = () => {
    if (current) samples.push({ ...current, text: lines.join('\n').trim() });
    lines.length = 0;
  };
  for (const line of raw.split(/\r?\n/)) {
    if (line.startsWith('#')) continue;
    const header = /^@ (\S+)\s*(.*)$/.exec(line);
    if (!header) {
      lines.push(line);
      continue;
    }
    flush();
    const [expectedField = '', dirField] = header[1]!.split('/');
    const expected = expectedField === '-' ? '' : expectedField;
    const direction = dirField === 'rtl' || dirField === 'ltr' ? dirField : directionOf(expected);
    current = { expected, direction, label: `${header[1]} ${header[2]}`.trim(), text: '' };
  }
  flush();
  for (const s of samples) if (!s.text) throw new Error(`Sample "${s.label}" has no text`);
  return samples;
}

/** How a detector did on a set of samples. */
export interface DetectionScore {
  total: number;
  /** Language named right ('' for a text that names none counts as right). */
  right: number;
  /** A language named, and not the right one: the harmful error. */
  wrong: number;
  /** No language named for a text that has one: the harmless error. */
  unknown: number;
  directionRight: number;
  errors: string[];
}

const primary = (tag: string) => tag.toLowerCase().split('-')[0] ?? '';

/** Scores `detect` on the samples: the primary subtag must match the expected one. */
export function scoreDetection(samples: readonly LanguageSample[], detect: (text: string) => TextLanguage): DetectionScore {
  const score: DetectionScore = { total: 0, right: 0, wrong: 0, unknown: 0, directionRight: 0, errors: [] };
  for (const sample of samples) {
    const got = detect(sample.text);
    const language = primary(got.language);
    score.total++;
    if (got.direction === sample.direction) score.directionRight++;
    if (language === sample.expected) score.right++;
    else {
      if (language === '') score.unknown++;
      else score.wrong++;
      score.errors.push(`${sample.label}: ${language || 'unknown'}`);
    }
  }
  return score;
}
