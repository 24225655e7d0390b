import { useEffect, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import { DECODED_FORMATS, type ImportEncoding } from '../../../src-shared/domain/import-format';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { messageOf } from '../../app/use-async-error';
import { useWorkbench } from '../../app/workbench-context';
import { Modal } from '../../ui/modal';
import { EncodingChoice } from './encoding-choice';

type Extracted = ChannelOutput<'import:extract'>['results'][number];
type Draft = Extract<Extracted, { ok: true }>;
interface Row extends Draft {
  title: string;
  source: string;
  published: string;
  /** For a text already in the library: skip it (default) or keep both. */
  keep: boolean;
  /**
   * Where to read the file again in another encoding: its bytes (base64, kept for text and HTML
   * files only, since the browser's File may no longer be readable) or its path on the desktop.
   */
  origin: { kind: 'data'; data: string } | { kind: 'path'; path: string } | null;
  /** Whether the user chose the encoding (rather than it being declared or detected). */
  chosen: boolean;
  /** The encoding being read now, and why the last reading failed. */
  pending: ImportEncoding | null;
  pendingError: string | null;
}


/** The row as first read: the draft's metadata, nothing chosen yet. */
function rowOf(result: Draft, origin: Row['origin']): Row {
  const decoded = DECODED_FORMATS.has(result.draft.format);
  return { ...result, title: result.draft.title, source: sourceOf(result), published: result.draft.published, keep: false, origin: decoded ? origin : null, chosen: false, pending: null, pendingError: null };
}
const sourceOf = (result: Draft) => result.draft.source || result.draft.siteName;
type Phase = { kind: 'reading'; done: number; total: number } | { kind: 'review' } | { kind: 'saving'; done: number; total: number } | { kind: 'done' };
interface Outcome {
  imported: string[];
  skipped: string[];
  failed: { name: string; message: string }[];
}

const READ_BATCH = 4;
/**
 * One article per call: each is acknowledged as soon as it is durable, so a crash mid-import
 * leaves at most one saved article the dialog did not hear about, and importing the files again
 * offers it (found by its SHA-256) as a duplicate to skip. A call costs far less than the fsync.
 */
const SAVE_BATCH = 1;

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Import: read the files (progress, cancel), review what will be imported (a table, metadata
 * editable, duplicates offered as skip or keep both), save (progress, cancel), then the results.
 */
/** What to import: files the browser holds (uploaded as bytes), or paths the desktop app reads. */
export type ImportSource = { kind: 'files'; files: File[] } | { kind: 'paths'; paths: string[] };

export function ImportDialog({ source, onClose }: { source: ImportSource; onClose(): void }) {
  const api = useApi();
  const { setStatus } = useWorkbench();
  const { mutateAsync: commit } = useApiMutation('import:commit');
  const items = source.kind === 'files' ? source.files : source.paths;
  const [phase, setPhase] = useState<Phase>({ kind: 'reading', done: 0, total: items.length });
  const [rows, setRows] = useState<Row[]>([]);
  const [outcome, setOutcome] = useState<Outcome>({ imported: [], skipped: [], failed: [] });
  const [error, setError] = useState<string | null>(null);
  const cancelled = useRef(false);

  useEffect(() => {
    let live = true;
    (async () => {
      const drafts: Row[] = [];
      const failed: Outcome['failed'] = [];
      for (let i = 0; i < items.length && !cancelled.current; i += READ_BATCH) {
        const batch = items.slice(i, i + READ_BATCH);
        const nameOf = (item: File | string) => (typeof item === 'string' ? item.split(/[\\/]/).pop()! : item.name);
        try {
          // One result per file, in order: result k is batch[k].
          let origins: Row['origin'][];
          let results: Extracted[];
          if (source.kind === 'paths' && api.desktopImport) {
            origins = (batch as string[]).map((path) => ({ kind: 'path', path }));
            ({ results } = await api.desktopImport.extract(batch as string[]));
          } else {
            const files = await Promise.all((batch as File[]).map(async (f) => ({ name: f.name, data: await toBase64(f) })));
            origins = files.map((f) => ({ kind: 'data', data: f.data }));
            ({ results } = await api.call('import:extract', { files }));
          }
          results.forEach((r, k) => (r.ok ? drafts.push(rowOf(r, origins[k] ?? null)) : failed.push({ name: r.name, message: r.message })));
        } catch (failure) {
          for (const f of batch) failed.push({ name: nameOf(f), message: messageOf(failure) });
        }
        if (!live) return;
        setPhase({ kind: 'reading', done: Math.min(items.length, i + batch.length), total: items.length });
      }
      if (!live) return;
      setRows(drafts);
      setOutcome({ imported: [], skipped: [], failed });
      setPhase(cancelled.current ? { kind: 'done' } : { kind: 'review' });
    })();
    return () => {
      live = false;
    };
  }, [api, items, source.kind]);

  async function save(): Promise<void> {
    cancelled.current = false;
    const wanted = rows.filter((r) => !r.duplicateOf || r.keep);
    const skipped = rows.filter((r) => r.duplicateOf && !r.keep).map((r) => `${r.name} (already in the library as “${r.duplicateOf!.title}”)`);
    const result: Outcome = { imported: [], skipped, failed: [...outcome.failed] };
    setPhase({ kind: 'saving', done: 0, total: wanted.length });
    for (let i = 0; i < wanted.length; i += SAVE_BATCH) {
      if (cancelled.current) {
        result.skipped.push(...wanted.slice(i).map((r) => `${r.name} (cancelled)`));
        break;
      }
      const batch = wanted.slice(i, i + SAVE_BATCH);
      try {
        const { results } = await commit({
          items: batch.map((r) => ({
            title: r.title,
            source: r.source,
            url: r.draft.url,
            published: r.published,
            text: r.draft.text,
            fileName: r.name,
            format: r.draft.format,
            // The page's own language and direction (or the extractor's guess), and its byline.
            byline: r.draft.byline,
            ...(r.draft.language !== undefined ? { language: r.draft.language } : {}),
            ...(r.draft.direction !== undefined ? { direction: r.draft.direction } : {}),
          })),
        });
        results.forEach((res, k) => (res.ok ? result.imported.push(res.title) : result.failed.push({ name: batch[k]!.name, message: res.message })));
      } catch (failure) {
        setError(messageOf(failure));
        for (const r of batch) result.failed.push({ name: r.name, message: messageOf(failure) });
      }
      setPhase({ kind: 'saving', done: Math.min(wanted.length, i + batch.length), total: wanted.length });
    }
    setOutcome(result);
    setPhase({ kind: 'done' });
    setStatus(`Imported ${result.imported.length} of ${rows.length + outcome.failed.length} files.`);
  }

  const update = (index: number, patch: Partial<Row>) => setRows((list) => list.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  /**
   * Reads one file again in the encoding chosen and replaces its draft. The title, source and date
   * follow the new reading unless the user had edited them: then their text stays.
   */
  async function redecode(index: number, encoding: ImportEncoding): Promise<void> {
    const origin = rows[index]?.origin;
    const name = rows[index]?.name ?? '';
    if (!origin) return;
    update(index, { pending: encoding, pendingError: null });
    try {
      const { results } =
        origin.kind === 'path' && api.desktopImport
          ? await api.desktopImport.extract([origin.path], { [origin.path]: encoding })
          : origin.kind === 'data'
            ? await api.call('import:extract', { files: [{ name, data: origin.data, encoding }] })
            : { results: [] };
      const [result] = results;
      if (!result) throw new Error(`${name} could not be read again: no answer came back. Try again.`);
      if (!result.ok) {
        update(index, { pending: null, pendingError: result.message });
        return;
      }
      setRows((list) =>
        list.map((old, i) => {
          if (i !== index) return old;
          const fresh = rowOf(result, old.origin);
          return {
            ...fresh,
            title: old.title !== old.draft.title ? old.title : fresh.title,
            source: old.source !== sourceOf(old) ? old.source : fresh.source,
            published: old.published !== old.draft.published ? old.published : fresh.published,
            keep: old.keep,
            chosen: true,
          };
        }),
      );
    } catch (failure) {
      update(index, { pending: null, pendingError: `${name} could not be read as ${encoding}: ${messageOf(failure)}` });
    }
  }
  const redecoding = rows.some((r) => r.pending !== null);
  const progress = phase.kind === 'reading' || phase.kind === 'saving' ? phase : null;

  return (
    <Modal title="Import files" onClose={onClose} className="import-dialog">
      {progress && (
        <div className="import-progress">
          <p>
            {progress.kind === 'reading' ? 'Reading' : 'Saving'} {progress.done} of {progress.total} {progress.kind === 'reading' ? 'files' : 'articles'}…
          </p>
          <progress aria-label={progress.kind === 'reading' ? 'Reading files' : 'Saving articles'} max={progress.total} value={progress.done} />
          <button type="button" onClick={() => (cancelled.current = true)}>
            Cancel
          </button>
        </div>
      )}
      {phase.kind === 'review' && (
        <>
          <p>
            {rows.length} {rows.length === 1 ? 'article' : 'articles'} ready to import{outcome.failed.length > 0 && `; ${outcome.failed.length} ${outcome.failed.length === 1 ? 'file' : 'files'} cannot be imported (listed below)`}. Check the titles and dates, then Import.
          </p>
          <div className="import-table-wrap">
            <table className="import-table">
              {/* Fixed widths: the inputs get room and the opening takes what is left, on one line. */}
              <colgroup>
                <col className="col-file" />
                <col className="col-title" />
                <col className="col-source" />
                <col className="col-published" />
                <col className="col-words" />
                <col />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Title</th>
                  <th scope="col">Source</th>
                  <th scope="col">Published</th>
                  <th scope="col" className="words">Words</th>
                  <th scope="col">Opening</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={`${r.name}-${i}`}>
                    <td>
                      <span className="file-name" title={r.name}>
                        {r.name}
                      </span>
                      {r.duplicateOf && (
                        <label className="duplicate">
                          Already in the library as “{r.duplicateOf.title}”.{' '}
                          <select aria-label={`Duplicate ${r.name}`} value={r.keep ? 'keep' : 'skip'} onChange={(e) => update(i, { keep: e.target.value === 'keep' })}>
                            <option value="skip">Skip</option>
                            <option value="keep">Keep both</option>
                          </select>
                        </label>
                      )}
                      {r.draft.encoding && r.origin && (
                        <EncodingChoice
                          fileName={r.name}
                          encoding={r.draft.encoding}
                          confidence={r.chosen ? null : (r.draft.encodingConfidence ?? null)}
                          pending={r.pending}
                          error={r.pendingError}
                          onChoose={(encoding) => void redecode(i, encoding)}
                        />
                      )}
                      {r.draft.language && (
                        <span className="import-encoding">
                          Language: {r.draft.language}
                          {r.draft.direction === 'rtl' ? ', right to left' : ''}
                        </span>
                      )}
                      {r.draft.notes?.map((note) => (
                        <span key={note} className="import-note">
                          {note}
                        </span>
                      ))}
                    </td>
                    <td>
                      <input aria-label={`Title of ${r.name}`} dir="auto" value={r.title} onChange={(e) => update(i, { title: e.target.value })} />
                    </td>
                    <td>
                      <input aria-label={`Source of ${r.name}`} dir="auto" value={r.source} onChange={(e) => update(i, { source: e.target.value })} />
                    </td>
                    <td>
                      <input aria-label={`Published date of ${r.name}`} type="date" value={r.published} onChange={(e) => update(i, { published: e.target.value })} />
                    </td>
                    <td className="words">{r.draft.wordCount.toLocaleString()}</td>
                    <td className="opening" dir="auto" lang={r.draft.language || undefined}>
                      {/* One line, cut with an ellipsis; the whole opening on hover, or opened with a click or Enter. */}
                      <details>
                        <summary title={r.draft.firstLines}>{r.draft.firstLines}</summary>
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {(phase.kind === 'review' || phase.kind === 'done') && (outcome.failed.length > 0 || phase.kind === 'done') && (
        <section className="import-results" aria-label="Import results">
          {phase.kind === 'done' && (
            <p>
              <strong>{outcome.imported.length}</strong> imported, <strong>{outcome.skipped.length}</strong> skipped, <strong>{outcome.failed.length}</strong> failed.
            </p>
          )}
          <ul>
            {outcome.skipped.map((s) => (
              <li key={s}>Skipped: {s}</li>
            ))}
            {outcome.failed.map((f) => (
              <li key={f.name + f.message} className="form-error">
                {f.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        {!progress && (
          <button type="button" onClick={onClose}>
            {phase.kind === 'done' ? 'Close' : 'Cancel'}
          </button>
        )}
        {phase.kind === 'review' && (
          <button type="button" className="primary" onClick={() => void save()} disabled={redecoding || rows.every((r) => r.duplicateOf && !r.keep)}>
            Import
          </button>
        )}
      </div>
    </Modal>
  );
}
