/**
 * The plain records the progress timeline is built from, each with the instant it happened
 * (milliseconds since the epoch, server time). They come from check-ins, practices, sensors,
 * cycle moments, repairs and reflections; this module only reads them.
 */
import type { NervousSystemState } from '../states/nervous-system-state.ts';

/** A check-in: how the person's nervous system felt, and how strongly (0–10). */
export interface CheckInRecord {
  readonly atMs: number;
  readonly state: NervousSystemState;
  readonly intensity: number;
}

/** A practice done, alone or together: when it began, how long it ran, whether it ran its course. */
export interface PracticeRecord {
  readonly atMs: number;
  readonly practiceId: string;
  readonly durationMs: number;
  readonly completed: boolean;
}

/** A synchrony score (0–1) from a practice together. */
export interface SynchronyRecord {
  readonly atMs: number;
  readonly score: number;
}

/** A heart-rhythm coherence ratio from a practice. */
export interface CoherenceRecord {
  readonly atMs: number;
  readonly ratio: number;
}

/** A moment someone noticed the cycle ("our cycle is here"). */
export interface CycleMomentRecord {
  readonly atMs: number;
}

/** A repair kept in the person's own history (see repair's `repairHistoryRecordFor`). */
export interface RepairRecord {
  /** When the rupture happened; left out, the start stands in for it. */
  readonly ruptureAtMs?: number;
  readonly startedAtMs: number;
  readonly completedAtMs: number | null;
}

/** A span of time from `fromMs` up to, not including, `toMs`. */
export interface ProgressPeriod {
  readonly fromMs: number;
  readonly toMs: number;
}

/** Throws when a period is not a span of finite instants running forward. */
export function progressPeriodCheck(period: ProgressPeriod): void {
  if (
    !Number.isFinite(period.fromMs) ||
    !Number.isFinite(period.toMs) ||
    period.fromMs > period.toMs
  ) {
    throw new RangeError(
      `A period runs forward between finite instants; got ${String(period.fromMs)} to ${String(period.toMs)}.`,
    );
  }
}

/** Whether an instant falls within the period. */
export function progressPeriodContains(period: ProgressPeriod, atMs: number): boolean {
  return atMs >= period.fromMs && atMs < period.toMs;
}
