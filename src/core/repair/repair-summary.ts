/**
 * What a repair's log adds up to: how long it took from the rupture to an agreed next step, and a
 * summary for progress. Time-to-repair is measured from the rupture, not from the tap that started
 * the repair, because the time before starting is part of finding the way back.
 */
import type { RepairOrigin } from './repair-commands.ts';
import type { RepairEvent } from './repair-events.ts';
import { repairFold } from './repair-state.ts';

/** A repair as it appears in one person's own history, for the progress timeline. */
export interface RepairHistoryRecord {
  readonly repairId: string;
  readonly ruptureAtMs: number;
  readonly startedAtMs: number;
  /** When the next step was agreed; null while open or when set aside. */
  readonly completedAtMs: number | null;
}

/** The shape of a repair, without anything anyone said. */
export interface RepairSummary extends RepairHistoryRecord {
  readonly memberIds: readonly string[];
  readonly startedFrom: RepairOrigin;
  readonly status: 'open' | 'completed' | 'setAside';
  readonly setAsideAtMs: number | null;
  readonly timeToRepairMs: number | null;
  /** How long each person took to settle, from the start of the repair. */
  readonly settledAfterMs: Readonly<Record<string, number>>;
  readonly agreedReturnAtMs: number | null;
  readonly turnCount: number;
  readonly steppedAwayCount: number;
}

/** Milliseconds from the rupture to the agreed next step, or null if the repair is not complete. */
export function repairTimeToRepairMs(events: readonly RepairEvent[]): number | null {
  const state = repairFold(events);
  return state.status === 'completed' && state.completedAtMs !== null
    ? state.completedAtMs - state.ruptureAtMs
    : null;
}

/** A summary of the repair's times and steps, or null for a log with no start. */
export function repairSummary(events: readonly RepairEvent[]): RepairSummary | null {
  const state = repairFold(events);
  if (state.status === 'none') return null;
  return {
    repairId: state.repairId,
    memberIds: state.memberIds,
    startedFrom: state.startedFrom,
    status: state.status,
    ruptureAtMs: state.ruptureAtMs,
    startedAtMs: state.startedAtMs,
    completedAtMs: state.completedAtMs,
    setAsideAtMs: state.setAsideAtMs,
    timeToRepairMs: repairTimeToRepairMs(events),
    settledAfterMs: Object.fromEntries(
      Object.entries(state.settled).map(([personId, { atMs }]) => [
        personId,
        atMs - state.startedAtMs,
      ]),
    ),
    agreedReturnAtMs: state.agreedReturn?.returnAtMs ?? null,
    turnCount: state.turns.filter((turn) => turn.endedAtMs !== null).length,
    steppedAwayCount: events.filter((event) => event.type === 'steppedAway').length,
  };
}

/**
 * The repair for `personId`'s own history, only if they are in it and chose to keep it there
 * (R12): nothing enters a person's history without their yes.
 */
export function repairHistoryRecordFor(
  events: readonly RepairEvent[],
  personId: string,
): RepairHistoryRecord | null {
  const state = repairFold(events);
  if (
    state.status === 'none' ||
    !state.memberIds.includes(personId) ||
    state.historyChoices[personId] !== true
  )
    return null;
  return {
    repairId: state.repairId,
    ruptureAtMs: state.ruptureAtMs,
    startedAtMs: state.startedAtMs,
    completedAtMs: state.completedAtMs,
  };
}
