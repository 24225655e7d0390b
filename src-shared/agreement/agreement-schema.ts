import { z } from 'zod';

/** Which figure a row holds: where annotations are (unitizing) or what they say (values). */
export const agreementMeasureSchema = z.enum([
  'where-actor',
  'where-claim',
  'where-tag',
  'actor',
  'speaker',
  'reliability',
  'credibility',
  'verification',
]);
export type AgreementMeasure = z.infer<typeof agreementMeasureSchema>;

/** One agreement figure, for one article or overall (`articleId` null). */
export const agreementFigureSchema = z.object({
  articleId: z.string().nullable(),
  articleTitle: z.string(),
  measure: agreementMeasureSchema,
  /** For `where-tag`: the tag's id and name. */
  tagId: z.string().nullable(),
  label: z.string(),
  metric: z.enum(['unitizing', 'nominal', 'ordinal']),
  /** Krippendorff's alpha; null when undefined (not enough data). */
  alpha: z.number().nullable(),
  /** Units the figure rests on: marked units for unitizing, units two or more analysts coded for values. */
  units: z.number().int().nonnegative(),
  level: z.enum(['reliable', 'tentative', 'unreliable', 'no-data']),
  reading: z.string(),
});
export type AgreementFigure = z.infer<typeof agreementFigureSchema>;

/** The agreement report: analysts compared, and figures overall first, then per article. */
export const agreementReportSchema = z.object({
  analysts: z.array(z.string()),
  articles: z.number().int().nonnegative(),
  overall: z.array(agreementFigureSchema),
  perArticle: z.array(agreementFigureSchema),
});
export type AgreementReport = z.infer<typeof agreementReportSchema>;
