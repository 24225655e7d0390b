import { describe, expect, it } from 'vitest';
import type { Annotation } from '../domain/annotation';
import type { Article } from '../domain/article';
import { buildReport, reportToMarkdown, type ReportInput } from '../report/project-report';
import { reportOptionsSchema } from '../report/report-options';
import { annotationsCsv, claimsCsv } from './csv';

const T0 = '2026-12-02T14:02:00.000Z';
const T1 = '2026-12-03T09:10:00.000Z';
const TEXT = 'The envoy said the ceasefire would hold.\n\nThe ministry denied it.';
const article: Article = { id: '00000000-0000-4000-8000-0000000000a1', title: 'Envoy on truce', source: 'Wire', url: '', published: '2026-03-02', text: TEXT, status: 'todo', note: '', createdAt: T0, updatedAt: T0 };

function annotation(id: string, exact: string, fields: Partial<Annotation>): Annotation {
  const start = TEXT.indexOf(exact);
  return { id, articleId: article.id, kind: 'highlight', target: { start, end: start + exact.length, exact, prefix: '', suffix: '' }, tags: [], note: '', status: 'draft', actorId: null, claim: null, anchor: 'anchored', createdAt: T0, updatedAt: T0, ...fields };
}

const claim = { speakerId: null, form: 'direct-quote', medium: '', reliability: null, credibility: null, verification: 'unverified', links: [] } as const;
const input: ReportInput = {
  projectName: 'Truce',
  projectNotes: '',
  actors: [],
  tags: [],
  generatedAt: T1,
  articles: [
    {
      article,
      annotations: [
        annotation('00000000-0000-4000-8000-0000000000b1', 'the ceasefire would hold', { kind: 'claim', claim: { ...claim, links: [] }, createdBy: { name: 'Lena Marsh', email: 'lena@example.org' }, updatedBy: { name: 'Omar Haddad' }, updatedAt: T1 }),
        // Written before authorship was recorded: no createdBy/updatedBy at all.
        annotation('00000000-0000-4000-8000-0000000000b2', 'The ministry denied it.', {}),
      ],
    },
  ],
};

function rows(csv: string): string[][] {
  // No field of this fixture holds a comma, quote or line break: a plain split is exact.
  return csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((line) => line.split(','));
}

describe('authorship in CSV exports', () => {
  it('writes created_by, created_at, updated_by, updated_at on every annotation row, empty names for old annotations', () => {
    const [header, first, second] = rows(annotationsCsv(input));
    const cell = (row: string[] | undefined, column: string) => row![header!.indexOf(column)];
    expect(header).toEqual(expect.arrayContaining(['created_by', 'created_at', 'updated_by', 'updated_at']));
    expect(cell(first, 'created_by')).toBe('Lena Marsh <lena@example.org>');
    expect(cell(first, 'created_at')).toBe(T0);
    expect(cell(first, 'updated_by')).toBe('Omar Haddad');
    expect(cell(first, 'updated_at')).toBe(T1);
    expect([cell(second, 'created_by'), cell(second, 'updated_by'), cell(second, 'created_at')]).toEqual(['', '', T0]);
  });

  it('writes the same columns in the claims table', () => {
    const [header, first] = rows(claimsCsv(input));
    expect(first![header!.indexOf('created_by')]).toBe('Lena Marsh <lena@example.org>');
    expect(first![header!.indexOf('updated_at')]).toBe(T1);
  });
});

describe('the Authors option of Markdown reports', () => {
  const report = (authors?: boolean) =>
    reportToMarkdown(buildReport(input, reportOptionsSchema.parse({ scope: { kind: 'project' }, ...(authors === undefined ? {} : { sections: { notes: true, actors: true, claims: true, highlights: true, sources: true, authors } }) })));

  it('is off by default: no one is named', () => {
    expect(report()).not.toContain('Marked by');
    expect(report(false)).not.toContain('Lena');
  });

  it('names who marked each item and who changed it last, and says when no author was recorded', () => {
    const markdown = report(true);
    expect(markdown).toContain('Marked by Lena Marsh, 2026-12-02 14:02 UTC; last changed by Omar Haddad, 2026-12-03 09:10 UTC');
    expect(markdown).toContain('Marked 2026-12-02 14:02 UTC (author not recorded)');
    expect(markdown).not.toContain('lena@example.org');
  });
});
