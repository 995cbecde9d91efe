/**
 * Repairs by the local month they began: how many began, how many reached a next step, and the
 * median time from rupture to next step of those that did. A repair still open, or set aside,
 * counts as begun and adds no time: nothing is guessed and nothing is marked as overdue.
 */
import { localMonthKey } from './local-calendar.ts';
import { groupByKey } from './local-weeks.ts';
import { medianOf } from './median.ts';
import {
  progressPeriodCheck,
  progressPeriodContains,
  type ProgressPeriod,
  type RepairRecord,
} from './progress-records.ts';

/** One local month of repairs. */
export interface MonthRepairTimes {
  readonly monthOf: string;
  readonly startedCount: number;
  readonly completedCount: number;
  /** Null when none that began this month is complete. */
  readonly medianTimeToRepairMs: number | null;
}

/** Time from rupture (or start) to the agreed next step, or null while not complete. */
export function repairRecordTimeToRepairMs(repair: RepairRecord): number | null {
  if (repair.completedAtMs === null || !Number.isFinite(repair.completedAtMs)) return null;
  const fromMs = Math.min(repair.ruptureAtMs ?? repair.startedAtMs, repair.startedAtMs);
  return Math.max(0, repair.completedAtMs - fromMs);
}

/** Repairs that began within the period, by the local month they began in. */
export function repairTimesByMonth(
  repairs: readonly RepairRecord[],
  period: ProgressPeriod,
  tzOffsetMin: number,
): MonthRepairTimes[] {
  progressPeriodCheck(period);
  const inPeriod = repairs.filter(
    (repair) =>
      Number.isFinite(repair.startedAtMs) && progressPeriodContains(period, repair.startedAtMs),
  );
  return groupByKey(inPeriod, (repair) => localMonthKey(repair.startedAtMs, tzOffsetMin)).map(
    ([monthOf, group]) => {
      const times = group
        .map(repairRecordTimeToRepairMs)
        .filter((time): time is number => time !== null);
      return {
        monthOf,
        startedCount: group.length,
        completedCount: times.length,
        medianTimeToRepairMs: medianOf(times),
      };
    },
  );
}
