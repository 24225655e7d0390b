/**
 * Agreement between analysts over chosen articles: unitizing alpha on where they marked actor
 * mentions, claims and each tag (over the characters of the texts), and alpha on the values of
 * units two or more of them marked (speaker, actor, grades, verification); per article and
 * overall. Overall, the articles' texts are laid end to end as one continuum, and the value
 * units of all articles are pooled.
 */
import type { AgreementFigure, AgreementMeasure, AgreementReport } from './agreement-schema';
import { alignAnnotations, type AlignedUnit, type CodedAnnotation } from './align';
import { krippendorffAlpha } from './krippendorff-alpha';
import { levelOf, READINGS } from './reading';
import { unitizingAlpha, type CodedSpan } from './unitizing-alpha';

/** One article as agreement needs it: the length of its text and the analysts' annotations. */
export interface AgreementArticle {
  id: string;
  title: string;
  length: number;
  annotations: readonly CodedAnnotation[];
}

export interface AgreementInput {
  analysts: readonly string[];
  articles: readonly AgreementArticle[];
  /** Tag names, for labels; a tag used but not listed is labelled by its id. */
  tags: ReadonlyMap<string, string>;
}

const RELIABILITY_RANK: Record<string, number> = { A: 1, B: 2, C: 3, D: 4, E: 5, F: 6 };

interface ValueMeasure {
  measure: AgreementMeasure;
  kind: 'actor' | 'claim';
  label: string;
  metric: 'nominal' | 'ordinal';
  value: (a: CodedAnnotation) => string | number | null;
}

const VALUE_MEASURES: ValueMeasure[] = [
  { measure: 'actor', kind: 'actor', label: 'Actor of a mention', metric: 'nominal', value: (a) => a.actorId },
  { measure: 'speaker', kind: 'claim', label: 'Speaker of a claim', metric: 'nominal', value: (a) => a.claim?.speakerId ?? null },
  { measure: 'reliability', kind: 'claim', label: 'Reliability (A–F)', metric: 'ordinal', value: (a) => (a.claim?.reliability ? RELIABILITY_RANK[a.claim.reliability] ?? null : null) },
  { measure: 'credibility', kind: 'claim', label: 'Credibility (1–6)', metric: 'ordinal', value: (a) => a.claim?.credibility ?? null },
  { measure: 'verification', kind: 'claim', label: 'Verification', metric: 'nominal', value: (a) => a.claim?.verification ?? null },
];

/** A figure row with its reading. */
function figure(article: { id: string; title: string } | null, measure: AgreementMeasure, label: string, metric: AgreementFigure['metric'], alpha: number | null, units: number, tagId: string | null = null): AgreementFigure {
  const level = levelOf(alpha);
  return { articleId: article?.id ?? null, articleTitle: article?.title ?? 'All chosen articles', measure, tagId, label, metric, alpha, units, level, reading: READINGS[level] };
}

/** Reliability data of one value measure: one row per aligned unit, one column per analyst. */
function valueRows(units: readonly AlignedUnit[], m: ValueMeasure, codes: Map<string | number, number>): (number | null)[][] {
  return units.map((unit) =>
    unit.map((a) => {
      if (!a) return null;
      const v = m.value(a);
      if (v === null) return null;
      if (m.metric === 'ordinal') return v as number;
      let code = codes.get(v);
      if (code === undefined) codes.set(v, (code = codes.size));
      return code;
    }),
  );
}

export function computeAgreement(input: AgreementInput): AgreementReport {
  const coders = input.analysts.length;
  const usedTags = new Set<string>();
  for (const article of input.articles) for (const a of article.annotations) for (const t of a.tags) usedTags.add(t);
  const tagIds = [...usedTags].sort((x, y) => (input.tags.get(x) ?? x).localeCompare(input.tags.get(y) ?? y));
  const whereMeasures: { measure: AgreementMeasure; label: string; tagId: string | null; keep: (a: CodedAnnotation) => boolean }[] = [
    { measure: 'where-actor', label: 'Where: actor mentions', tagId: null, keep: (a) => a.kind === 'actor' },
    { measure: 'where-claim', label: 'Where: claims', tagId: null, keep: (a) => a.kind === 'claim' },
    ...tagIds.map((id) => ({ measure: 'where-tag' as const, label: `Where: tag ${input.tags.get(id) ?? id}`, tagId: id, keep: (a: CodedAnnotation) => a.tags.includes(id) })),
  ];

  const perArticle: AgreementFigure[] = [];
  const pooledSpans = whereMeasures.map(() => [] as CodedSpan[]);
  const pooledUnits = new Map<'actor' | 'claim', AlignedUnit[]>([['actor', []], ['claim', []]]);
  let offset = 0;
  for (const article of input.articles) {
    whereMeasures.forEach((w, i) => {
      const spans = article.annotations.filter(w.keep).map((a) => ({ coder: a.coder, start: a.start, end: a.end }));
      const result = unitizingAlpha({ begin: 0, length: article.length, coders, spans });
      perArticle.push(figure(article, w.measure, w.label, 'unitizing', result.alpha, result.units, w.tagId));
      for (const s of spans) pooledSpans[i]!.push({ coder: s.coder, start: s.start + offset, end: s.end + offset });
    });
    offset += article.length;
    for (const kind of ['actor', 'claim'] as const) {
      const units = alignAnnotations(article.annotations.filter((a) => a.kind === kind), coders);
      pooledUnits.get(kind)!.push(...units);
      for (const m of VALUE_MEASURES.filter((v) => v.kind === kind)) {
        const result = krippendorffAlpha(valueRows(units, m, new Map()), m.metric);
        perArticle.push(figure(article, m.measure, m.label, m.metric, result.alpha, result.units));
      }
    }
  }

  const overall: AgreementFigure[] = whereMeasures.map((w, i) => {
    const result = unitizingAlpha({ begin: 0, length: offset, coders, spans: pooledSpans[i]! });
    return figure(null, w.measure, w.label, 'unitizing', result.alpha, result.units, w.tagId);
  });
  for (const m of VALUE_MEASURES) {
    const result = krippendorffAlpha(valueRows(pooledUnits.get(m.kind)!, m, new Map()), m.metric);
    overall.push(figure(null, m.measure, m.label, m.metric, result.alpha, result.units));
  }
  return { analysts: [...input.analysts], articles: input.articles.length, overall, perArticle };
}
