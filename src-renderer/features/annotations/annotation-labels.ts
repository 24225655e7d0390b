import type { Annotation } from '../../../src-shared/domain/annotation';
import { gradeOf, VERIFICATION_LABELS } from '../../../src-shared/domain/claim';
import type { ActorEntry } from '../../app/workbench-context';


/** One line saying what an annotation is: "Claim by Ilse Marnow · B3 · Unverified". */
export function describeAnnotation(annotation: Annotation, actors: Map<string, ActorEntry>): string {
  if (annotation.kind === 'actor') return `Actor: ${actors.get(annotation.actorId ?? '')?.name ?? 'unknown actor'}`;
  if (annotation.kind === 'claim' && annotation.claim) {
    const speaker = annotation.claim.speakerId ? actors.get(annotation.claim.speakerId)?.name ?? 'unknown speaker' : 'no speaker';
    return `Claim by ${speaker} · ${gradeOf(annotation.claim)} · ${VERIFICATION_LABELS[annotation.claim.verification]}`;
  }
  return 'Highlight';
}
