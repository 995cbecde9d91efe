/**
 * Time within, above and below the window of tolerance, from check-ins.
 *
 * How a check-in counts over time: a check-in describes how the person was around then, so it
 * holds from its moment until the next check-in, for at most `CHECK_IN_HOLDS_FOR_MAX_MS` (three
 * hours). Beyond that we do not know, and the time is not counted at all rather than guessed: a
 * morning check-in says nothing about the evening, and a night without check-ins is not "shut
 * down". This was chosen over counting each check-in once because a person who checks in three
 * times in a hard hour and once on a calm afternoon was not activated three quarters of the day.
 * It needs no time zone, and it adds up exactly: the time in a period is the sum of the time in
 * any split of it (property-tested), because each check-in's span is clipped to the period, and a
 * check-in before the period still holds into it.
 *
 * States: settled counts as within the window, activated as above, shut down as below, and
 * "mixed or unsure" as its own share, so the four shares sum to 1. Intensity does not change the
 * shares: it is how strongly, not how long.
 */
import type { NervousSystemState } from '../states/nervous-system-state.ts';
import { localWeeksOf } from './local-weeks.ts';
import {
  progressPeriodCheck,
  type CheckInRecord,
  type ProgressPeriod,
} from './progress-records.ts';

/** How long one check-in holds when no other follows sooner. */
export const CHECK_IN_HOLDS_FOR_MAX_MS = 3 * 60 * 60 * 1000;

/** The parts of the window of tolerance a check-in's state counts toward. */
export const WINDOW_ZONES = ['within', 'above', 'below', 'mixed'] as const;

/** One part. */
export type WindowZone = (typeof WINDOW_ZONES)[number];

/** Which part each check-in state counts toward. */
export const WINDOW_ZONE_OF_STATE: Readonly<Record<NervousSystemState, WindowZone>> = {
  regulated: 'within',
  activated: 'above',
  shutdown: 'below',
  mixed: 'mixed',
};

/** Milliseconds counted toward each part, and their total. */
export type WindowTimes = Readonly<Record<WindowZone, number>> & { readonly totalMs: number };

/** Each part's share of the counted time; they sum to 1. */
export type WindowShares = Readonly<Record<WindowZone, number>>;

/** No time counted anywhere. */
export const WINDOW_TIMES_NONE: WindowTimes = {
  within: 0,
  above: 0,
  below: 0,
  mixed: 0,
  totalMs: 0,
};

const STATE_ORDER: readonly NervousSystemState[] = ['regulated', 'activated', 'shutdown', 'mixed'];

/** Check-ins in time order; at the same instant, in a fixed order, so the input order never matters. */
function checkInsInOrder(checkIns: readonly CheckInRecord[]): CheckInRecord[] {
  return checkIns
    .filter((checkIn) => Number.isFinite(checkIn.atMs) && checkIn.state in WINDOW_ZONE_OF_STATE)
    .sort(
      (a, b) =>
        a.atMs - b.atMs ||
        STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) ||
        a.intensity - b.intensity,
    );
}

/** Time counted toward each part of the window within the period. */
export function windowTimes(
  checkIns: readonly CheckInRecord[],
  period: ProgressPeriod,
): WindowTimes {
  progressPeriodCheck(period);
  const ordered = checkInsInOrder(checkIns);
  const times = { within: 0, above: 0, below: 0, mixed: 0 };
  ordered.forEach((checkIn, index) => {
    const nextAtMs = ordered[index + 1]?.atMs ?? Number.POSITIVE_INFINITY;
    const holdsUntilMs = Math.min(nextAtMs, checkIn.atMs + CHECK_IN_HOLDS_FOR_MAX_MS);
    const overlapMs = Math.min(holdsUntilMs, period.toMs) - Math.max(checkIn.atMs, period.fromMs);
    if (overlapMs > 0) times[WINDOW_ZONE_OF_STATE[checkIn.state]] += overlapMs;
  });
  return { ...times, totalMs: times.within + times.above + times.below + times.mixed };
}

/** Adds two sets of times, as for two periods side by side. */
export function windowTimesCombine(a: WindowTimes, b: WindowTimes): WindowTimes {
  return {
    within: a.within + b.within,
    above: a.above + b.above,
    below: a.below + b.below,
    mixed: a.mixed + b.mixed,
    totalMs: a.totalMs + b.totalMs,
  };
}

/** Each part's share of the counted time, or null when no time was counted (never NaN). */
export function windowShares(times: WindowTimes): WindowShares | null {
  if (times.totalMs <= 0) return null;
  return {
    within: times.within / times.totalMs,
    above: times.above / times.totalMs,
    below: times.below / times.totalMs,
    mixed: times.mixed / times.totalMs,
  };
}

/** One local week's window times. */
export interface WeekWindowTimes {
  readonly weekOf: string;
  readonly times: WindowTimes;
}

/** Window times for each local week of the period that has any counted time. */
export function windowTimesByWeek(
  checkIns: readonly CheckInRecord[],
  period: ProgressPeriod,
  tzOffsetMin: number,
): WeekWindowTimes[] {
  progressPeriodCheck(period);
  return localWeeksOf(period, tzOffsetMin)
    .map((week) => ({ weekOf: week.weekOf, times: windowTimes(checkIns, week) }))
    .filter((week) => week.times.totalMs > 0);
}
