/**
 * What each person may see of each event (V1–V4 in SPEC.md). The server asks this at the moment
 * it sends, for every recipient, so a private check-in never leaves its owner's devices and a
 * pause stays anonymous unless its maker chose to say.
 */
import { BOUNDARY_KINDS, type Boundaries, type BoundaryKind } from '../boundaries/boundary.ts';
import { PRACTICE_LIST } from '../practices/index.ts';
import type { SessionEvent } from './events.ts';

/**
 * The boundary kinds other people's devices need to know, because a practice is withheld from
 * everyone when anyone present rules it out. Every other boundary stays with its owner.
 */
export const BOUNDARY_KINDS_SHARED_WITH_OTHERS: readonly BoundaryKind[] = BOUNDARY_KINDS.filter((kind) =>
  PRACTICE_LIST.some((practice) => practice.excludedBy.includes(kind)),
);

/** Someone's boundaries as another person's device receives them: only what changes what is offered. */
export function boundariesForOthers(boundaries: Boundaries): Boundaries {
  return Object.fromEntries(
    BOUNDARY_KINDS.map((kind) => [kind, BOUNDARY_KINDS_SHARED_WITH_OTHERS.includes(kind) && boundaries[kind]]),
  ) as Record<BoundaryKind, boolean>;
}

/**
 * Stands in for an event the viewer may not see, so their log still has no gaps in its sequence
 * numbers while learning nothing about what happened.
 */
export interface HiddenEvent {
  readonly type: 'hidden';
}

/** The event as `viewerId` may see it: whole, with details removed, or hidden. */
export function sessionEventForViewer(event: SessionEvent, viewerId: string): SessionEvent | HiddenEvent {
  switch (event.type) {
    case 'checkedIn':
      if (event.participantId === viewerId) return event;
      // Sharing a check-in shares the state and how strong it is; the note and body tags are
      // written for oneself and stay with their owner.
      return event.visibility === 'shared' ? { ...event, note: '', tags: [] } : { type: 'hidden' };
    case 'participantJoined':
    case 'boundariesSet':
      return event.participantId === viewerId ? event : { ...event, boundaries: boundariesForOthers(event.boundaries) };
    case 'sessionPaused':
    case 'sessionResumed':
      return event.saidItWasThem || event.participantId === viewerId ? event : { ...event, participantId: null };
    default:
      return event;
  }
}
