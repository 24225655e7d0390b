import type { ActorKind } from '../../../src-shared/domain/actor';

export const ACTOR_KIND_LABELS: Record<ActorKind, string> = {
  person: 'Person',
  organization: 'Organization',
  state: 'State',
  group: 'Group',
  other: 'Other',
};

export const ACTOR_KINDS = Object.keys(ACTOR_KIND_LABELS) as ActorKind[];
