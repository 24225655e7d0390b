import { useState } from 'react';
import type { AgreementFigure } from '../../../src-shared/agreement/agreement-schema';
import { formatAlpha } from '../../../src-shared/agreement/reading';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useWorkbench } from '../../app/workbench-context';
import { useSaveFile } from '../export/use-save-file';
import { CurationView } from './curation-view';
import { useAgreementArticles } from './use-agreement-articles';
import './agreement.css';

/** Checkboxes drawn at once; a large library is narrowed with the filter. */
const MAX_LISTED = 300;

/**
 * How far analysts agree: choose articles and analysts, read Krippendorff's alpha per kind, tag
 * and value with a plain reading, export it, and open one article to settle its disagreements.
 */
export function AgreementView() {
  const [picked, setPicked] = useState<Set<string> | null>(null);
  const [analystChoice, setAnalystChoice] = useState<string[] | null>(null);
  const [curating, setCurating] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const { reportError } = useWorkbench();
  // Articles assigned to two or more analysts (the ones coded independently) are chosen by default.
  const { shown: shownArticles, shownTotal, librarySize, chosenIds, settled, allShown } = useAgreementArticles(filter, picked, MAX_LISTED);

  const known = useApiQuery('agreement:analysts', { articleIds: chosenIds }, { enabled: chosenIds.length > 0, staleTime: 0 }).data ?? [];
  const analysts = (analystChoice ?? known.map((k) => k.name)).filter((name) => known.some((k) => k.name === name));
  const ready = settled && chosenIds.length > 0 && analysts.length >= 2;
  const reportQuery = useApiQuery('agreement:compute', { articleIds: chosenIds, analysts }, { enabled: ready, staleTime: 0 });
  const report = ready ? reportQuery.data : undefined;

  const toggleArticle = (id: string) => {
    const next = new Set(chosenIds);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setPicked(next);
  };
  const toggleAnalyst = (name: string) => setAnalystChoice(analysts.includes(name) ? analysts.filter((n) => n !== name) : [...analysts, name]);
  const chooseAllShown = () => allShown().then((ids) => setPicked(new Set(ids)), reportError);

  if (curating && analysts.length >= 2) {
    return <CurationView articleId={curating} analysts={analysts} onBack={() => setCurating(null)} />;
  }
  return (
    <div className="view-split agreement-view">
      <nav className="view-list agreement-articles" aria-label="Articles to compare">
        <input type="search" placeholder="Filter articles" aria-label="Filter articles" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <div className="agreement-bulk">
          <button type="button" className="link-button" onClick={() => void chooseAllShown()}>
            Choose all shown
          </button>
          <button type="button" className="link-button" onClick={() => setPicked(new Set())}>
            None
          </button>
          <span className="muted agreement-count">
            {chosenIds.length} of {librarySize} chosen
          </span>
        </div>
        <ul className="agreement-article-list">
          {shownArticles.slice(0, MAX_LISTED).map((a) => (
            <li key={a.id}>
              <label className="agreement-article">
                <input type="checkbox" checked={chosenIds.includes(a.id)} onChange={() => toggleArticle(a.id)} />
                <span className="agreement-article-title">{a.title}</span>
                {(a.published || (a.assignedTo && a.assignedTo.length > 0)) && (
                  <span className="muted agreement-article-meta">{[a.published, a.assignedTo?.join(', ')].filter(Boolean).join(' · ')}</span>
                )}
              </label>
            </li>
          ))}
          {shownTotal > MAX_LISTED && <li className="muted agreement-more">{shownTotal - MAX_LISTED} more: filter to see them (Choose all shown takes them too).</li>}
        </ul>
      </nav>
      <main className="view-main" aria-label="Agreement">
        <h1 className="agreement-title">Agreement between analysts</h1>
        <fieldset className="agreement-analysts">
          <legend>Analysts</legend>
          {chosenIds.length === 0 && <p className="muted">Choose articles on the left (articles assigned to two or more analysts are chosen first).</p>}
          {chosenIds.length > 0 && known.length === 0 && <p className="muted">Nobody has annotated these articles under a name yet.</p>}
          {known.map((k) => (
            <label key={k.name} className="agreement-analyst">
              <input type="checkbox" checked={analysts.includes(k.name)} onChange={() => toggleAnalyst(k.name)} />
              {k.name} <span className="muted">({plural(k.annotations, 'annotation')} in {plural(k.articles, 'article')})</span>
            </label>
          ))}
        </fieldset>
        {chosenIds.length > 0 && known.length > 0 && analysts.length < 2 && <p className="muted">Choose at least two analysts to compare.</p>}
        {ready && !report && <p className="muted">Computing…</p>}
        {report && <Figures report={report} articleIds={chosenIds} onCurate={setCurating} />}
      </main>
    </div>
  );
}

