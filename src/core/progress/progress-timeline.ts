/**
 * One timeline of body and relationship for a period: the window of tolerance, practice doses,
 * synchrony and coherence trends, cycle moments, repair times, and reflections. Pure: records in,
 * aggregates out. Empty input gives empty output (zeros, empty lists and null shares, never NaN).
 */
import type { ChangeMarkerRating } from '../reflections/markers-of-change.ts';
import type { WorkingModelAnswer } from '../reflections/working-model.ts';
import { localWeekKey, tzOffsetCheck } from './local-calendar.ts';
import { groupByKey } from './local-weeks.ts';
import { practiceDosesByWeek, type WeekDose } from './practice-doses.ts';
import {
  progressPeriodCheck,
  progressPeriodContains,
  type CheckInRecord,
  type CoherenceRecord,
  type CycleMomentRecord,
  type PracticeRecord,
  type ProgressPeriod,
  type RepairRecord,
  type SynchronyRecord,
} from './progress-records.ts';
import { reflectionProgress, type ReflectionProgress } from './reflection-progress.ts';
import { repairTimesByMonth, type MonthRepairTimes } from './repair-times.ts';
import { coherenceByWeek, synchronyByWeek, type WeekTrendPoint } from './signal-trends.ts';
import {
  windowShares,
  windowTimes,
  windowTimesByWeek,
  type WeekWindowTimes,
  type WindowShares,
  type WindowTimes,
} from './window-of-tolerance.ts';

/** Everything the timeline can draw on; any part may be left out. */
export interface ProgressInput {
  readonly checkIns?: readonly CheckInRecord[];
  readonly practices?: readonly PracticeRecord[];
  readonly synchrony?: readonly SynchronyRecord[];
  readonly coherence?: readonly CoherenceRecord[];
  readonly cycleMoments?: readonly CycleMomentRecord[];
  readonly repairs?: readonly RepairRecord[];
  readonly workingModelAnswers?: readonly WorkingModelAnswer[];
  readonly markerRatings?: readonly ChangeMarkerRating[];
}

/** How many cycle moments were noticed in one local week. */
export interface WeekCount {
  readonly weekOf: string;
  readonly count: number;
}

/** The whole timeline for one period. */
export interface ProgressTimeline {
  readonly period: ProgressPeriod;
  readonly window: {
    readonly times: WindowTimes;
    readonly shares: WindowShares | null;
    readonly byWeek: readonly WeekWindowTimes[];
  };
  readonly practiceDoses: readonly WeekDose[];
  readonly synchrony: readonly WeekTrendPoint[];
  readonly coherence: readonly WeekTrendPoint[];
  readonly cycleMoments: readonly WeekCount[];
  readonly repairs: readonly MonthRepairTimes[];
  readonly reflections: ReflectionProgress;
}

/** Cycle moments within the period, counted by local week. */
export function cycleMomentsByWeek(
  moments: readonly CycleMomentRecord[],
  period: ProgressPeriod,
  tzOffsetMin: number,
): WeekCount[] {
  progressPeriodCheck(period);
  const inPeriod = moments.filter((moment) => progressPeriodContains(period, moment.atMs));
  return groupByKey(inPeriod, (moment) => localWeekKey(moment.atMs, tzOffsetMin)).map(
    ([weekOf, group]) => ({ weekOf, count: group.length }),
  );
}

/** The timeline for `period`, with weeks and months on the person's local calendar. */
export function progressTimeline(
  input: ProgressInput,
  period: ProgressPeriod,
  tzOffsetMin: number,
): ProgressTimeline {
  progressPeriodCheck(period);
  tzOffsetCheck(tzOffsetMin);
  const checkIns = input.checkIns ?? [];
  const times = windowTimes(checkIns, period);
  return {
    period,
    window: {
      times,
      shares: windowShares(times),
      byWeek: windowTimesByWeek(checkIns, period, tzOffsetMin),
    },
    practiceDoses: practiceDosesByWeek(input.practices ?? [], period, tzOffsetMin),
    synchrony: synchronyByWeek(input.synchrony ?? [], period, tzOffsetMin),
    coherence: coherenceByWeek(input.coherence ?? [], period, tzOffsetMin),
    cycleMoments: cycleMomentsByWeek(input.cycleMoments ?? [], period, tzOffsetMin),
    repairs: repairTimesByMonth(input.repairs ?? [], period, tzOffsetMin),
    reflections: reflectionProgress(
      input.workingModelAnswers ?? [],
      input.markerRatings ?? [],
      period,
      tzOffsetMin,
    ),
  };
}
