/**
 * What each person may see of each repair event (R-V1 to R-V4 in SPEC.md). The server asks this at
 * the moment it sends or reads, for every viewer, so a draft stays with its writer and a history
 * choice with its owner.
 */
import type { RepairEvent } from './repair-events.ts';

/**
 * Stands in for an event the viewer may not see, so their log has no gaps in its sequence numbers
 * while learning nothing about what happened.
 */
export interface RepairHiddenEvent {
  readonly type: 'hidden';
}

/**
 * The event as `viewerId` may see it: whole, with details removed, hidden, or `null` for someone
 * outside the repair, who receives nothing at all.
 */
export function repairEventForViewer(
  memberIds: readonly string[],
  event: RepairEvent,
  viewerId: string,
): RepairEvent | RepairHiddenEvent | null {
  if (!memberIds.includes(viewerId)) return null;
  switch (event.type) {
    case 'turnWordsSaved':
      // Words in progress are the speaker's until they end the turn and hand them over.
      return event.speakerId === viewerId ? event : { type: 'hidden' };
    case 'historyChoiceSet':
      return event.personId === viewerId ? event : { type: 'hidden' };
    case 'settled':
      // Others need to know someone has settled, not how.
      return event.personId === viewerId ? event : { ...event, practiceId: null };
    case 'steppedAway':
    case 'steppedBack':
      // Like a pause in a live session, stepping away never puts the person on the spot.
      return event.personId === viewerId ? event : { ...event, personId: '' };
    default:
      return event;
  }
}
