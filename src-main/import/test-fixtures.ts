import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle, type ImportDraft } from './extract';

const FIXTURES = join(__dirname, '../../e2e/fixtures/import');

/** A fixture file (e2e/fixtures/import) as the importer receives one: a name and its bytes. */
export const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(FIXTURES, name))) });

/** Extracts `file`, failing the test with the reason when it does not yield a draft. */
export async function draftOf(file: { name: string; bytes: Uint8Array }): Promise<ImportDraft> {
  const result = await extractArticle(file);
  if (!result.ok) throw new Error(`expected a draft, got ${result.reason}: ${result.message}`);
  return result.draft;
}
