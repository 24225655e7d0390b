import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The language fixtures (scripts/make-language-fixtures.mjs) and what each must import as. */
export const LANGUAGE_FIXTURES = join(__dirname, '../../e2e/fixtures/languages');

export interface LanguageExpectations {
  files: Record<string, { language: string; encoding: string | null; title: string; paragraphs: string[] }>;
  /** Words of each language's text that search must find. */
  words: Record<string, string[]>;
}

export const EXPECTED = JSON.parse(readFileSync(join(LANGUAGE_FIXTURES, 'expected.json'), 'utf8')) as LanguageExpectations;

/** A language fixture as the importer receives it. */
export const languageFixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(LANGUAGE_FIXTURES, name))) });
