import { z } from 'zod';
import { idSchema } from './ids';

export const claimFormSchema = z.enum(['direct-quote', 'paraphrase', 'assertion']);
export type ClaimForm = z.infer<typeof claimFormSchema>;

export const CLAIM_FORM_LABELS: Record<ClaimForm, string> = {
  'direct-quote': 'Direct quote',
  paraphrase: 'Paraphrase',
  assertion: "Author's own assertion",
};

/** Admiralty (NATO) grading: how reliable the source has proved to be. */
export const reliabilitySchema = z.enum(['A', 'B', 'C', 'D', 'E', 'F']);
export type Reliability = z.infer<typeof reliabilitySchema>;
export const RELIABILITY_LABELS: Record<Reliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};

/** Admiralty (NATO) grading: how credible this piece of information is. */
export const credibilitySchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]);
export type Credibility = z.infer<typeof credibilitySchema>;
export const CREDIBILITY_LABELS: Record<Credibility, string> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
};

export const verificationSchema = z.enum(['unverified', 'corroborated', 'contested', 'false']);
export type Verification = z.infer<typeof verificationSchema>;
export const VERIFICATION_LABELS: Record<Verification, string> = {
  unverified: 'Unverified',
  corroborated: 'Corroborated',
  contested: 'Contested',
  false: 'False',
};

export const claimLinkTypeSchema = z.enum(['supports', 'contradicts', 'repeats']);
export type ClaimLinkType = z.infer<typeof claimLinkTypeSchema>;

const claimRefShape = { articleId: idSchema, annotationId: idSchema };

/** A reference to a claim annotation anywhere in the library, as callers send it (unknown keys refused). */
export const claimRefSchema = z.strictObject(claimRefShape);
export type ClaimRef = z.infer<typeof claimRefSchema>;

/**
 * A link between two claims, stored on both: `direction` says whether this claim is the subject
 * ("this supports that": out) or the object ("that supports this": in).
 */
export const claimLinkSchema = z.object({ ...claimRefShape, type: claimLinkTypeSchema, direction: z.enum(['out', 'in']) });
export type ClaimLink = z.infer<typeof claimLinkSchema>;

export const claimDetailsSchema = z.object({
  speakerId: idSchema.nullable(),
  form: claimFormSchema,
  /** Statement, post, interview, briefing… free text. */
  medium: z.string().trim().max(100),
  reliability: reliabilitySchema.nullable(),
  credibility: credibilitySchema.nullable(),
  verification: verificationSchema,
});
export type ClaimDetails = z.infer<typeof claimDetailsSchema>;

export const claimSchema = claimDetailsSchema.extend({ links: z.array(claimLinkSchema).max(500) });
export type Claim = z.infer<typeof claimSchema>;

/** "B2", or "–" when ungraded. */
export function gradeOf(claim: Pick<Claim, 'reliability' | 'credibility'>): string {
  if (!claim.reliability && !claim.credibility) return '–';
  return `${claim.reliability ?? '?'}${claim.credibility ?? '?'}`;
}
