import { useState, type FormEvent } from 'react';
import type { ReviewStatus } from '../../../src-shared/domain/annotation';
import { VERIFICATION_LABELS, type Verification } from '../../../src-shared/domain/claim';
import type { ReportScope, ReportSections } from '../../../src-shared/report/report-options';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../app/use-async-error';
import { useWorkbench } from '../../app/workbench-context';
import { Modal } from '../../ui/modal';
import { ReportArticles } from './report-articles';
import { useSaveFile } from './use-save-file';
import { keysOf, REVIEW_STATUS_LABELS } from '../../ui/labels';

type ScopeKind = ReportScope['kind'];
const SECTIONS: { key: keyof ReportSections; label: string }[] = [
  { key: 'notes', label: 'Notes' },
  { key: 'actors', label: 'Actors' },
  { key: 'claims', label: 'Claims' },
  { key: 'highlights', label: 'Highlights' },
  { key: 'sources', label: 'Sources' },
  // Off by default: who marked what is for the team, not always for the report's readers.
  { key: 'authors', label: 'Authors' },
  { key: 'network', label: 'Network diagram' },
];
const STATUSES = keysOf(REVIEW_STATUS_LABELS).map((value) => ({ value, label: REVIEW_STATUS_LABELS[value] }));

const toggle = <T,>(list: T[], value: T, on: boolean): T[] => (on ? [...list, value] : list.filter((v) => v !== value));

/** Report options: scope, sections, filters; then Export (file) or Copy as Markdown. */
export function ReportDialog({ onClose, initialChosen }: { onClose(): void; initialChosen?: string[] }) {
  const api = useApi();
  const { project, session, setStatus } = useWorkbench();
  const save = useSaveFile();
  const [title, setTitle] = useState('');
  const [scopeKind, setScopeKind] = useState<ScopeKind>(initialChosen?.length ? 'articles' : session ? 'article' : 'project');
  const [chosen, setChosen] = useState<string[]>(initialChosen?.length ? initialChosen : session ? [session.article.id] : []);
  const [actorId, setActorId] = useState(project.actors[0]?.id ?? '');
  const [sections, setSections] = useState<ReportSections>({ notes: true, actors: true, claims: true, highlights: true, sources: true, authors: false, network: false });
  const [tagIds, setTagIds] = useState<string[]>([]);
  const [actorIds, setActorIds] = useState<string[]>([]);
  const [statuses, setStatuses] = useState<ReviewStatus[]>([]);
  const [verifications, setVerifications] = useState<Verification[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function scope(): ReportScope {
    if (scopeKind === 'article') return { kind: 'article', articleId: session!.article.id };
    if (scopeKind === 'articles') return { kind: 'articles', articleIds: chosen };
    if (scopeKind === 'actor') return { kind: 'actor', actorId };
    return { kind: 'project' };
  }

  async function generate(): Promise<{ fileName: string; markdown: string } | null> {
    setError(null);
    try {
      return await api.call('reports:markdown', { title, scope: scope(), sections, filters: { tagIds, actorIds, statuses, verifications } });
    } catch (failure) {
      setError(messageOf(failure));
      return null;
    }
  }

  async function exportFile(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    const report = await generate();
    setBusy(false);
    if (report && (await save(report.fileName, report.markdown, 'text/markdown'))) onClose();
  }

  async function copy(): Promise<void> {
    setBusy(true);
    const report = await generate();
    setBusy(false);
    if (!report) return;
    try {
      await navigator.clipboard.writeText(report.markdown);
      setStatus('Report copied as Markdown.');
      onClose();
    } catch {
      setError('The clipboard refused the report. Use Export to save it as a file instead.');
    }
  }

  return (
    <Modal title="Markdown report" onClose={onClose} wide>
      <form onSubmit={exportFile} className="report-form">
        <div className="form-grid">
          <label htmlFor="rp-title">Report title</label>
          <input id="rp-title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Leave empty for a title from the scope" />
        </div>
        <fieldset>
          <legend>Scope</legend>
          <label>
            <input type="radio" name="scope" checked={scopeKind === 'article'} disabled={!session} onChange={() => setScopeKind('article')} /> This article
          </label>
          <label>
            <input type="radio" name="scope" checked={scopeKind === 'articles'} onChange={() => setScopeKind('articles')} /> Chosen articles
          </label>
          <label>
            <input type="radio" name="scope" checked={scopeKind === 'project'} onChange={() => setScopeKind('project')} /> Whole project
          </label>
          <label>
            <input type="radio" name="scope" checked={scopeKind === 'actor'} disabled={project.actors.length === 0} onChange={() => setScopeKind('actor')} /> One actor (dossier)
          </label>
          {scopeKind === 'actor' && (
            <select aria-label="Actor for the dossier" value={actorId} onChange={(e) => setActorId(e.target.value)}>
              {project.actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
          {scopeKind === 'articles' && <ReportArticles chosen={chosen} onChange={setChosen} />}
        </fieldset>
        <fieldset>
          <legend>Sections</legend>
          {SECTIONS.map(({ key, label }) => (
            <label key={key}>
              <input type="checkbox" checked={sections[key]} onChange={(e) => setSections({ ...sections, [key]: e.target.checked })} /> {label}
            </label>
          ))}
        </fieldset>
        <details className="filters-box">
          <summary>Filters</summary>
          {project.tags.length > 0 && (
            <fieldset>
              <legend>Only these tags</legend>
              {project.tags.map((t) => (
                <label key={t.id}>
                  <input type="checkbox" checked={tagIds.includes(t.id)} onChange={(e) => setTagIds(toggle(tagIds, t.id, e.target.checked))} /> {t.name}
                </label>
              ))}
            </fieldset>
          )}
          {project.actors.length > 0 && (
            <fieldset>
              <legend>Only claims by</legend>
              {project.actors.map((a) => (
                <label key={a.id}>
                  <input type="checkbox" checked={actorIds.includes(a.id)} onChange={(e) => setActorIds(toggle(actorIds, a.id, e.target.checked))} /> {a.name}
                </label>
              ))}
            </fieldset>
          )}
          <fieldset>
            <legend>Only review status</legend>
            {STATUSES.map((s) => (
              <label key={s.value}>
                <input type="checkbox" checked={statuses.includes(s.value)} onChange={(e) => setStatuses(toggle(statuses, s.value, e.target.checked))} /> {s.label}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Only verification</legend>
            {(Object.keys(VERIFICATION_LABELS) as Verification[]).map((v) => (
              <label key={v}>
                <input type="checkbox" checked={verifications.includes(v)} onChange={(e) => setVerifications(toggle(verifications, v, e.target.checked))} /> {VERIFICATION_LABELS[v]}
              </label>
            ))}
          </fieldset>
        </details>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" onClick={() => void copy()} disabled={busy}>
            Copy as Markdown
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Export
          </button>
        </div>
      </form>
    </Modal>
  );
}
