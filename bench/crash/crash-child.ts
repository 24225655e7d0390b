/**
 * The process the crash suite kills: opens a project and drives the router as the app would,
 * printing one JSON line on stdout for each call that was acknowledged (after it returned).
 * Writes to a pipe are synchronous on Linux, so a line printed is a line the parent receives.
 */
import { readFile } from 'node:fs/promises';
import { openWorkbench } from '../../src-main/app/workbench';

export type ChildMode = 'saves' | 'import' | 'restore' | 'search';

/** What the child reports, one JSON object per line. */
export type ChildEvent =
  | { type: 'ready' }
  | { type: 'article'; id: string }
  | { type: 'annotation'; articleId: string; id: string }
  | { type: 'imported'; id: string; n: number }
  | { type: 'restored'; ms: number }
  /** An article saved with a word found in no other (`search` mode). */
  | { type: 'searchable'; id: string; word: string };

const TEXT = 'The minister said the talks would resume on Monday.\n\nOfficials did not confirm a date, and the opposition called the plan a delay.';
const WORDS: readonly [number, number][] = [
  [4, 12],
  [13, 17],
  [22, 27],
  [53, 62],
  [87, 97],
];

/** The text of import item `n` of run `run`: distinct per item, so duplicates can be counted. */
export function importText(run: number, n: number): string {
  return `Crash suite import, run ${run}, item ${n}.\n\nThe ministry said the item ${n} of run ${run} was filed on time.`;
}

function emit(event: ChildEvent): void {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

/** A word made for one article of one run: letters only, so the tokeniser keeps it whole. */
export function uniqueWord(run: number, n: number): string {
  const letters = (k: number) => [...String(k)].map((d) => 'abcdefghij'[Number(d)]).join('');
  return `zq${letters(run)}x${letters(n)}`;
}

export async function runChild(mode: ChildMode, dir: string, extra: string): Promise<void> {
  if (mode === 'search') {
    await searchChild(dir, Number(extra));
    return;
  }
  const workbench = await openWorkbench(dir);
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await workbench.router.handle(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  emit({ type: 'ready' });
  if (mode === 'restore') {
    const json = await readFile(extra, 'utf8');
    const started = performance.now();
    await call('project:import', { json });
    emit({ type: 'restored', ms: performance.now() - started });
    await workbench.close();
    return;
  }
  if (mode === 'import') {
    const run = Number(extra);
    let next = 0;
    // Two importers at once, one article per call (as the import dialog does).
    await Promise.all(
      [0, 1].map(async () => {
        for (;;) {
          const n = next++;
          const item = { title: `Import ${run}/${n}`, text: importText(run, n), fileName: `item-${n}.txt`, format: 'txt' };
          const { results } = await call<{ results: { ok: boolean; id?: string }[] }>('import:commit', { items: [item] });
          if (results[0]?.ok) emit({ type: 'imported', id: results[0].id!, n });
        }
      }),
    );
    return;
  }
  // Saves: three writers at once, each creating an article and annotating it.
  await Promise.all(
    [0, 1, 2].map(async (writer) => {
      for (let i = 0; ; i++) {
        const article = await call<{ id: string }>('articles:create', { title: `Writer ${writer} article ${i}`, text: TEXT });
        emit({ type: 'article', id: article.id });
        for (let k = 0; k < 12; k++) {
          const [start, end] = WORDS[k % WORDS.length]!;
          const annotation = await call<{ id: string }>('annotations:create', { articleId: article.id, start, end, kind: 'highlight', note: `note ${k}` });
          emit({ type: 'annotation', articleId: article.id, id: annotation.id });
        }
      }
    }),
  );
}

/**
 * Search mode: saves articles, each with its own word, and closes and reopens the project every
 * 20 of them, so that the search index is written (at close, whole) again and again: the kill
 * falls before, during or after such a write.
 */
async function searchChild(dir: string, run: number): Promise<void> {
  let n = 0;
  for (let round = 0; ; round++) {
    const workbench = await openWorkbench(dir);
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const result = await workbench.router.handle(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
      return result.value as T;
    };
    if (round === 0) emit({ type: 'ready' });
    for (let k = 0; k < 20; k++, n++) {
      const word = uniqueWord(run, n);
      const article = await call<{ id: string }>('articles:create', { title: `Search crash ${run}/${n}`, text: `${TEXT}\n\nFiled as ${word}.` });
      emit({ type: 'searchable', id: article.id, word });
    }
    await workbench.close();
  }
}
