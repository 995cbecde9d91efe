/**
 * A cycle-map command turned down: a stable code for programs and a sentence a person can act
 * on. The sentences never blame, and never tell anyone what the other person wrote.
 */
import type { CycleMapEvent } from './cycle-map-events.ts';

/** Stable codes for a cycle-map command that is turned down. */
export const CYCLE_MAP_REJECTION_CODES = {
  mapNotFound: 'cycle_map_not_found',
  mapExists: 'cycle_map_exists',
  partnerInvalid: 'cycle_map_partner_invalid',
  notOnMap: 'cycle_map_not_on_map',
  alreadyRevealed: 'cycle_map_already_revealed',
  notRevealed: 'cycle_map_not_revealed',
  sideMarkedReady: 'cycle_map_side_marked_ready',
  sideIncomplete: 'cycle_map_side_incomplete',
  notBothReady: 'cycle_map_not_both_ready',
} as const;

/** One stable cycle-map rejection code. */
export type CycleMapRejectionCode =
  (typeof CYCLE_MAP_REJECTION_CODES)[keyof typeof CYCLE_MAP_REJECTION_CODES];

/** The outcome of a cycle-map command: the events it adds, or why it was turned down. */
export type CycleMapDecision =
  | { readonly ok: true; readonly events: readonly CycleMapEvent[] }
  | { readonly ok: false; readonly code: CycleMapRejectionCode; readonly message: string };

/** A decision that turns the command down. */
export function cycleMapRejection(code: CycleMapRejectionCode, message: string): CycleMapDecision {
  return { ok: false, code, message };
}

/** A decision that accepts the command, adding `events` (possibly none). */
export function cycleMapAccepted(...events: CycleMapEvent[]): CycleMapDecision {
  return { ok: true, events };
}
