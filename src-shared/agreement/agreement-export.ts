/** The agreement report as a CSV table and as a Markdown section for a methods appendix. */
import { BOM, csvField } from '../export/csv';
import type { AgreementFigure, AgreementReport } from './agreement-schema';
import { formatAlpha } from './reading';

const METRIC_NAMES: Record<AgreementFigure['metric'], string> = { unitizing: 'unitizing (uα)', nominal: 'nominal', ordinal: 'ordinal' };

export function agreementCsv(report: AgreementReport): string {
  const header = ['Scope', 'Article id', 'Measure', 'Metric', 'Alpha', 'Units', 'Reading', 'Analysts'];
  const rows = [...report.overall, ...report.perArticle].map((f) => [
    f.articleId ? f.articleTitle : 'Overall',
    f.articleId ?? '',
    f.label,
    METRIC_NAMES[f.metric],
    f.alpha === null ? '' : Number(f.alpha.toFixed(4)),
    f.units,
    f.reading,
    report.analysts.join('; '),
  ]);
  // Numbers are written as they are: csvField would defuse a negative alpha ("-0.70") as if it
  // were a formula, and a number cannot be one.
  const line = (row: readonly (string | number)[]) => row.map((v) => (typeof v === 'number' ? String(v) : csvField(v))).join(',');
  return BOM + [header, ...rows].map(line).join('\r\n') + '\r\n';
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function table(figures: readonly AgreementFigure[]): string[] {
  return [
    '| Measure | Metric | α | Units | Reading |',
    '| --- | --- | ---: | ---: | --- |',
    ...figures.map((f) => `| ${cell(f.label)} | ${METRIC_NAMES[f.metric]} | ${formatAlpha(f.alpha)} | ${f.units} | ${cell(f.reading)} |`),
  ];
}

/** A "## Intercoder agreement" section: overall figures, then one table per article. */
export function agreementMarkdown(report: AgreementReport): string {
  const lines = [
    '## Intercoder agreement',
    '',
    `Analysts compared: ${report.analysts.map(cell).join(', ')}. Articles: ${report.articles}.`,
    '',
    "Krippendorff's alpha: unitizing alpha over the characters of the texts for where annotations are; " +
      'nominal or ordinal alpha for the values of units two or more analysts marked. α ≥ 0.800: reliable; ' +
      '0.667–0.800: tentative conclusions only; below 0.667: do not rely on these codes.',
    '',
    '### All chosen articles',
    '',
    ...table(report.overall),
  ];
  const byArticle = new Map<string, AgreementFigure[]>();
  for (const f of report.perArticle) {
    const list = byArticle.get(f.articleId!) ?? [];
    list.push(f);
    byArticle.set(f.articleId!, list);
  }
  for (const figures of byArticle.values()) lines.push('', `### ${cell(figures[0]!.articleTitle)}`, '', ...table(figures));
  return `${lines.join('\n')}\n`;
}
