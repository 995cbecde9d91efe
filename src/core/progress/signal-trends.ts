/**
 * Synchrony and coherence, week by week: the median of the week's readings and how many there
 * were. A median, because one unusual session says little; the count, because a median of two
 * readings means less than one of twenty. A median cannot be rebuilt from two medians, so weeks
 * combine only when each week lies wholly in one part (property-tested at week boundaries).
 */
import { localWeekKey } from './local-calendar.ts';
import { groupByKey } from './local-weeks.ts';
import { medianOf } from './median.ts';
import {
  progressPeriodCheck,
  progressPeriodContains,
  type CoherenceRecord,
  type ProgressPeriod,
  type SynchronyRecord,
} from './progress-records.ts';

/** One local week of readings. */
export interface WeekTrendPoint {
  readonly weekOf: string;
  readonly median: number;
  readonly count: number;
}

/** The weekly median and count of any readings with a time and a finite value. */
export function weeklyMedians<T extends { readonly atMs: number }>(
  records: readonly T[],
  valueOf: (record: T) => number,
  period: ProgressPeriod,
  tzOffsetMin: number,
): WeekTrendPoint[] {
  progressPeriodCheck(period);
  const inPeriod = records.filter(
    (record) => Number.isFinite(valueOf(record)) && progressPeriodContains(period, record.atMs),
  );
  return groupByKey(inPeriod, (record) => localWeekKey(record.atMs, tzOffsetMin)).map(
    ([weekOf, group]) => ({
      weekOf,
      median: medianOf(group.map(valueOf)) ?? 0,
      count: group.length,
    }),
  );
}

/** Synchrony scores by week. */
export function synchronyByWeek(
  records: readonly SynchronyRecord[],
  period: ProgressPeriod,
  tzOffsetMin: number,
): WeekTrendPoint[] {
  return weeklyMedians(records, (record) => record.score, period, tzOffsetMin);
}

/** Coherence ratios by week. */
export function coherenceByWeek(
  records: readonly CoherenceRecord[],
  period: ProgressPeriod,
  tzOffsetMin: number,
): WeekTrendPoint[] {
  return weeklyMedians(records, (record) => record.ratio, period, tzOffsetMin);
}
