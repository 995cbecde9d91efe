/**
 * What each person may see of each event (V1–V3 in SPEC.md). The server asks this at the moment
 * it sends, for every recipient, so a private check-in never leaves its owner's devices and a
 * pause stays anonymous unless its maker chose to say.
 */
import type { SessionEvent } from './events.ts';

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
      return event.visibility === 'shared' || event.participantId === viewerId ? event : { type: 'hidden' };
    case 'sessionPaused':
    case 'sessionResumed':
      return event.saidItWasThem || event.participantId === viewerId ? event : { ...event, participantId: null };
    default:
      return event;
  }
}
