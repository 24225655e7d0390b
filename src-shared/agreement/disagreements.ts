/**
 * What the curation view lists for one article: the analysts' annotations aligned into units,
 * each with what the analysts disagree on, disagreements first.
 */
import { alignAnnotations, type AlignedUnit, type CodedAnnotation } from './align';

/** One aligned unit and how its versions differ (empty `differences`: all agree). */
export interface CurationUnit<A extends CodedAnnotation> {
  kind: CodedAnnotation['kind'];
  versions: AlignedUnit<A>;
  differences: string[];
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

function differencesOf<A extends CodedAnnotation>(versions: AlignedUnit<A>, analysts: readonly string[]): string[] {
  const present = versions.filter((a): a is A => a !== null);
  const missing = versions.flatMap((a, i) => (a ? [] : [analysts[i]!]));
  const out: string[] = [];
  if (missing.length) out.push(`Not marked by ${missing.join(', ')}`);
  const first = present[0]!;
  const differs = (f: (a: A) => unknown) => present.some((a) => f(a) !== f(first));
  if (differs((a) => a.start) || differs((a) => a.end)) out.push('Passage');
  if (differs((a) => a.actorId)) out.push('Actor');
  if (differs((a) => a.claim?.speakerId ?? null)) out.push('Speaker');
  if (differs((a) => a.claim?.reliability ?? null)) out.push('Reliability');
  if (differs((a) => a.claim?.credibility ?? null)) out.push('Credibility');
  if (differs((a) => a.claim?.verification ?? null)) out.push('Verification');
  if (present.some((a) => !sameSet(a.tags, first.tags))) out.push('Tags');
  return out;
}

/** Units of every kind, disagreements first, each group in text order. */
export function curationUnits<A extends CodedAnnotation>(annotations: readonly A[], analysts: readonly string[]): CurationUnit<A>[] {
  const units: CurationUnit<A>[] = [];
  for (const kind of ['actor', 'claim', 'highlight'] as const) {
    for (const versions of alignAnnotations(annotations.filter((a) => a.kind === kind), analysts.length)) {
      units.push({ kind, versions, differences: differencesOf(versions, analysts) });
    }
  }
  const start = (u: CurationUnit<A>) => Math.min(...u.versions.flatMap((a) => (a ? [a.start] : [])));
  return units.sort((a, b) => Number(b.differences.length > 0) - Number(a.differences.length > 0) || start(a) - start(b));
}
