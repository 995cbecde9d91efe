/**
 * Practice doses by local week: how many practices, how long in total, and how long each was.
 * There are no targets and nothing to reach: a longer dose is only ever the person's choice
 * (DESIGN, rule 2), and the chart shows lengths so that choice is visible, not judged.
 * Every week keeps its lengths, so two sets of weeks combine exactly, even when a week is split
 * across them (property-tested).
 */
import { localWeekKey } from './local-calendar.ts';
import { groupByKey } from './local-weeks.ts';
import { medianOf } from './median.ts';
import {
  progressPeriodCheck,
  progressPeriodContains,
  type PracticeRecord,
  type ProgressPeriod,
} from './progress-records.ts';

/** One practice's share of a week. */
export interface PracticeTally {
  readonly count: number;
  readonly totalMs: number;
}

/** One local week of practice. */
export interface WeekDose {
  readonly weekOf: string;
  readonly practiceCount: number;
  /** Practices that ran their whole chosen length; stopping early is always fine and counts the same. */
  readonly completedCount: number;
  readonly totalMs: number;
  /** Each practice's length, shortest first. */
  readonly lengthsMs: readonly number[];
  readonly medianLengthMs: number;
  readonly longestMs: number;
  readonly byPractice: Readonly<Record<string, PracticeTally>>;
}

/** A practice record that can be counted: a finite instant and a length of zero or more. */
function isCountable(practice: PracticeRecord): boolean {
  return (
    Number.isFinite(practice.atMs) &&
    Number.isFinite(practice.durationMs) &&
    practice.durationMs >= 0
  );
}

/** Builds one week from its practices and its name. */
function weekDoseOf(weekOf: string, practices: readonly PracticeRecord[]): WeekDose {
  const lengthsMs = practices.map((practice) => practice.durationMs).sort((a, b) => a - b);
  const byPractice: Record<string, PracticeTally> = {};
  for (const practice of practices) {
    const tally = byPractice[practice.practiceId] ?? { count: 0, totalMs: 0 };
    byPractice[practice.practiceId] = {
      count: tally.count + 1,
      totalMs: tally.totalMs + practice.durationMs,
    };
  }
  return {
    weekOf,
    practiceCount: practices.length,
    completedCount: practices.filter((practice) => practice.completed).length,
    totalMs: lengthsMs.reduce((sum, length) => sum + length, 0),
    lengthsMs,
    medianLengthMs: medianOf(lengthsMs) ?? 0,
    longestMs: lengthsMs.at(-1) ?? 0,
    byPractice,
  };
}

/** Practices that began within the period, by the local week they began in. */
export function practiceDosesByWeek(
  practices: readonly PracticeRecord[],
  period: ProgressPeriod,
  tzOffsetMin: number,
): WeekDose[] {
  progressPeriodCheck(period);
  const inPeriod = practices.filter(
    (practice) => isCountable(practice) && progressPeriodContains(period, practice.atMs),
  );
  return groupByKey(inPeriod, (practice) => localWeekKey(practice.atMs, tzOffsetMin)).map(
    ([weekOf, group]) => weekDoseOf(weekOf, group),
  );
}

/** Two sets of weeks as one, adding up any week found in both. */
export function practiceDosesCombine(a: readonly WeekDose[], b: readonly WeekDose[]): WeekDose[] {
  const byWeek = new Map<string, WeekDose>();
  for (const week of [...a, ...b]) {
    const other = byWeek.get(week.weekOf);
    if (!other) {
      byWeek.set(week.weekOf, week);
      continue;
    }
    const lengthsMs = [...other.lengthsMs, ...week.lengthsMs].sort((x, y) => x - y);
    const byPractice: Record<string, PracticeTally> = { ...other.byPractice };
    for (const [practiceId, tally] of Object.entries(week.byPractice)) {
      const before = byPractice[practiceId] ?? { count: 0, totalMs: 0 };
      byPractice[practiceId] = {
        count: before.count + tally.count,
        totalMs: before.totalMs + tally.totalMs,
      };
    }
    byWeek.set(week.weekOf, {
      weekOf: week.weekOf,
      practiceCount: other.practiceCount + week.practiceCount,
      completedCount: other.completedCount + week.completedCount,
      totalMs: other.totalMs + week.totalMs,
      lengthsMs,
      medianLengthMs: medianOf(lengthsMs) ?? 0,
      longestMs: lengthsMs.at(-1) ?? 0,
      byPractice,
    });
  }
  return [...byWeek.values()].sort((x, y) =>
    x.weekOf < y.weekOf ? -1 : x.weekOf > y.weekOf ? 1 : 0,
  );
}
