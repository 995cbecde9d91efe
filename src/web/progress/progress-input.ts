/**
 * From what arrived (the server's records and this device's own check-ins) to the core's progress
 * input, and the period a person chooses to look at. Check-ins kept only on this device join the
 * timeline here, in the browser, and are never sent anywhere.
 */
import type { ProgressInput, ProgressPeriod } from '../../core/progress/index.ts';
import {
  MS_PER_DAY,
  localDayNumber,
  localDayStartMs,
  weekdayOfDayNumber,
} from '../../core/progress/index.ts';
import type { ProgressInputView } from '../../core/protocol/between-us-api.ts';
import { NERVOUS_SYSTEM_STATES, type NervousSystemState } from '../../core/states/nervous-system-state.ts';
import type { LocalCheckIn } from '../local/check-ins.ts';
import { recordsRead } from '../reflections/record-bodies.ts';

/** The spans a person can look at. */
export const PROGRESS_SPANS = ['twelveWeeks', 'year', 'everything'] as const;

/** One span. */
export type ProgressSpan = (typeof PROGRESS_SPANS)[number];

/** How each span is named on its button. */
export const PROGRESS_SPAN_NAMES: Readonly<Record<ProgressSpan, string>> = {
  twelveWeeks: 'Last 12 weeks',
  year: 'Last year',
  everything: 'Everything',
};

/** Whole weeks before this one each span reaches back; null reaches back to the first record. */
const SPAN_WEEKS_BEFORE: Readonly<Record<ProgressSpan, number | null>> = {
  twelveWeeks: 11,
  year: 51,
  everything: null,
};

/** A little room past "now", so a device clock slightly ahead of the server's still counts. */
const NOW_MARGIN_MS = 5 * 60 * 1000;

/** This device's offset from UTC at `nowMs`, as the core counts it (local minus UTC, in minutes). */
export function tzOffsetMinAt(nowMs: number): number {
  // getTimezoneOffset is UTC minus local; `|| 0` turns a -0 into 0.
  return -new Date(nowMs).getTimezoneOffset() || 0;
}

function isState(value: string): value is NervousSystemState {
  return (NERVOUS_SYSTEM_STATES as readonly string[]).includes(value);
}

/** The core's progress input from the server's view (null when there is none) and this device's check-ins. */
export function progressInputFrom(view: ProgressInputView | null, localCheckIns: readonly LocalCheckIn[]): ProgressInput {
  const serverCheckIns = (view?.checkIns ?? []).flatMap((checkIn) =>
    isState(checkIn.state) ? [{ atMs: checkIn.atMs, state: checkIn.state, intensity: checkIn.intensity }] : [],
  );
  const records = view?.records ?? [];
  return {
    checkIns: [...serverCheckIns, ...localCheckIns.map((checkIn) => ({ atMs: checkIn.at, state: checkIn.state, intensity: checkIn.intensity }))],
    practices: view?.practices ?? [],
    synchrony: view?.synchrony ?? [],
    coherence: view?.coherence ?? [],
    cycleMoments: view?.cycleMoments ?? [],
    repairs: view?.repairs ?? [],
    workingModelAnswers: recordsRead(records, 'workingModel').map((read) => read.body),
    markerRatings: recordsRead(records, 'changeMarkers').map((read) => read.body),
  };
}

/** The earliest instant anywhere in the input, or null when it is empty. */
export function progressInputEarliestMs(input: ProgressInput): number | null {
  const instants = [
    ...(input.checkIns ?? []).map((record) => record.atMs),
    ...(input.practices ?? []).map((record) => record.atMs),
    ...(input.synchrony ?? []).map((record) => record.atMs),
    ...(input.coherence ?? []).map((record) => record.atMs),
    ...(input.cycleMoments ?? []).map((record) => record.atMs),
    ...(input.repairs ?? []).map((record) => record.startedAtMs),
    ...(input.workingModelAnswers ?? []).map((record) => record.atMs),
    ...(input.markerRatings ?? []).map((record) => record.atMs),
  ].filter(Number.isFinite);
  return instants.length === 0 ? null : Math.min(...instants);
}

/**
 * The period a span covers: from the local Monday that many whole weeks back (or the local Monday
 * of the first record, for "everything") up to just after now.
 */
export function progressPeriodOf(span: ProgressSpan, input: ProgressInput, nowMs: number, tzOffsetMin: number): ProgressPeriod {
  const today = localDayNumber(nowMs, tzOffsetMin);
  const thisMonday = today - (weekdayOfDayNumber(today) - 1);
  const weeksBefore = SPAN_WEEKS_BEFORE[span];
  let firstDay: number;
  if (weeksBefore === null) {
    const earliestMs = progressInputEarliestMs(input);
    const earliestDay = earliestMs === null ? today : Math.min(today, localDayNumber(earliestMs, tzOffsetMin));
    firstDay = earliestDay - (weekdayOfDayNumber(earliestDay) - 1);
  } else {
    firstDay = thisMonday - 7 * weeksBefore;
  }
  const fromMs = localDayStartMs(firstDay, tzOffsetMin);
  return { fromMs, toMs: Math.max(fromMs + MS_PER_DAY, nowMs + NOW_MARGIN_MS) };
}