function Figures({ report, articleIds, onCurate }: { report: NonNullable<ReturnType<typeof useApiQuery<'agreement:compute'>>['data']>; articleIds: string[]; onCurate(id: string): void }) {
  const api = useApi();
  const save = useSaveFile();
  const { reportError } = useWorkbench();
  const exportAs = async (format: 'csv' | 'markdown') => {
    try {
      const { fileName, content } = await api.call('agreement:export', { articleIds, analysts: report.analysts, format });
      await save(fileName, content, format === 'csv' ? 'text/csv' : 'text/markdown');
    } catch (failure) {
      reportError(failure);
    }
  };
  const byArticle = new Map<string, AgreementFigure[]>();
  for (const f of report.perArticle) byArticle.set(f.articleId!, [...(byArticle.get(f.articleId!) ?? []), f]);
  return (
    <>
      <div className="agreement-actions">
        <button type="button" onClick={() => void exportAs('csv')}>
          Export CSV
        </button>
        <button type="button" onClick={() => void exportAs('markdown')}>
          Export Markdown
        </button>
      </div>
      <h2>
        All chosen articles <span className="muted">({plural(report.articles, 'article')}; {report.analysts.join(', ')})</span>
      </h2>
      <FigureTable figures={report.overall} label="Agreement over all chosen articles" />
      <h2>Per article</h2>
      {[...byArticle].map(([id, figures]) => (
        <ArticleFigures key={id} id={id} figures={figures} onCurate={onCurate} />
      ))}
    </>
  );
}

/**
 * One article's figures, drawn only when opened: a report over hundreds of articles stays light.
 * A disclosure button rather than <details>: Curate… sits on the same line, and a button may
 * not be nested in a <summary>.
 */
function ArticleFigures({ id, figures, onCurate }: { id: string; figures: AgreementFigure[]; onCurate(id: string): void }) {
  const [open, setOpen] = useState(false);
  const title = figures[0]!.articleTitle;
  return (
    <div className="agreement-article-figures">
      <div className="agreement-article-head">
        <button type="button" className="disclosure" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
          {title} <span className="muted">{summaryOf(figures)}</span>
        </button>
        <button type="button" className="agreement-curate" onClick={() => onCurate(id)} aria-label={`Curate ${title}`}>
          Curate…
        </button>
      </div>
      {open && <FigureTable figures={figures} label={`Agreement in ${title}`} />}
    </div>
  );
}

const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

/** "claims α 0.712" for the summary line of an article. */
function summaryOf(figures: readonly AgreementFigure[]): string {
  const where = figures.filter((f) => f.measure === 'where-actor' || f.measure === 'where-claim').map((f) => `${f.label.replace('Where: ', '')} α ${formatAlpha(f.alpha)}`);
  return where.join(' · ');
}

function FigureTable({ figures, label }: { figures: readonly AgreementFigure[]; label: string }) {
  return (
    <table className="claims-table agreement-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col">Metric</th>
          <th scope="col" className="num">
            α
          </th>
          <th scope="col" className="num">
            Units
          </th>
          <th scope="col">Reading</th>
        </tr>
      </thead>
      <tbody>
        {figures.map((f) => (
          <tr key={`${f.measure}:${f.tagId ?? ''}`} className={`level-${f.level}`}>
            <td>{f.label}</td>
            <td>{f.metric === 'unitizing' ? 'unitizing (uα)' : f.metric}</td>
            <td className="num">{formatAlpha(f.alpha)}</td>
            <td className="num">{f.units}</td>
            <td>{f.reading}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
