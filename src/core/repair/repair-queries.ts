/**
 * Questions asked of a repair's state, by the decider and by screens alike, so both always agree
 * on where a repair stands.
 */
import type { RepairState, RepairTurn } from './repair-state.ts';

/** The stages of a repair, in order. Stepping away pauses any of them without changing it. */
export const REPAIR_STAGES = [
  'notStarted',
  'settling',
  'agreeingTime',
  'comingBack',
  'turns',
  'nextStep',
  'completed',
  'setAside',
] as const;

/** One stage of a repair. */
export type RepairStage = (typeof REPAIR_STAGES)[number];

/** Whether `personId` belongs to this repair. */
export function repairIsMember(state: RepairState, personId: string): boolean {
  return state.memberIds.includes(personId);
}

/** Whether every member has said they are settled enough. */
export function repairAllSettled(state: RepairState): boolean {
  return state.memberIds.every((id) => id in state.settled);
}

/** Whether every member has arrived for the agreed time. */
export function repairAllArrived(state: RepairState): boolean {
  return state.agreedReturn !== null && state.memberIds.every((id) => id in state.arrived);
}

/** Whether anyone has stepped away right now: while so, nothing moves on together (R10). */
export function repairIsPaused(state: RepairState): boolean {
  return Object.keys(state.away).length > 0;
}

/** The turn under way (begun, not yet ended), if any. */
export function repairOpenTurn(state: RepairState): RepairTurn | null {
  const last = state.turns.at(-1);
  return last && last.endedAtMs === null ? last : null;
}

/** The members who still owe an acknowledgement for `turn`. */
export function repairTurnAwaitingAcknowledgement(state: RepairState, turn: RepairTurn): string[] {
  return state.memberIds.filter((id) => id !== turn.speakerId && !(id in turn.acknowledgements));
}

/** Whether the most recent turn has ended and been acknowledged by everyone else. */
export function repairFloorIsFree(state: RepairState): boolean {
  const last = state.turns.at(-1);
  return (
    !last ||
    (last.endedAtMs !== null && repairTurnAwaitingAcknowledgement(state, last).length === 0)
  );
}

/** Members who have not yet had their turn. */
export function repairMembersYetToSpeak(state: RepairState): string[] {
  return state.memberIds.filter((id) => !state.turns.some((turn) => turn.speakerId === id));
}

/** Where the repair stands. */
export function repairStage(state: RepairState): RepairStage {
  if (state.status === 'none') return 'notStarted';
  if (state.status === 'completed') return 'completed';
  if (state.status === 'setAside') return 'setAside';
  if (!repairAllSettled(state)) return 'settling';
  if (state.agreedReturn === null) return 'agreeingTime';
  if (!repairAllArrived(state)) return 'comingBack';
  if (repairMembersYetToSpeak(state).length > 0 || !repairFloorIsFree(state)) return 'turns';
  return 'nextStep';
}
