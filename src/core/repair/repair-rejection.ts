/**
 * A repair command turned down: a stable snake_case code for programs and a sentence a person can
 * act on. Sentences never blame, never hurry anyone, and never ask why someone stepped away.
 */
import type { RepairEvent } from './repair-events.ts';

/** Stable codes for a repair command that is turned down. Clients branch on these. */
export const REPAIR_REJECTION_CODES = {
  repairExists: 'repair_exists',
  repairNotFound: 'repair_not_found',
  repairClosed: 'repair_closed',
  notMember: 'not_member',
  needsTwo: 'repair_needs_two',
  ruptureTimeInvalid: 'rupture_time_invalid',
  practiceNotSolo: 'practice_not_solo',
  stillSettling: 'still_settling',
  someoneAway: 'someone_stepped_away',
  notAway: 'not_stepped_away',
  returnTimeInvalid: 'return_time_invalid',
  noProposal: 'no_proposal',
  proposalMovedOn: 'proposal_moved_on',
  ownProposal: 'own_proposal',
  timeNotAgreed: 'time_not_agreed',
  tooEarly: 'too_early',
  talkStarted: 'talk_started',
  notTalkingYet: 'not_talking_yet',
  floorTaken: 'floor_taken',
  alreadySpoke: 'already_spoke',
  acknowledgementsPending: 'acknowledgements_pending',
  holdingSpace: 'holding_space',
  noOpenTurn: 'no_open_turn',
  turnMovedOn: 'turn_moved_on',
  turnStillOpen: 'turn_still_open',
  ownTurn: 'own_turn',
  turnsUnfinished: 'turns_unfinished',
} as const;

/** One stable repair rejection code. */
export type RepairRejectionCode =
  (typeof REPAIR_REJECTION_CODES)[keyof typeof REPAIR_REJECTION_CODES];

/** The outcome of a repair command: the events it adds, or why it was turned down. */
export type RepairDecision =
  | { readonly ok: true; readonly events: readonly RepairEvent[] }
  | { readonly ok: false; readonly code: RepairRejectionCode; readonly message: string };

/** A decision that turns the command down. */
export function repairRejection(code: RepairRejectionCode, message: string): RepairDecision {
  return { ok: false, code, message };
}

/** A decision that accepts the command, adding `events` (possibly none). */
export function repairAccepted(...events: RepairEvent[]): RepairDecision {
  return { ok: true, events };
}
